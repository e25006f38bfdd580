/** What unlock found when it compared the authenticated manifest with the stored records (T09, S8). */
import { z } from 'zod';

const problems = {
  missing: z.array(z.string()),
  unexpected: z.array(z.string()),
  rolledBack: z.array(z.string()),
  quarantined: z.array(z.string()),
};

/**
 * Item ids by problem: in the manifest but gone, stored but not in it, older than it says, or undecryptable;
 * and the overview buckets (parts of the item list, lib/vault/records/overview-bucket) that did not open, whose
 * items were then read from their own records. At unlock only the list is checked: an item's own record is
 * checked when it is opened, and all of them by the integrity check (`vaultCheckIntegrity`). `records` lists the
 * same for the other records bound into the manifest (sharing's contacts, grants, received copies, requests and
 * relay operations), by opaque `<table>/<id>` key.
 */
export const integrityReportSchema = z.object({
  ...problems,
  damagedOverviews: z.array(z.number().int()),
  records: z.object(problems).optional(),
});

export type IntegrityReport = z.infer<typeof integrityReportSchema>;

/** What unlock found when it compared the authenticated manifest with the stored records (T09, S8). */
import { z } from 'zod';

/** Item ids by problem: in the manifest but gone, stored but not in it, older than it says, or undecryptable. */
export const integrityReportSchema = z.object({
  missing: z.array(z.string()),
  unexpected: z.array(z.string()),
  rolledBack: z.array(z.string()),
  quarantined: z.array(z.string()),
});

export type IntegrityReport = z.infer<typeof integrityReportSchema>;

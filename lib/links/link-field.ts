/**
 * One value of a one-time link (issue 14), and the limits the UI and the background share: plain zod, so
 * the protocol map and the pages can use them without bundling any crypto.
 */
import { z } from 'zod';

/** Which kind of value a field is: how the page labels, masks and offers to copy it. */
export const linkFieldNameSchema = z.enum(['username', 'password', 'url', 'totp', 'notes', 'text', 'custom']);
export type LinkFieldName = z.infer<typeof linkFieldNameSchema>;

/** Most characters in one field (a long note fits; the sealed content stays under the relay's 64 KiB). */
export const MAX_LINK_FIELD = 20_000;
/** Longest value of an answer to a request, characters. */
export const MAX_ANSWER_FIELD = 10_000;
/** Longest request label, characters. */
export const MAX_REQUEST_LABEL = 200;

export const linkFieldSchema = z
  .object({
    name: linkFieldNameSchema,
    /** What the page shows beside it, e.g. "Password" or a custom field's own name. */
    label: z.string().min(1).max(100),
    value: z.string().min(1).max(MAX_LINK_FIELD),
    /** Masked until the reader asks (passwords, TOTP secrets, hidden fields). */
    concealed: z.boolean(),
  })
  .strict();
export type LinkField = z.infer<typeof linkFieldSchema>;

/** The kinds of an item's values an owner can put in a link. */
export const itemFieldChoiceSchema = z.enum(['username', 'password', 'urls', 'totp', 'notes', 'custom']);
export type ItemFieldChoice = z.infer<typeof itemFieldChoiceSchema>;

/**
 * Messages of the save-and-update flow and the field generator: a content script reports a submitted form,
 * the next page asks for the pending offer, the bar accepts or dismisses it, and a new-password field asks
 * for a generated password. The background takes the origin and tab from the sender, never from a message.
 */
import { z } from 'zod';
import { message, type SenderKind } from '../messaging/define-message';
import { MAX_SHORT } from '../vault/model/item-limits';

const contentScripts: SenderKind[] = ['content-script'];
const text = z.string().max(MAX_SHORT);

/** Offer ids: 16 random bytes as hex. Only frames that were shown the offer know it. */
export const offerIdSchema = z.string().regex(/^[0-9a-f]{32}$/);

/**
 * What a content script read from a form at the moment it was submitted; an absent field is `''`.
 * Which password is which comes from form detection (autocomplete, then heuristics).
 */
export const submissionSchema = z.object({
  username: text,
  currentPassword: text,
  newPassword: text,
  confirmPassword: text,
}).strict();

/**
 * What the bar shows. `save`: a new login; `update`: a new password for a saved login; `propose`: a new
 * password for a login someone shared with an edit grant, sent to its owner (`owner`, their handle), never
 * saved as the recipient's own (S3); `locked`: the vault must be unlocked (popup) before anything can be
 * decided. `username` is what the user typed into the form, `host` the submitting frame's host.
 */
export const saveOfferSchema = z.object({
  id: offerIdSchema,
  action: z.enum(['save', 'update', 'propose', 'locked']),
  host: z.string().max(253),
  username: text,
  owner: text.optional(),
});

/** The save flow's messages, spread into the protocol map. */
export const autofillSaveMessages = {
  /** A form was submitted in the sender's frame: keep it as the tab's pending save and say what to offer. */
  saveSubmitted: message(z.object({ submission: submissionSchema }).strict(), z.object({ offer: saveOfferSchema.nullable() }), contentScripts),
  /** A page just loaded in the sender's tab (top frame only): the pending offer, if one is still due. */
  savePending: message(z.object({}).strict(), z.object({ offer: saveOfferSchema.nullable() }), contentScripts),
  /**
   * The user chose Save / Update / Propose in the bar. `proposed`: the change went to the shared login's
   * owner; `unchanged`: by now nothing was left to do.
   */
  saveAccept: message(
    z.object({ id: offerIdSchema }).strict(),
    z.object({ outcome: z.enum(['created', 'updated', 'proposed', 'unchanged']) }),
    contentScripts,
  ),
  /** The user closed the bar; `never` also stops offers for the sender's origin. */
  saveDismiss: message(z.object({ id: offerIdSchema, never: z.boolean() }).strict(), z.object({}), contentScripts),
  /**
   * A generated password for a new-password field of the sender's frame, honouring the field's
   * `passwordrules` attribute (`rules`, verbatim) or else the site's entry in the password-rules quirks.
   */
  generatorSuggest: message(
    z.object({ rules: z.string().max(2_000).nullable() }).strict(),
    z.object({ password: z.string().min(1).max(MAX_SHORT) }),
    contentScripts,
  ),
} as const;

export type Submission = z.infer<typeof submissionSchema>;
export type SaveOffer = z.infer<typeof saveOfferSchema>;
export type AutofillSaveMessageType = keyof typeof autofillSaveMessages;

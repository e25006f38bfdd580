/**
 * Messages of the save-and-update flow and the field generator: a content script reports a submitted form,
 * the next page asks for the pending offer, the bar (injected on demand, see lib/autofill/prompt-request)
 * accepts, edits or dismisses it, and a new-password field asks for the generator and its short history.
 * The background takes the origin and tab from the sender, never from a message.
 */
import { z } from 'zod';
import { message, pages, type SenderKind } from '../messaging/define-message';
import { MAX_FOLDER, MAX_SHORT } from '../vault/model/item-limits';
import { itemSchema, loginInputSchema } from '../vault/model/item-schema';

const contentScripts: SenderKind[] = ['content-script'];
const text = z.string().max(MAX_SHORT);
const empty = z.object({}).strict();
/** 16 random bytes as hex: offer ids, draft tokens, history entry ids. */
const token = z.string().regex(/^[0-9a-f]{32}$/);

/** Offer ids: 16 random bytes as hex. Only frames that were shown the offer know it. */
export const offerIdSchema = token;

/** Most characters of a page title a content script reports; the suggested title is cut shorter. */
export const MAX_PAGE_TITLE = 1_024;

/** Most folders the bar lists. */
export const MAX_BAR_FOLDERS = 500;

/** Most generated passwords the history keeps (all sites together). */
export const MAX_GENERATED_HISTORY = 10;

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
 * What the bar shows. `save`: a new login, with `title` suggested from the page's title; `update`: a new
 * password for a saved login; `propose`: a new password for a login someone shared with an edit grant, sent to
 * its owner (`owner`, their handle), never saved as the recipient's own (S3); `locked`: the vault must be
 * unlocked (popup) before anything can be decided. `username` is what the user typed into the form, `host` the
 * submitting frame's host.
 */
export const saveOfferSchema = z.object({
  id: offerIdSchema,
  action: z.enum(['save', 'update', 'propose', 'locked']),
  host: z.string().max(253),
  username: text,
  owner: text.optional(),
  title: text.optional(),
});

/** The name and folder the user gave in the bar; absent: the suggested title, no folder. */
const naming = {
  title: text.min(1).optional(),
  folder: z.string().max(MAX_FOLDER).optional(),
};

/** One generated password in the history, as the menu lists it: never the password itself. */
export const generatedEntrySchema = z.object({ id: token, at: z.number().int().nonnegative() });

/** The save flow's messages, spread into the protocol map. */
export const autofillSaveMessages = {
  /**
   * A form was submitted in the sender's frame: keep it as the tab's pending save and say what to offer; the
   * background shows the bar in that frame itself. `pageTitle`: the document's title, for the suggested name.
   */
  saveSubmitted: message(
    z.object({ submission: submissionSchema, pageTitle: z.string().max(MAX_PAGE_TITLE).optional() }).strict(),
    z.object({ offer: saveOfferSchema.nullable() }),
    contentScripts,
  ),
  /** A page just loaded in the sender's tab (top frame only): the pending offer, if one is still due; the background shows its bar. */
  savePending: message(empty, z.object({ offer: saveOfferSchema.nullable() }), contentScripts),
  /**
   * The user chose Save / Update / Propose in the bar, with the name and folder typed there (a new login only).
   * `proposed`: the change went to the shared login's owner; `unchanged`: by now nothing was left to do.
   */
  saveAccept: message(
    z.object({ id: offerIdSchema, ...naming }).strict(),
    z.object({ outcome: z.enum(['created', 'updated', 'proposed', 'unchanged']) }),
    contentScripts,
  ),
  /** The user closed the bar; `never` also stops offers for the sender's origin. */
  saveDismiss: message(z.object({ id: offerIdSchema, never: z.boolean() }).strict(), empty, contentScripts),
  /** The bar of pending offer `id` lists the vault's folders to choose from (names only, sorted). */
  saveFolders: message(z.object({ id: offerIdSchema }).strict(), z.object({ folders: z.array(z.string().max(MAX_FOLDER)).max(MAX_BAR_FOLDERS) }), contentScripts),
  /**
   * "Edit…" in the bar: the vault page opens in a new tab with the editor filled in (a new login, or the saved
   * one with the new password). The values wait in the background under a one-time token; only the token is
   * in the page's address, never the password.
   */
  saveEdit: message(z.object({ id: offerIdSchema, ...naming }).strict(), empty, contentScripts),
  /**
   * The vault page takes the editor's values for `token` (once; they expire with the offer). `create`: a new
   * login as typed; `update`: the saved item with the new username and password, at the revision decided on.
   */
  saveDraftTake: message(
    z.object({ token }).strict(),
    z.object({
      draft: z.discriminatedUnion('kind', [
        z.object({ kind: z.literal('create'), item: loginInputSchema }),
        z.object({ kind: z.literal('update'), item: itemSchema }),
      ]),
    }),
    pages,
  ),
  /**
   * A password was typed (or put by the browser's own autofill) into a field of the sender's frame that no
   * focus had announced: the background injects the prompts script there, which watches the frame's submits.
   */
  saveWatch: message(empty, empty, contentScripts),
  /** A new-password field of the sender's frame got the focus: the background shows the generator menu there. */
  generatorOpen: message(empty, empty, contentScripts),
  /**
   * A generated password for a new-password field of the sender's frame, honouring the field's
   * `passwordrules` attribute (`rules`, verbatim) or else the site's entry in the password-rules quirks;
   * `description` says which rules it follows, in words; `history` lists the passwords generated and used on
   * the sender's origin before, newest first, without the passwords.
   */
  generatorSuggest: message(
    z.object({ rules: z.string().max(2_000).nullable() }).strict(),
    z.object({ password: z.string().min(1).max(MAX_SHORT), description: z.string().max(500), history: z.array(generatedEntrySchema).max(MAX_GENERATED_HISTORY) }),
    contentScripts,
  ),
  /** The user filled a generated password into a field of the sender's frame: keep it in the short history. */
  generatorUsed: message(z.object({ password: z.string().min(1).max(MAX_SHORT) }).strict(), empty, contentScripts),
  /** The user picked history entry `id` in the menu: its password, if it was generated on the sender's origin. */
  generatorHistoryFill: message(z.object({ id: token }).strict(), z.object({ password: z.string().min(1).max(MAX_SHORT) }), contentScripts),
} as const;

export type Submission = z.infer<typeof submissionSchema>;
export type SaveOffer = z.infer<typeof saveOfferSchema>;
export type GeneratedEntry = z.infer<typeof generatedEntrySchema>;
export type AutofillSaveMessageType = keyof typeof autofillSaveMessages;

/**
 * Messages of filling (S3, S7): the content script asks which logins match its frame and, after a user
 * gesture, for one credential; the popup asks for the current tab's logins and fills one; the settings
 * read and change the inline menu's switch and "never show here" list. The background takes the origin,
 * tab and frame from the browser's sender information, never from a message.
 */
import { z } from 'zod';
import { message, pages, type SenderKind } from '../messaging/define-message';
import { MAX_SHORT } from '../vault/model/item-limits';

const contentScripts: SenderKind[] = ['content-script'];
/** Sent by no one from outside: the background calls its handler itself, from browser events. */
const internal: SenderKind[] = [];
const id = z.string().min(1).max(64);
const origin = z.string().min(1).max(2_048);
const empty = z.object({}).strict();

/** Fill grants: 16 random bytes as hex, issued by the background for one fill in one tab. */
export const grantSchema = z.string().regex(/^[0-9a-f]{32}$/);

/** One login offered in a menu: never a password (S3). */
export const loginChoiceSchema = z.object({ id, title: z.string().max(MAX_SHORT), username: z.string().max(MAX_SHORT) });

/** Which values a focused form has room for; the background releases only these. */
export const fillFieldSchema = z.enum(['username', 'password', 'totp']);

/** What the content script did with a background-initiated fill. */
export const fillOutcomeSchema = z.enum(['filled', 'menu', 'no-form', 'refused', 'failed']);

/** Most logins one menu lists. */
export const MAX_MENU_LOGINS = 50;

/** The autofill messages, spread into the protocol map. */
export const autofillMessages = {
  /**
   * A credential field got the focus in the sender's frame: the logins for that frame's origin (best first,
   * the one picked earlier in this tab first of all), whether the inline menu may show there, and whether
   * the frame is cross-origin to its tab (filling it then needs a confirmation naming `frameOrigin`).
   * Does not count as activity: a page can move the focus by itself.
   */
  autofillQuery: message(
    empty,
    z.object({
      state: z.enum(['locked', 'unlocked']),
      inlineMenu: z.boolean(),
      logins: z.array(loginChoiceSchema).max(MAX_MENU_LOGINS),
      /** The login picked earlier in this tab on this site (multi-step logins), listed first; null when none. */
      rememberedId: id.nullable(),
      frameOrigin: origin,
      crossOrigin: z.boolean(),
    }),
    contentScripts,
  ),
  /**
   * The user picked login `id` (a trusted click in the inline menu) or a background-initiated fill carries
   * `grant`: the values for `fields`, if the login matches the sender frame's origin. `confirmedOrigin` is
   * required in a cross-origin frame and must equal that frame's origin.
   */
  autofillFill: message(
    z.object({
      id,
      fields: z.array(fillFieldSchema).min(1).max(3),
      grant: grantSchema.optional(),
      confirmedOrigin: origin.optional(),
    }).strict(),
    z.object({
      username: z.string().max(MAX_SHORT).optional(),
      password: z.string().max(MAX_SHORT).optional(),
      totp: z.string().max(16).optional(),
    }),
    contentScripts,
  ),
  /**
   * The content script filled login `id`'s password into a form with no code field: when the login has a
   * one-time code, the background copies it through the frame's prompts script (`copied`), audits it and clears
   * the clipboard later. The content script never receives that code.
   */
  autofillCopyTotp: message(z.object({ id }).strict(), z.object({ copied: z.boolean() }), contentScripts),
  /** "Never show here" in the inline menu: no inline menu on the sender frame's origin any more. */
  autofillNeverHere: message(empty, empty, contentScripts),
  /** The popup: the logins for the active tab's page; `origin` null when the tab is not a web page. */
  autofillTabLogins: message(empty, z.object({ origin: origin.nullable(), logins: z.array(loginChoiceSchema).max(MAX_MENU_LOGINS) }), pages),
  /**
   * The popup's Add item: the active tab's address (origin and path; never its query or fragment, which
   * may carry tokens) and title, to prefill a new login; `page` null when the tab is not a web page.
   */
  autofillTabPage: message(empty, z.object({ page: z.object({ url: origin, title: z.string().max(MAX_SHORT) }).nullable() }), pages),
  /** The popup's Fill button: fills login `id` into the active tab. */
  autofillFillTab: message(z.object({ id }).strict(), z.object({ outcome: fillOutcomeSchema }), pages),
  /** Settings: the inline menu's global switch, and the origins where it never shows (null while locked: the list is sealed). */
  autofillSettingsGet: message(empty, z.object({ inlineMenu: z.boolean(), neverShow: z.array(origin).nullable() }), pages),
  autofillSettingsSet: message(z.object({ inlineMenu: z.boolean() }).strict(), empty, pages),
  autofillNeverShowRemove: message(z.object({ origin }).strict(), empty, pages),
  /**
   * Keyboard shortcut and context menu, called by the background itself with the event's tab: asks the
   * tab's focused frame (shortcut) or clicked frame (context menu) to fill, with a one-time grant.
   */
  autofillCommand: message(
    z.object({ source: z.enum(['shortcut', 'context-menu']), frameId: z.number().int().nonnegative().optional() }).strict(),
    z.object({ outcome: fillOutcomeSchema }),
    internal,
  ),
} as const;

export type AutofillMessageType = keyof typeof autofillMessages;
export type LoginChoice = z.infer<typeof loginChoiceSchema>;
export type FillField = z.infer<typeof fillFieldSchema>;

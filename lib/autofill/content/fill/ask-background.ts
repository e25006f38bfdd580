/**
 * The content script's side of the autofill messages: sends one request and checks the reply's shape by
 * hand. Types come from autofill's message map (erased at build); the checks are written out because zod would
 * take half of the content script's 30 KB budget. The reply comes from our own background, and is still
 * checked so that a bug there cannot write junk into a page.
 */
import { sendToBackground } from '../../../messaging/runtime-channel';
import type { RequestIn, ResponseIn } from '../../../messaging/define-message';
import { MAX_SHORT } from '../../../vault/model/item-limits';
import type { autofillMessages } from '../../autofill-messages';

/** The messages a content script sends for filling. */
export type ContentMessage = 'autofillQuery' | 'autofillFill' | 'autofillCopyTotp' | 'autofillNeverHere';

/** A reply, or a failure whose message is safe to show (it never holds user data). */
export type ContentReply<T extends ContentMessage> = ({ ok: true } & ResponseIn<typeof autofillMessages, T>) | { ok: false; message: string };

type Check = (reply: Record<string, unknown>) => boolean;

const isString = (value: unknown, max = MAX_SHORT): value is string => typeof value === 'string' && value.length <= max;
const optionalString = (value: unknown, max?: number) => value === undefined || isString(value, max);
const isLogin = (value: unknown): boolean => {
  const login = value as Record<string, unknown> | null;
  return typeof login === 'object' && login !== null && isString(login.id, 64) && isString(login.title) && isString(login.username);
};

/** Replies with fields to check; the other messages reply with nothing but `ok`. */
const CHECKS: Partial<Record<ContentMessage, Check>> = {
  autofillQuery: (r) =>
    (r.state === 'locked' || r.state === 'unlocked') &&
    typeof r.inlineMenu === 'boolean' &&
    Array.isArray(r.logins) && r.logins.length <= 50 && r.logins.every(isLogin) &&
    (r.rememberedId === null || isString(r.rememberedId, 64)) &&
    isString(r.frameOrigin, 2_048) && typeof r.crossOrigin === 'boolean',
  autofillFill: (r) => optionalString(r.username) && optionalString(r.password) && optionalString(r.totp, 16),
};

/**
 * @returns the checked reply; never throws (a background that does not answer is a failure)
 * @example const reply = await askBackground('autofillQuery', {}); if (reply.ok) show(reply.logins);
 */
export async function askBackground<T extends ContentMessage>(type: T, payload: RequestIn<typeof autofillMessages, T>): Promise<ContentReply<T>> {
  let raw: unknown;
  try {
    raw = await sendToBackground(type, payload);
  } catch {
    return { ok: false, message: 'Sealpass is not answering. Reload the page and try again.' };
  }
  const reply = raw as Record<string, unknown> | null;
  if (typeof reply !== 'object' || reply === null) return { ok: false, message: 'Sealpass gave no answer.' };
  if (reply.ok === false) {
    const error = reply.error as { message?: unknown } | null;
    return { ok: false, message: isString(error?.message, 500) ? error.message : 'Sealpass could not do that.' };
  }
  if (reply.ok !== true || CHECKS[type]?.(reply) === false) return { ok: false, message: 'Sealpass gave a malformed answer.' };
  return reply as ContentReply<T>;
}

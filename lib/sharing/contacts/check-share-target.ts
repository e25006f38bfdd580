/** Whether new shares may be sealed to a contact (T01): verified yes, unverified after an explicit confirmation, changed never. */
import type { Contact } from './contact';

/** `ok`, `confirm` (unverified: ask the user first) or `blocked` (key changed: re-verify first). */
export type ShareTargetCheck = 'ok' | 'confirm' | 'blocked';

/**
 * @param contact - a pinned contact
 * @returns `ok` for verified, `confirm` for unverified, `blocked` for changed
 */
export function checkShareTarget(contact: Contact): ShareTargetCheck {
  if (contact.state === 'verified') return 'ok';
  return contact.state === 'unverified' ? 'confirm' : 'blocked';
}

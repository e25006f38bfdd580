/** Whether a grant belongs to a contact, checked before anything is sealed for it. */
import type { Contact } from '../contacts/contact';
import type { Grant } from './grant';

/**
 * True when `grant` was given to `contact`: the same handle and the same pinned keys as when it was
 * given, so nothing for a grant is ever sealed to another contact.
 */
export function grantIsFor(grant: Grant, contact: Contact): boolean {
  return grant.recipient.fingerprint === contact.fingerprint && grant.recipient.handle === contact.handle;
}

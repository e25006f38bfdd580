/**
 * Stores what seeing a handle's keys does to the contact list (lib/sharing/pin-contact): first sight pins
 * them, a contact code verifies them, different keys from a lookup mark the contact changed (T01).
 * Run it under withSharingLock.
 */
import { equalBytes } from '@noble/ciphers/utils.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { randomBytes } from '../../crypto/random-bytes';
import type { VaultDb } from '../../db/vault-db';
import { VaultError } from '../../vault/model/vault-error';
import type { PublicIdentity } from '../identity/identity';
import { keyFingerprint } from '../identity/key-fingerprint';
import { pinContact, type KeySource, type PinOutcome } from '../contacts/pin-contact';
import { wipeIdentity } from '../identity/wipe-identity';
import type { UnlockedVault } from '../../vault/keys/unlocked-vault';
import { commitSharing } from '../store/commit-sharing';
import { loadContacts } from '../store/sharing-records';
import { readIdentity } from '../store/read-identity';
import type { StoredContact } from '../store/stored-contact';

/**
 * @param seen - a handle and keys from a verified bundle (lookup) or a decoded contact code
 * @param now - ms since epoch
 * @returns the stored contact and what changed
 * @throws VaultError `invalid-request` when `seen` is this vault's own handle or keys (own data is never
 *   sealed to a public key, T06)
 */
export async function pinSeenIdentity(
  db: VaultDb,
  vault: UnlockedVault,
  seen: PublicIdentity,
  source: KeySource,
  now: number,
): Promise<{ stored: StoredContact; change: PinOutcome['change'] }> {
  const me = await readIdentity(db, vault);
  if (me) {
    const mine = me.identity.handle === seen.handle || equalBytes(keyFingerprint(me.identity), keyFingerprint(seen));
    wipeIdentity(me.identity);
    if (mine) throw new VaultError('invalid-request', 'That is your own sharing identity.');
  }
  // A damaged contact record cannot be matched by handle: seeing that person again pins them afresh.
  const { records: contacts } = await loadContacts(db, vault);
  const existing = contacts.find((c) => c.contact.handle === seen.handle);
  const outcome = pinContact(existing?.contact, seen, source, now);
  const stored = { id: existing?.id ?? bytesToHex(randomBytes(16)), contact: outcome.contact };
  if (outcome.change !== 'unchanged') {
    // Contact changes are security events (issue 17): in the audit log with the handle, in the same commit.
    const type = outcome.change === 'pinned' ? 'contact-added' : outcome.change === 'verified' ? 'contact-verified' : 'contact-key-changed';
    await commitSharing(db, vault, { contacts: [{ id: stored.id, contact: stored.contact }], audit: [{ type, party: seen.handle }] }, now);
  }
  return { stored, change: outcome.change };
}

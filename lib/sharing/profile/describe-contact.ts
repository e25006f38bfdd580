/** A contact as the Contacts view shows it: state, fingerprint and the safety number with me (and with the changed keys). */
import { toBase64 } from '../../crypto/base64';
import { bundleFingerprint } from '../identity/bundle-fingerprint';
import type { Identity } from '../identity/identity';
import { safetyNumber } from '../identity/safety-number';
import type { StoredContact } from '../store/stored-contact';

/** The list row: no keys, no safety number (each costs about 10,000 SHA-256 blocks). */
export function summarizeContact({ id, contact }: StoredContact) {
  return { id, handle: contact.handle, state: contact.state, pinnedAt: contact.pinnedAt, verifiedAt: contact.verifiedAt };
}

/**
 * The detail view. The fingerprints go back with contactVerify, so only the keys whose number was on
 * screen can be marked verified.
 */
export function describeContact(me: Identity, stored: StoredContact) {
  const { contact } = stored;
  const offered = contact.offered;
  return {
    ...summarizeContact(stored),
    // What contactVerify names: all pinned keys, so a number shown before the X-Wing key changed cannot verify it.
    fingerprint: toBase64(bundleFingerprint(contact)),
    safetyNumber: safetyNumber(me, contact),
    offered: offered && {
      fingerprint: offered.fingerprint,
      safetyNumber: safetyNumber(me, { handle: contact.handle, encryptionKey: offered.encryptionKey, signingKey: offered.signingKey, ...(offered.xwingKey ? { xwingKey: offered.xwingKey } : {}) }),
      seenAt: offered.seenAt,
    },
    postQuantum: contact.xwingKey !== undefined,
    upgradedAt: contact.upgradedAt ?? null,
  };
}

/**
 * Trust on first use with explicit verification (T01): what seeing a handle's keys does to a contact.
 * A lookup through the relay pins first-seen keys as unverified and turns any later different keys into
 * the blocking `changed` state; a contact code (pasted or scanned, so from outside the relay) pins or
 * re-pins as verified.
 *
 * Post-quantum upgrade (DESIGN §12, T27): the same X25519 and Ed25519 keys now shown with an X-Wing key
 * (a v2 bundle, whose signature by the pinned Ed25519 key lookUpIdentity checked) are an upgrade: the key
 * is added and the trust state kept. The same keys shown without the pinned X-Wing key (the v1 bundle a
 * relay kept or replays) are a downgrade and refused: the contact stays as it is. Another X-Wing key with
 * the same other keys is a key change like any other.
 */
import { equalBytes } from '@noble/ciphers/utils.js';
import { toBase64 } from '../../crypto/base64';
import type { Contact } from './contact';
import type { PublicIdentity } from '../identity/identity';
import { bundleFingerprint } from '../identity/bundle-fingerprint';
import { keyFingerprint } from '../identity/key-fingerprint';

/** Where the keys came from: the relay's answer to a handle lookup, or a contact code. */
export type KeySource = 'lookup' | 'contact-code';

/** The contact to store and what happened, for the UI and the audit log. */
export interface PinOutcome {
  contact: Contact;
  change: 'pinned' | 'unchanged' | 'verified' | 'key-changed' | 'upgraded' | 'downgrade-refused';
}

/**
 * @param existing - the stored contact for this handle, if any
 * @param seen - the handle and keys just seen (from a verified bundle or a decoded contact code)
 * @param source - lookup (untrusted relay) or contact code (out of band)
 * @param now - ms since epoch
 * @throws RangeError when `seen` is for another handle than `existing`
 */
export function pinContact(existing: Contact | undefined, seen: PublicIdentity, source: KeySource, now: number): PinOutcome {
  if (existing && existing.handle !== seen.handle) throw new RangeError('pinContact: handle mismatch');
  const fingerprint = toBase64(keyFingerprint(seen));
  const xwing = seen.xwingKey ? { xwingKey: seen.xwingKey.slice() } : {};
  const pinned = (verified: boolean): Contact => ({
    handle: seen.handle,
    encryptionKey: seen.encryptionKey.slice(),
    signingKey: seen.signingKey.slice(),
    ...xwing,
    fingerprint,
    state: verified ? 'verified' : 'unverified',
    pinnedAt: now,
    verifiedAt: verified ? now : null,
    offered: null,
  });
  if (!existing) return { contact: pinned(source === 'contact-code'), change: 'pinned' };
  const sameClassic = existing.fingerprint === fingerprint;
  const sameBundle = sameClassic && sameXWing(existing.xwingKey, seen.xwingKey);
  // A v1 bundle or code for keys pinned with an X-Wing key: never drop the post-quantum key (T27).
  const downgrade = sameClassic && existing.xwingKey !== undefined && seen.xwingKey === undefined;
  // The pinned keys plus an X-Wing key signed by the pinned Ed25519 key: an upgrade, not a key change.
  const upgrade = sameClassic && existing.xwingKey === undefined && seen.xwingKey !== undefined;
  const confirmed = (contact: Contact): PinOutcome =>
    contact.state === 'verified' && contact === existing
      ? { contact, change: 'unchanged' }
      : // The code confirms these keys; any other keys the relay showed meanwhile were not theirs.
        { contact: { ...contact, state: 'verified', verifiedAt: now, offered: null }, change: 'verified' };
  if (source === 'contact-code') {
    // A code made before they upgraded still confirms the keys that signed the X-Wing key.
    if (sameBundle || downgrade) return confirmed(existing);
    if (upgrade) return confirmed({ ...existing, ...xwing, upgradedAt: now });
    return { contact: pinned(true), change: 'verified' };
  }
  if (sameBundle) return { contact: existing, change: 'unchanged' };
  if (downgrade) return { contact: existing, change: 'downgrade-refused' };
  if (upgrade) return { contact: { ...existing, ...xwing, upgradedAt: now }, change: 'upgraded' };
  const offeredFingerprint = toBase64(bundleFingerprint(seen));
  if (existing.offered?.fingerprint === offeredFingerprint) return { contact: existing, change: 'unchanged' };
  return {
    contact: {
      ...existing,
      state: 'changed',
      offered: { encryptionKey: seen.encryptionKey.slice(), signingKey: seen.signingKey.slice(), ...xwing, fingerprint: offeredFingerprint, seenAt: now },
    },
    change: 'key-changed',
  };
}

function sameXWing(a: Uint8Array | undefined, b: Uint8Array | undefined): boolean {
  return a === undefined || b === undefined ? a === b : equalBytes(a, b);
}

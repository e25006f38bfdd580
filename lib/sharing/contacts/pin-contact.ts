/**
 * Trust on first use with explicit verification (T01): what seeing a handle's keys does to a contact.
 * A lookup through the relay pins first-seen keys as unverified and turns any later different keys into
 * the blocking `changed` state; a contact code (pasted or scanned, so from outside the relay) pins or
 * re-pins as verified.
 */
import { toBase64 } from '../../crypto/base64';
import type { Contact } from './contact';
import type { PublicIdentity } from '../identity/identity';
import { keyFingerprint } from '../identity/key-fingerprint';

/** Where the keys came from: the relay's answer to a handle lookup, or a contact code. */
export type KeySource = 'lookup' | 'contact-code';

/** The contact to store and what happened, for the UI and the audit log. */
export interface PinOutcome {
  contact: Contact;
  change: 'pinned' | 'unchanged' | 'verified' | 'key-changed';
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
  const pinned = (verified: boolean): Contact => ({
    handle: seen.handle,
    encryptionKey: seen.encryptionKey.slice(),
    signingKey: seen.signingKey.slice(),
    fingerprint,
    state: verified ? 'verified' : 'unverified',
    pinnedAt: now,
    verifiedAt: verified ? now : null,
    offered: null,
  });
  if (!existing) return { contact: pinned(source === 'contact-code'), change: 'pinned' };
  if (source === 'contact-code') {
    if (existing.fingerprint !== fingerprint) return { contact: pinned(true), change: 'verified' };
    if (existing.state === 'verified') return { contact: existing, change: 'unchanged' };
    // The code confirms the pinned keys; any other keys the relay showed meanwhile were not theirs.
    return { contact: { ...existing, state: 'verified', verifiedAt: now, offered: null }, change: 'verified' };
  }
  if (existing.fingerprint === fingerprint) return { contact: existing, change: 'unchanged' };
  if (existing.offered?.fingerprint === fingerprint) return { contact: existing, change: 'unchanged' };
  return {
    contact: {
      ...existing,
      state: 'changed',
      offered: { encryptionKey: seen.encryptionKey.slice(), signingKey: seen.signingKey.slice(), fingerprint, seenAt: now },
    },
    change: 'key-changed',
  };
}

/**
 * The user compared the safety number (or scanned the QR code) and confirms it matched. The fingerprint
 * of the keys whose number was on screen is passed back, so that keys which changed while the user
 * compared are never the ones marked verified. Confirming the offered keys of a `changed` contact re-pins them.
 */
import { toBase64 } from '../../crypto/base64';
import { bundleFingerprint } from '../identity/bundle-fingerprint';
import { keyFingerprint } from '../identity/key-fingerprint';
import type { Contact } from './contact';

/**
 * @param contact - the stored contact
 * @param comparedFingerprint - bundleFingerprint (base64) of the keys the shown safety number was made from
 * @param now - ms since epoch
 * @returns the contact, verified
 * @throws RangeError when the fingerprint is neither the pinned nor the offered keys'
 */
export function markContactVerified(contact: Contact, comparedFingerprint: string, now: number): Contact {
  if (comparedFingerprint === toBase64(bundleFingerprint(contact))) return { ...contact, state: 'verified', verifiedAt: now, offered: null };
  const offered = contact.offered;
  if (offered && comparedFingerprint === offered.fingerprint) {
    return {
      handle: contact.handle,
      encryptionKey: offered.encryptionKey,
      signingKey: offered.signingKey,
      ...(offered.xwingKey ? { xwingKey: offered.xwingKey } : {}),
      fingerprint: toBase64(keyFingerprint(offered)),
      state: 'verified',
      pinnedAt: now,
      verifiedAt: now,
      offered: null,
    };
  }
  throw new RangeError('markContactVerified: these are not the keys that were compared');
}

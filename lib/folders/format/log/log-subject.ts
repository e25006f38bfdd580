/** The `subject` of a log entry from a person's public identity: their handle, fingerprint and every public key. */
import { toBase64 } from '../../../crypto/base64';
import type { PublicIdentity } from '../../../sharing/identity/identity';
import { keyFingerprint } from '../../../sharing/identity/key-fingerprint';
import type { LogSubject } from './log-entry';

/**
 * @param identity - the pinned public identity (32-byte X25519 and Ed25519 keys, optional 1,216-byte X-Wing key)
 * @returns the subject with keys in base64 and `fingerprint` = keyFingerprint (base64 of 32 bytes)
 */
export function logSubjectOf(identity: PublicIdentity): LogSubject {
  const subject: LogSubject = {
    handle: identity.handle,
    fingerprint: toBase64(keyFingerprint(identity)),
    encryptionKey: toBase64(identity.encryptionKey),
    signingKey: toBase64(identity.signingKey),
  };
  if (identity.xwingKey) subject.xwingKey = toBase64(identity.xwingKey);
  return subject;
}

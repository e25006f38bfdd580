/** This vault's key fingerprint as the folder log names members (keyFingerprint of X25519 + Ed25519, base64). */
import { toBase64 } from '../../crypto/base64';
import type { PublicIdentity } from '../../sharing/identity/identity';
import { keyFingerprint } from '../../sharing/identity/key-fingerprint';

/** @returns base64 of 32 bytes (44 characters) */
export function myFingerprint(me: PublicIdentity): string {
  return toBase64(keyFingerprint(me));
}

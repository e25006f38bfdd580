/** An X25519 key pair as HPKE's DHKEM(X25519, HKDF-SHA256) uses it (RFC 9180 §7.1). */
import type { HpkeSecretKey } from '../keys';

/** A 32-byte X25519 secret key and its 32-byte public key. */
export interface HpkeKeyPair {
  secretKey: HpkeSecretKey;
  publicKey: Uint8Array;
}

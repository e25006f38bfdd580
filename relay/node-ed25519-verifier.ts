/**
 * Ed25519 verification with Node's OpenSSL, about ten times faster than the pure-JS one, for the relay's
 * hot path (one verification per request). OpenSSL follows RFC 8032 strictly, as lib/crypto/
 * verify-ed25519 does; tests check that both agree on valid, tampered and malformed input.
 */
import { createPublicKey, verify, type KeyObject } from 'node:crypto';
import type { SignatureVerifier } from '../lib/relay-protocol/verify-request';

/** DER prefix of an Ed25519 SubjectPublicKeyInfo (RFC 8410 §4); the 32 key bytes follow. */
const SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');
/** Imported keys kept per process; importing costs about as much as a verification. */
const MAX_CACHED_KEYS = 10_000;

/** Creates a verifier with its own cache of imported public keys. */
export function createNodeEd25519Verifier(): SignatureVerifier {
  const keys = new Map<string, KeyObject>();
  return (publicKey, message, signature) => {
    if (publicKey.length !== 32 || signature.length !== 64) return false;
    try {
      const id = Buffer.from(publicKey).toString('hex');
      let key = keys.get(id);
      if (!key) {
        key = createPublicKey({ key: Buffer.concat([SPKI_PREFIX, publicKey]), format: 'der', type: 'spki' });
        if (keys.size >= MAX_CACHED_KEYS) keys.clear();
        keys.set(id, key);
      }
      return verify(null, message, key, signature);
    } catch {
      return false;
    }
  };
}

/**
 * The relay session key: X25519 between the client's and the relay's fresh key pairs, then HKDF-SHA256
 * with an `info` naming the session, the identity, both public keys and the end time, so a key serves one
 * session only and a session's id or end cannot be moved to another key.
 */
import { encodeLengthPrefixed } from '../crypto/encode-length-prefixed';
import { x25519Agree } from '../crypto/x25519-agree';

/** What a session key is bound to. */
export interface SessionBinding {
  session: string;
  handle: string;
  /** The client's X25519 public key, 32 bytes. */
  clientKey: Uint8Array;
  /** The relay's X25519 public key, 32 bytes. */
  relayKey: Uint8Array;
  /** ms since the epoch, relay clock. */
  expiresAt: number;
}

/**
 * @param secretKey - my X25519 secret key (the client's or the relay's), 32 bytes
 * @param publicKey - the other side's X25519 public key, 32 bytes
 * @returns the 32-byte HMAC-SHA256 key of the session, the same on both sides
 * @throws RangeError or a @noble/curves Error for a malformed or low-order public key
 */
export function deriveSessionKey(secretKey: Uint8Array, publicKey: Uint8Array, binding: SessionBinding): Uint8Array {
  const info = encodeLengthPrefixed([
    'sealpass/v1/relay-session-key',
    binding.session,
    binding.handle,
    binding.clientKey,
    binding.relayKey,
    String(binding.expiresAt),
  ]);
  return x25519Agree(secretKey, publicKey, info);
}

/**
 * HKDF-SHA256 (RFC 5869) over input keying material of any length, for derivations that do not start from
 * one of the vault's 32-byte keys (derive-subkey.ts covers those): a one-time link's id, token and key
 * from its secret, with or without a passphrase mixed in.
 */
import { hkdf } from '@noble/hashes/hkdf.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { utf8ToBytes } from '@noble/hashes/utils.js';

/**
 * HKDF-SHA256(ikm, salt = none, info = "sealpass/v1/" + label, length).
 * @param ikm - secret input, at least 32 bytes (a link secret, optionally followed by a passphrase key)
 * @param label - the purpose, e.g. `link-id`; one label per purpose, never reused for another
 * @param length - output bytes, 1..255 × 32
 * @throws RangeError when `ikm` is shorter than 32 bytes
 * @example const id = hkdfSha256(secret, 'link-id', 16);
 */
export function hkdfSha256(ikm: Uint8Array, label: string, length: number): Uint8Array {
  if (!(ikm instanceof Uint8Array) || ikm.length < 32) throw new RangeError('hkdfSha256: ikm must be at least 32 bytes');
  return hkdf(sha256, ikm, undefined, utf8ToBytes(`sealpass/v1/${label}`), length);
}

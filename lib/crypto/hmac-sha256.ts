/** HMAC-SHA256 (RFC 2104) over UTF-8 text or bytes, for the blind index and the audit chain. */
import { hmac } from '@noble/hashes/hmac.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { utf8ToBytes } from '@noble/hashes/utils.js';
import type { Key } from './keys';

/**
 * Computes HMAC-SHA256.
 * @param key - 32-byte key
 * @param message - bytes, or text encoded as UTF-8
 * @returns 32-byte tag
 */
export function hmacSha256(key: Key<string>, message: Uint8Array | string): Uint8Array {
  return hmac(sha256, key, typeof message === 'string' ? utf8ToBytes(message) : message);
}

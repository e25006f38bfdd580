/** Key wrapping: a 32-byte key sealed under another key, bound to where the wrapped key belongs. */
import type { CipherContext } from './associated-data';
import type { Key } from './keys';
import { seal } from './seal';
import type { Sealed } from './sealed';

/**
 * Seals `key` under `wrappingKey` (XChaCha20-Poly1305, random nonce).
 * @param wrappingKey - 32 bytes
 * @param key - the 32-byte key to protect
 * @param context - purpose `vault-key` or `item-key` plus the owning record id
 */
export function wrapKey(wrappingKey: Key<string>, key: Key<string>, context: CipherContext): Sealed {
  return seal(wrappingKey, key, context);
}

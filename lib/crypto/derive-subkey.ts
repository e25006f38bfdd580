/**
 * Key separation with HKDF-SHA256 (RFC 5869): one `info` label per purpose, so a key for one use
 * never serves another.
 */
import { hkdf } from '@noble/hashes/hkdf.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { utf8ToBytes } from '@noble/hashes/utils.js';
import { asKey, KEY_LENGTH, type Key } from './keys';

/** Every HKDF label in use; adding a purpose means adding it here. */
export type SubkeyLabel = 'vault-kek' | 'blind-index' | 'audit-chain' | 'export-key';

/**
 * Derives a 32-byte subkey: HKDF-SHA256(ikm = parent, salt = none, info = "sealpass/v1/" + label).
 * @param parent - 32-byte parent key (master key or vault key)
 * @param label - the purpose; also part of the return type's brand
 */
export function deriveSubkey<K extends Key<string>>(parent: Key<string>, label: SubkeyLabel): K {
  if (parent.length !== KEY_LENGTH) throw new RangeError('deriveSubkey: parent must be 32 bytes');
  return asKey<K>(hkdf(sha256, parent, undefined, utf8ToBytes(`sealpass/v1/${label}`), KEY_LENGTH));
}

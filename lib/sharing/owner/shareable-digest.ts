/**
 * A fingerprint of what a share carries, so the owner's client sends an update only when a shared field
 * changed (lib/vault/model/item-fields says which fields those are).
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { shareableContent } from '../../vault/model/item-fields';
import type { ItemContent } from '../../vault/model/item-schema';

/**
 * SHA-256 (hex, 64 characters) of the shareable content without `updatedAt`, so moving the item to a folder
 * (which changes only private fields and the time) sends no update, while any shared field does.
 */
export function shareableDigest(content: ItemContent): string {
  const { updatedAt: _updated, ...rest } = shareableContent(content);
  return bytesToHex(sha256(utf8ToBytes(JSON.stringify(rest))));
}

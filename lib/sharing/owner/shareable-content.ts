/**
 * What of an item goes to a recipient: the item without the owner's private bookkeeping. Password history
 * (earlier passwords), folder, tags, favourite and rotation settings stay in the owner's vault.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { itemContentSchema, type ItemContent } from '../../vault/model/item-schema';

/** The content to seal into an offer or update. */
export function shareableContent(content: ItemContent): ItemContent {
  const common = { folder: '', tags: [], favourite: false };
  if (content.type === 'note') return itemContentSchema.parse({ ...content, ...common });
  const { rotationDays: _days, passwordChangedAt: _changed, rotationSnoozedUntil: _snoozed, ...rest } = content;
  return itemContentSchema.parse({ ...rest, ...common, passwordHistory: [] });
}

/**
 * SHA-256 (hex) of the shareable content without `updatedAt`, so moving the item to a folder (which
 * changes only private fields and the time) sends no update, while any shared field does.
 */
export function shareableDigest(content: ItemContent): string {
  const { updatedAt: _updated, ...rest } = shareableContent(content);
  return bytesToHex(sha256(utf8ToBytes(JSON.stringify(rest))));
}

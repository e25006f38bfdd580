/** Encrypts an item's content into a record: a fresh or existing item key, wrapped under the vault key. */
import { generateKey } from '../../crypto/generate-key';
import type { ItemKey } from '../../crypto/keys';
import { unwrapKey } from '../../crypto/unwrap-key';
import { wipe } from '../../crypto/wipe';
import { wrapKey } from '../../crypto/wrap-key';
import type { ItemRecord } from '../../db/vault-db';
import { domainTags } from './blind-index';
import type { ItemContent } from '../model/item-schema';
import { itemContext, itemKeyContext } from './item-context';
import { sealJson } from './sealed-json';
import type { UnlockedVault } from '../keys/unlocked-vault';

/**
 * Builds the stored record for `content` at revision `rev`.
 * @param previous - the record being replaced, whose item key is reused; omit for a new item
 * @param deletedAt - when the item was deleted (ms since epoch), or null for a live item
 * @throws DecryptError when `previous`'s key does not unwrap
 */
export function sealItem(
  vault: UnlockedVault,
  id: string,
  rev: number,
  content: ItemContent,
  previous?: ItemRecord,
  deletedAt: number | null = null,
): ItemRecord {
  const itemKey = previous
    ? unwrapKey(vault.vaultKey, previous.wrappedKey, itemKeyContext(id))
    : generateKey<ItemKey>();
  try {
    return {
      id,
      rev,
      kind: content.type,
      wrappedKey: previous ? previous.wrappedKey : wrapKey(vault.vaultKey, itemKey, itemKeyContext(id)),
      data: sealJson(itemKey, content, itemContext(id, rev, content.type, deletedAt !== null)),
      domains: content.type === 'login' ? domainTags(vault.indexKey, content.urls) : [],
      deletedAt,
    };
  } finally {
    wipe(itemKey);
  }
}

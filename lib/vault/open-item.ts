/** Decrypts and validates one item record; any failure is a DecryptError so callers can quarantine it (S8). */
import type { ItemKey } from '../crypto/keys';
import { openSealed } from '../crypto/open-sealed';
import { DecryptError } from '../crypto/sealed';
import { unwrapKey } from '../crypto/unwrap-key';
import { wipe } from '../crypto/wipe';
import type { ItemRecord } from '../db/vault-db';
import { itemContentSchema, type ItemContent } from './item-schema';
import { itemContext, itemKeyContext } from './item-context';
import type { UnlockedVault } from './unlocked-vault';

const decoder = new TextDecoder('utf-8', { fatal: true });

/**
 * @returns the item's content
 * @throws DecryptError when the record does not authenticate or its plaintext is not a valid item
 */
export function openItem(vault: UnlockedVault, record: ItemRecord): ItemContent {
  const itemKey = unwrapKey<ItemKey>(vault.vaultKey, record.wrappedKey, itemKeyContext(record.id));
  let plaintext: Uint8Array;
  try {
    plaintext = openSealed(itemKey, record.data, itemContext(record.id, record.rev, record.kind, record.deletedAt !== null));
  } finally {
    wipe(itemKey);
  }
  try {
    const content = itemContentSchema.parse(JSON.parse(decoder.decode(plaintext)));
    if (content.type !== record.kind) throw new DecryptError();
    return content;
  } catch {
    throw new DecryptError();
  } finally {
    wipe(plaintext);
  }
}

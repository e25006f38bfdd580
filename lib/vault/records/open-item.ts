/** Decrypts and validates one item record; any failure is a DecryptError so callers can quarantine it (S8). */
import { DecryptError } from '../../crypto/sealed';
import { unwrapKey } from '../../crypto/unwrap-key';
import { wipe } from '../../crypto/wipe';
import type { ItemRecord } from '../../db/vault-db';
import { itemContentSchema, type ItemContent } from '../model/item-schema';
import { itemContext, itemKeyContext } from './item-context';
import { openJson } from './sealed-json';
import type { UnlockedVault } from '../keys/unlocked-vault';

/**
 * @returns the item's content
 * @throws DecryptError when the record does not authenticate or its plaintext is not a valid item
 */
export function openItem(vault: UnlockedVault, record: ItemRecord): ItemContent {
  const itemKey = unwrapKey(vault.vaultKey, record.wrappedKey, itemKeyContext(record.id));
  try {
    const content = openJson(itemKey, record.data, itemContext(record.id, record.rev, record.kind, record.deletedAt !== null), itemContentSchema);
    if (content.type !== record.kind) throw new DecryptError();
    return content;
  } catch {
    throw new DecryptError();
  } finally {
    wipe(itemKey);
  }
}

/**
 * Opens an item record only when it is the revision the manifest names: an older record put back on disk
 * authenticates under its own revision, so without this check it would open (T09, issue 15: a rolled-back or
 * unlisted record is reported when opened).
 * @throws DecryptError when the record is not the manifest's revision or does not open
 */
export function openCurrentItem(vault: UnlockedVault, record: ItemRecord): ItemContent {
  if (vault.manifest.get(record.id) !== record.rev) throw new DecryptError();
  return openItem(vault, record);
}

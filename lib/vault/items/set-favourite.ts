/**
 * Marks an item favourite or not: a new revision with only that changed, audited as "item-favourited" or
 * "item-unfavourited" rather than as an edit (issue 17), and without touching the password history or the
 * rotation clock.
 */
import type { VaultDb } from '../../db/vault-db';
import type { UnlockedVault } from '../keys/unlocked-vault';
import { VaultError } from '../model/vault-error';
import { commitChanges } from '../records/commit-changes';
import { openItem } from '../records/open-item';
import { overviewRow } from '../records/overview-bucket';
import { sealItem } from '../records/seal-item';
import { getLiveRecord } from './get-item';

/**
 * @param favourite - the new state; the same as now writes nothing
 * @param now - ms since epoch
 * @throws VaultError `not-found`, `corrupted`
 */
export async function setFavourite(db: VaultDb, vault: UnlockedVault, id: string, favourite: boolean, now = Date.now()): Promise<void> {
  const record = await getLiveRecord(db, id);
  let content;
  try {
    content = openItem(vault, record);
  } catch {
    throw new VaultError('corrupted', 'This item is damaged and cannot be changed. Your other items are safe.');
  }
  if (content.favourite === favourite) return;
  // A star is not an edit of what the item holds: its "updated" time stays.
  const next = { ...content, favourite };
  await commitChanges(db, vault, {
    put: [sealItem(vault, id, record.rev + 1, next, record)],
    rows: [overviewRow(id, record.rev + 1, next, false)],
    audit: [{ type: favourite ? 'item-favourited' : 'item-unfavourited', itemId: id, itemTitle: content.title }],
  }, now);
}

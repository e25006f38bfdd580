/** Edits an item: a new revision under the same item key; a changed password goes into the history. */
import type { VaultDb } from '../../db/vault-db';
import { VaultError } from '../model/vault-error';
import { commitChanges } from '../records/commit-changes';
import { getLiveRecord } from './get-item';
import { MAX_PASSWORD_HISTORY } from '../model/item-limits';
import { itemInputSchema, type ItemContent, type ItemInput } from '../model/item-schema';
import { openCurrentItem } from '../records/open-item';
import { overviewRow } from '../records/overview-bucket';
import { sealItem } from '../records/seal-item';
import type { UnlockedVault } from '../keys/unlocked-vault';

/**
 * Replaces an item's content with `input` (revision + 1).
 * @param expectedRev - the revision the edit started from; omit to overwrite whatever is stored
 * @throws VaultError `not-found`, `corrupted`, `conflict` when `expectedRev` is stale, or
 *   `invalid-request` when changing a login into a note
 */
export async function updateItem(db: VaultDb, vault: UnlockedVault, id: string, input: ItemInput, now = Date.now(), expectedRev?: number): Promise<void> {
  const parsed = itemInputSchema.parse(input);
  const record = await getLiveRecord(db, id);
  if (expectedRev !== undefined && expectedRev !== record.rev) {
    throw new VaultError('conflict', 'This item was changed elsewhere meanwhile.');
  }
  let previous: ItemContent;
  try {
    previous = openCurrentItem(vault, record);
  } catch {
    throw new VaultError('corrupted', 'This item is damaged and cannot be edited. Your other items are safe.');
  }
  if (previous.type !== parsed.type) throw new VaultError('invalid-request', 'An item cannot change its type.');
  let content: ItemContent;
  if (parsed.type === 'login' && previous.type === 'login') {
    const changed = previous.password !== parsed.password;
    const history = previous.password && changed
      ? [{ password: previous.password, changedAt: now }, ...previous.passwordHistory].slice(0, MAX_PASSWORD_HISTORY)
      : previous.passwordHistory;
    // A new password restarts the rotation clock and ends a snooze; otherwise both are kept, and so is
    // the rotation period when the edit does not say it.
    const rotation = withoutUndefined({
      rotationDays: parsed.rotationDays ?? previous.rotationDays,
      passwordChangedAt: changed ? now : previous.passwordChangedAt,
      rotationSnoozedUntil: changed ? undefined : previous.rotationSnoozedUntil,
    });
    content = { ...parsed, ...rotation, createdAt: previous.createdAt, updatedAt: now, passwordHistory: history };
  } else {
    content = { ...parsed, createdAt: previous.createdAt, updatedAt: now } as ItemContent;
  }
  const next = sealItem(vault, id, record.rev + 1, content, record);
  await commitChanges(db, vault, {
    put: [next],
    rows: [overviewRow(id, next.rev, content, false)],
    audit: [{ type: 'item-edited', itemId: id, itemTitle: content.title }],
  }, now);
}

/** Drops keys whose value is undefined, so optional fields stay absent in the stored JSON. */
function withoutUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** Snoozes (or un-snoozes) one login's rotation reminder: a new revision with `rotationSnoozedUntil` set. */
import type { VaultDb } from '../db/vault-db';
import { VaultError } from '../vault/model/vault-error';
import { commitChanges } from '../vault/records/commit-changes';
import { getLiveRecord } from '../vault/items/get-item';
import type { ItemContent } from '../vault/model/item-schema';
import { openCurrentItem } from '../vault/records/open-item';
import { overviewRow } from '../vault/records/overview-bucket';
import { sealItem } from '../vault/records/seal-item';
import type { UnlockedVault } from '../vault/keys/unlocked-vault';

/**
 * Re-seals the login at revision + 1 with the snooze; nothing else changes (not even `updatedAt`: the
 * user did not edit the login). A later password change ends the snooze (update-item).
 * @param until - ms since epoch; `null` or a time not after `now` removes the snooze
 * @throws VaultError `not-found` (unknown, deleted, or a secure note), `corrupted` when it does not decrypt
 */
export async function snoozeRotation(db: VaultDb, vault: UnlockedVault, id: string, until: number | null, now = Date.now()): Promise<void> {
  const record = await getLiveRecord(db, id);
  let content: ItemContent;
  try {
    content = openCurrentItem(vault, record);
  } catch {
    throw new VaultError('corrupted', 'This item is damaged and cannot be changed. Your other items are safe.');
  }
  if (content.type !== 'login') throw new VaultError('not-found', 'Only logins have rotation reminders.');
  const { rotationSnoozedUntil: _previous, ...rest } = content;
  const next: ItemContent = until !== null && until > now ? { ...rest, rotationSnoozedUntil: until } : rest;
  await commitChanges(db, vault, { put: [sealItem(vault, id, record.rev + 1, next, record)], rows: [overviewRow(id, record.rev + 1, next, false)] }, now);
}

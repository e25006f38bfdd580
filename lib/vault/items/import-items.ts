/**
 * Writes an import: new items, and updates of existing ones the user chose to replace, in ONE Dexie
 * transaction with one `items-imported` audit event and one `item-replaced` per replaced item (S8: a
 * failure leaves the vault exactly as before).
 * Also the restore step of a Sealpass export: entries may carry their times and password history.
 */
import { bytesToHex } from '@noble/hashes/utils.js';
import { randomBytes } from '../../crypto/random-bytes';
import type { ItemRecord, VaultDb } from '../../db/vault-db';
import { VaultError } from '../model/vault-error';
import type { AuditPayload } from '../records/audit-chain';
import { commitChanges } from '../records/commit-changes';
import { getLiveRecord } from './get-item';
import { importEntrySchema, type ImportContent, type ImportEntry, type ImportProgress } from '../model/import-entry';
import type { ItemContent } from '../model/item-schema';
import { mergeImportContent } from '../model/merge-import-content';
import { openCurrentItem } from '../records/open-item';
import type { OverviewRow } from '../model/overview-row';
import { overviewRow } from '../records/overview-bucket';
import { sealItem } from '../records/seal-item';
import type { UnlockedVault } from '../keys/unlocked-vault';

/** What an import did: the new items' ids in entry order, and the ids of the replaced items. */
export interface ImportResult {
  added: string[];
  replaced: string[];
}

/**
 * Validates, encrypts and stores `entries` in one transaction.
 *
 * An entry without `replaces` becomes a new item; its `createdAt`/`updatedAt` default to `now`, its
 * password history to none. An entry with `replaces` updates that existing item: imported values win,
 * empty imported values keep the existing ones, URLs, tags and custom fields are merged, and a changed
 * password goes into the history (newest first, at most 100) and restarts the rotation clock
 * (lib/vault/merge-import-content). Several entries may replace one item; they apply in order.
 * @param now - ms since epoch (injected for tests)
 * @param onProgress - called (not awaited) after every 500 new entries sealed and once all are; it may throw to
 *   abort, and nothing is written then
 * @returns the new ids (16 random bytes as hex) and the replaced ids; no entries writes nothing
 * @throws ZodError when an entry is invalid; VaultError `conflict` when an item to replace no longer
 *   exists, `corrupted` when it does not decrypt, `invalid-request` when its type differs, `locked` when
 *   the vault locked meanwhile. Nothing is written in any of these cases.
 * @example await importItems(db, vault, [{ content: { type: 'login', title: 'Mail', password: 'x' } }]);
 */
export async function importItems(
  db: VaultDb,
  vault: UnlockedVault,
  entries: readonly ImportEntry[],
  now = Date.now(),
  onProgress?: (progress: ImportProgress) => void | Promise<void>,
): Promise<ImportResult> {
  const parsed = entries.map((entry) => importEntrySchema.parse(entry));
  const total = parsed.length;
  if (total === 0) return { added: [], replaced: [] };
  // Not awaited (see SealLater.onSealed): a throw aborts the import, a rejection only loses that report.
  const report = (progress: ImportProgress) => {
    const sent = onProgress?.(progress);
    if (sent) sent.catch(() => undefined);
  };
  const fresh = parsed.filter((entry) => entry.replaces === undefined);
  const ids = randomIds(fresh.length);
  const contents = fresh.map((entry) => storedContent(entry.content, now));
  const rows = contents.map((content, i) => overviewRow(ids[i]!, 1, content, false));

  const replacements = await applyReplacements(db, vault, parsed, now);
  assertStillUnlocked(vault);
  const records: ItemRecord[] = [];
  for (const { id, record, content } of replacements.values()) {
    records.push(sealItem(vault, id, record.rev + 1, content, record));
    rows.push(overviewRow(id, record.rev + 1, content, false));
  }

  const audit: Omit<AuditPayload, 'at'>[] = [{ type: 'items-imported', count: fresh.length + replacements.size }];
  // A replace is its own event, not an edit: the user did not edit the item, an import overwrote it.
  for (const { id, content } of replacements.values()) audit.push({ type: 'item-replaced', itemId: id, itemTitle: content.title });
  if (contents.length === 0) report({ phase: 'saving', total });
  // The new items are sealed inside the write's transaction, a chunk at a time, while IndexedDB writes the last one.
  await commitChanges(db, vault, {
    put: records,
    rows,
    audit,
    sealLater: {
      count: contents.length,
      sealAt: (i) => sealItem(vault, ids[i]!, 1, contents[i]!),
      onSealed: (done) => {
        report({ phase: 'sealing', done, total });
        if (done === contents.length) report({ phase: 'saving', total });
      },
    },
  }, now);
  return { added: ids, replaced: [...replacements.keys()] };
}

/** Item ids: 16 random bytes as hex each, drawn 4,096 at a time (one CSPRNG call gives at most 64 KiB). */
function randomIds(count: number): string[] {
  const ids: string[] = [];
  while (ids.length < count) {
    const batch = Math.min(count - ids.length, 4_096);
    const bytes = randomBytes(batch * 16);
    for (let i = 0; i < batch; i++) ids.push(bytesToHex(bytes.subarray(i * 16, i * 16 + 16)));
  }
  return ids;
}

/** An item's stored content: the import's values, its kept times, else `now`. */
function storedContent(content: ImportContent, now: number): ItemContent {
  const createdAt = content.createdAt ?? now;
  const times = { createdAt, updatedAt: content.updatedAt ?? createdAt };
  return content.type === 'login' ? { ...content, ...times, passwordHistory: content.passwordHistory ?? [] } : { ...content, ...times };
}

/** Opens every item to replace once and applies its entries in order. */
async function applyReplacements(
  db: VaultDb,
  vault: UnlockedVault,
  entries: readonly { content: ImportContent; replaces?: string | undefined }[],
  now: number,
): Promise<Map<string, { id: string; record: ItemRecord; content: ItemContent }>> {
  const replacements = new Map<string, { id: string; record: ItemRecord; content: ItemContent }>();
  for (const entry of entries) {
    const id = entry.replaces;
    if (id === undefined) continue;
    let current = replacements.get(id);
    if (!current) {
      const record = await getLiveRecord(db, id).catch(() => {
        throw new VaultError('conflict', 'An item this import would replace was deleted meanwhile. Nothing was imported; check the duplicates again.');
      });
      let content: ItemContent;
      try {
        content = openCurrentItem(vault, record);
      } catch {
        throw new VaultError('corrupted', 'An item this import would replace is damaged. Nothing was imported; choose "keep both" for it.');
      }
      current = { id, record, content };
      replacements.set(id, current);
    }
    current.content = storedContent(mergeImportContent(current.content, entry.content, now), now);
  }
  return replacements;
}

/** A lock meanwhile wipes the vault key to zeros (closeVault); sealing under it would write items nobody can open. */
function assertStillUnlocked(vault: UnlockedVault): void {
  if (vault.vaultKey.every((byte) => byte === 0)) {
    throw new VaultError('locked', 'The vault locked during the import. Nothing was imported.');
  }
}

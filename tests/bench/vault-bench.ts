/**
 * A 10,000-item vault: bulk add, unlock→first list after the KDF, search keystrokes, blind-index lookups.
 * Imports nothing Node-only, so the same code runs under Node (fake-indexeddb) and in Chromium (chromium/bench-page.ts).
 */
import { filterItems } from '../../components/items/filter-items';
import { VaultDb } from '../../lib/db/vault-db';
import { deriveMasterKey } from '../../lib/crypto/derive-master-key';
import { checkVaultIntegrity } from '../../lib/vault/lifecycle/check-vault-integrity';
import { createItems } from '../../lib/vault/items/create-item';
import { createVault } from '../../lib/vault/lifecycle/create-vault';
import { findItemsBySite } from '../../lib/vault/items/find-items-by-site';
import type { ItemInput } from '../../lib/vault/model/item-schema';
import { getItem } from '../../lib/vault/items/get-item';
import { openVault } from '../../lib/vault/lifecycle/open-vault-lists';
import { readHeader, unwrapWithMasterKey } from '../../lib/vault/lifecycle/unlock-vault';
import { closeVault } from '../../lib/vault/keys/unlocked-vault';
import { median, percentile, round, timeRuns } from './stats';

const PASSWORD = 'bench master password 1';

function sampleItem(i: number): ItemInput {
  return {
    type: 'login',
    title: `Service ${i} ${['Mail', 'Bank', 'Forum', 'Shop', 'Cloud'][i % 5]}`,
    username: `user${i}@example.org`,
    password: `pw-${i}-${'x'.repeat(16)}`,
    urls: [`https://login.site${i}.com/signin`],
    folder: `Folder ${i % 20}`,
    tags: [`tag${i % 7}`],
    notes: i % 3 === 0 ? 'Some notes about this account.' : '',
  };
}

/**
 * Runs the vault figures for `count` items against whatever `indexedDB` the global scope has.
 * @param storage - names that IndexedDB in the output, since the caller is the one who knows it
 * @param name - the database's name; the vault is left in it, so other pages can open it cold (`benchUnlockToList`)
 */
export async function benchVault(count = 10_000, storage = 'fake-indexeddb (Node)', name = `bench-${crypto.randomUUID()}`) {
  const db = new VaultDb(name);
  const created = await createVault(db, PASSWORD);
  const inputs = Array.from({ length: count }, (_, i) => sampleItem(i));
  const bulkStart = performance.now();
  await createItems(db, created, inputs);
  const bulkAddMs = performance.now() - bulkStart;
  closeVault(created);

  // Unlock: the KDF is timed apart; "unlock→list" is everything after it up to the sorted list.
  const header = await readHeader(db);
  const kdfStart = performance.now();
  const masterKey = await deriveMasterKey(PASSWORD, header.kdf);
  const kdfMs = performance.now() - kdfStart;
  const { vault, list, ms: unlockToListMs } = await timeUnlockToList(db, header, masterKey, count);

  // Opening one item's details, as the item view does, and the vault page's integrity check (every record).
  const opens = await timeRuns(50, () => getItem(db, vault, list[Math.floor(Math.random() * count)]!.id));
  const integrityStart = performance.now();
  await checkVaultIntegrity(db, vault);
  const integrityCheckMs = performance.now() - integrityStart;

  // Search: every prefix of several queries, as typed one key at a time.
  const keystrokes: number[] = [];
  for (const query of ['service 42', 'bank', 'user77@', 'folder 3 tag2', 'site9999', 'zzz']) {
    for (let n = 1; n <= query.length; n++) {
      const start = performance.now();
      filterItems(list, { query: query.slice(0, n) });
      keystrokes.push(performance.now() - start);
    }
  }

  const lookups = await timeRuns(200, () => findItemsBySite(db, vault, `https://www.site${Math.floor(Math.random() * count)}.com/`));
  closeVault(vault);
  db.close();
  return {
    items: count,
    storage,
    bulkAddMs: round(bulkAddMs),
    kdfMs: round(kdfMs),
    unlockToListMs: round(unlockToListMs),
    openItemMs: { p50: round(median(opens)), p95: round(percentile(opens, 95)) },
    integrityCheckMs: round(integrityCheckMs),
    searchKeystrokeMs: { p50: round(median(keystrokes)), p95: round(percentile(keystrokes, 95)), samples: keystrokes.length },
    domainLookupMs: { p50: round(median(lookups)), p95: round(percentile(lookups, 95)) },
    targets: { unlockToListMs: 150, searchP95Ms: 16, lookupMs: 5 },
  };
}

/**
 * Unlock → sorted list once more, on the vault `benchVault` left in database `name`: in a fresh page this is a cold
 * start of the code, as a service worker's unlock is (the KDF untimed, as in `benchVault`).
 * @returns ms from the unwrapped key to the sorted list
 */
export async function benchUnlockToList(name: string, count: number): Promise<number> {
  const db = new VaultDb(name);
  const header = await readHeader(db);
  const masterKey = await deriveMasterKey(PASSWORD, header.kdf);
  const { vault, ms } = await timeUnlockToList(db, header, masterKey, count);
  closeVault(vault);
  db.close();
  return ms;
}

/**
 * Unlock → sorted list from the derived master key: the manifest and the overview buckets, and the stored ids
 * counted against the manifest (lib/vault/lifecycle/open-vault-lists).
 * @returns the open vault, its sorted list, and ms from the unwrapped key to the list
 * @throws Error when the list does not hold `count` items
 */
async function timeUnlockToList(db: VaultDb, header: Awaited<ReturnType<typeof readHeader>>, masterKey: Awaited<ReturnType<typeof deriveMasterKey>>, count: number) {
  const start = performance.now();
  const { vault } = await openVault(db, header, unwrapWithMasterKey(masterKey, header));
  const list = filterItems([...vault.summaries.values()]);
  const ms = performance.now() - start;
  if (list.length !== count) throw new Error(`vault bench: listed ${list.length} of ${count} items`);
  return { vault, list, ms };
}

/** The figures `benchVault` returns; the Chromium page returns the same shape. */
export type VaultFigures = Awaited<ReturnType<typeof benchVault>>;

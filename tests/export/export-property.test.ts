/**
 * Property (fast-check, seeded): any vault — logins and notes with unicode text, custom fields, TOTP, tags,
 * folders, favourites, times, password history and rotation state — exported encrypted and restored into an
 * empty vault gives back the same items. The key is derived once at the real KDF floor (64 MiB, t=3, p=4) and
 * passed to the key-level seal/open functions; the passphrase path around them is tested in encrypted-export.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ExportKey } from '../../lib/crypto/keys';
import { openExport } from '../../lib/export/open-export';
import { parseExportFile } from '../../lib/export/parse-export-file';
import { restoreExportItems } from '../../lib/export/restore-export-items';
import { sealExport } from '../../lib/export/seal-export';
import type { KdfParams } from '../../lib/crypto/kdf-params';
import { bytesToHex } from '@noble/hashes/utils.js';
import { randomBytes } from '../../lib/crypto/random-bytes';
import { commitChanges } from '../../lib/vault/records/commit-changes';
import type { ItemContent } from '../../lib/vault/model/item-schema';
import { openLiveItems } from '../../lib/vault/items/open-live-items';
import { overviewRow } from '../../lib/vault/records/overview-bucket';
import { sealItem } from '../../lib/vault/records/seal-item';
import type { VaultDb } from '../../lib/db/vault-db';
import type { UnlockedVault } from '../../lib/vault/keys/unlocked-vault';
import { KDF_TIMEOUT, syntheticVault, T0 } from '../vault/fixtures';
import { contentsArb, deriveTestKey, sortedJson } from './export-fixtures';

const NUM_RUNS = 25;

/** Writes full contents (kept fields included) as the vault stores them, as if made by create and update. */
async function writeContents(db: VaultDb, vault: UnlockedVault, contents: readonly ItemContent[]): Promise<void> {
  const ids = contents.map(() => bytesToHex(randomBytes(16)));
  const put = contents.map((content, i) => sealItem(vault, ids[i]!, 1, content));
  await commitChanges(db, vault, { put, rows: contents.map((content, i) => overviewRow(ids[i]!, 1, content, false)) }, T0);
}

let key: ExportKey;
let kdf: KdfParams;

beforeAll(async () => {
  ({ key, kdf } = await deriveTestKey());
}, KDF_TIMEOUT);

describe('encrypted export → restore (property)', () => {
  it(`returns the same vault (${NUM_RUNS} seeded runs)`, async () => {
    await fc.assert(
      fc.asyncProperty(contentsArb, async (contents) => {
        const source = await syntheticVault();
        await writeContents(source.db, source.vault, contents);
        const exported = (await openLiveItems(source.db, source.vault)).items.map((item) => item.content);

        const text = sealExport(exported, key, kdf, T0 + 1);
        const read = openExport(parseExportFile(text), key);

        const target = await syntheticVault();
        const { added, skipped } = await restoreExportItems(target.db, target.vault, read, T0 + 2);
        expect({ added, skipped }).toEqual({ added: contents.length, skipped: 0 });
        const restored = (await openLiveItems(target.db, target.vault)).items.map((item) => item.content);
        expect(sortedJson(restored)).toEqual(sortedJson(contents));
        expect(target.vault.summaries.size).toBe(contents.length);
      }),
      { numRuns: NUM_RUNS, seed: 0x5ea1 },
    );
  }, 120_000);
});

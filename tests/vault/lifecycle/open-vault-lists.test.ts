/**
 * openVault's list from the overview buckets (issue 15): the quick path when every stored record is the manifest's
 * with its row, and each T09 case alone (one kind of damage at a time), which must leave the quick path.
 */
import { describe, expect, it } from 'vitest';
import { asKey, type VaultKey } from '../../../lib/crypto/keys';
import type { VaultDb } from '../../../lib/db/vault-db';
import { createItems } from '../../../lib/vault/items/create-item';
import { openVault } from '../../../lib/vault/lifecycle/open-vault-lists';
import type { UnlockedVault } from '../../../lib/vault/keys/unlocked-vault';
import { loginInput, syntheticVault, T0 } from '../fixtures';

async function threeItems(): Promise<{ db: VaultDb; vault: UnlockedVault; ids: string[] }> {
  const { db, vault } = await syntheticVault();
  const ids = await createItems(db, vault, ['a', 'b', 'c'].map((title) => loginInput({ title })), T0);
  return { db, vault, ids };
}

const open = async (db: VaultDb, vault: UnlockedVault) => openVault(db, (await db.header.get('vault'))!, asKey<VaultKey>(new Uint8Array(vault.vaultKey)));

describe('openVault', () => {
  it('lists every item and reports nothing for an intact vault', async () => {
    const { db, vault, ids } = await threeItems();
    const opened = await open(db, vault);
    expect([...opened.vault.summaries.keys()].sort()).toEqual([...ids].sort());
    expect(opened.integrity).toEqual({ missing: [], unexpected: [], rolledBack: [], quarantined: [], damagedOverviews: [] });
  });

  it('T09: one record deleted and nothing else → missing, and not listed although its row is intact', async () => {
    const { db, vault, ids } = await threeItems();
    await db.items.delete(ids[1]!);
    const opened = await open(db, vault);
    expect(opened.integrity.missing).toEqual([ids[1]]);
    expect(opened.vault.summaries.has(ids[1]!)).toBe(false);
    expect(opened.vault.summaries.size).toBe(2);
  });

  it('T09: one record the manifest never named and nothing else → unexpected and quarantined', async () => {
    const { db, vault, ids } = await threeItems();
    const injected = 'ab'.repeat(16);
    await db.items.put({ ...(await db.items.get(ids[0]!))!, id: injected });
    const opened = await open(db, vault);
    expect(opened.integrity).toMatchObject({ missing: [], unexpected: [injected], quarantined: [injected] });
    expect(opened.vault.summaries.get(injected)).toEqual({ state: 'quarantined', id: injected });
  });

  it('T09: one record moved under a new id (as many records as before) → the old id missing, the new one unexpected', async () => {
    const { db, vault, ids } = await threeItems();
    const moved = 'cd'.repeat(16);
    await db.items.put({ ...(await db.items.get(ids[2]!))!, id: moved });
    await db.items.delete(ids[2]!);
    const opened = await open(db, vault);
    expect(opened.integrity).toMatchObject({ missing: [ids[2]], unexpected: [moved], quarantined: [moved] });
    expect(opened.vault.summaries.has(ids[2]!)).toBe(false);
  });

  it('S8: a damaged bucket and nothing else → its items come back from their records, none lost', async () => {
    const { db, vault, ids } = await threeItems();
    const buckets = await db.overviews.toArray();
    await db.overviews.put({ ...buckets[0]!, sealed: { ...buckets[0]!.sealed, ct: new Uint8Array(buckets[0]!.sealed.ct.length) } });
    const opened = await open(db, vault);
    expect(opened.integrity.damagedOverviews).toEqual([buckets[0]!.id]);
    expect([...opened.vault.summaries.keys()].sort()).toEqual([...ids].sort());
  });
});

/**
 * readAuditLog over a real vault's history (created, unlocked, item created, edited, revealed, copied,
 * deleted): events in order with seq 1..n and a valid chain; any edit, removal, reorder or swap of stored
 * records makes `chainValid` false.
 */
import { bytesToHex } from '@noble/hashes/utils.js';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AuditRecord, VaultDb } from '../../../lib/db/vault-db';
import { createItem } from '../../../lib/vault/items/create-item';
import { createVault } from '../../../lib/vault/lifecycle/create-vault';
import { deleteItem } from '../../../lib/vault/items/delete-item';
import { readAuditLog } from '../../../lib/vault/records/read-audit-log';
import { recordAuditEvent } from '../../../lib/vault/records/record-audit-event';
import { closeVault, type UnlockedVault } from '../../../lib/vault/keys/unlocked-vault';
import { unlockVault } from '../../../lib/vault/lifecycle/unlock-vault';
import { updateItem } from '../../../lib/vault/items/update-item';
import { copyVault, KDF_TIMEOUT, loginInput, newDb, PASSWORD, pasteVault, syntheticVault, T0, type VaultCopy } from '../fixtures';

let db: VaultDb;
let vault: UnlockedVault;
let itemId: string;
let copy: VaultCopy;

beforeAll(async () => {
  db = newDb();
  closeVault(await createVault(db, PASSWORD, undefined, T0));
  ({ vault } = await unlockVault(db, PASSWORD, T0 + 1));
  itemId = await createItem(db, vault, loginInput({ title: 'Bank' }), T0 + 2);
  await updateItem(db, vault, itemId, loginInput({ title: 'Bank (joint)' }), T0 + 3);
  await recordAuditEvent(db, vault, { type: 'password-revealed', itemId, itemTitle: 'Bank (joint)' }, T0 + 4);
  await recordAuditEvent(db, vault, { type: 'password-copied', itemId, itemTitle: 'Bank (joint)' }, T0 + 5);
  await deleteItem(db, vault, itemId, T0 + 6);
  copy = await copyVault(db, vault);
}, KDF_TIMEOUT);

/** A fresh copy of the vault's database with `tamper` applied to its audit records. */
async function tampered(tamper: (records: AuditRecord[]) => AuditRecord[]): Promise<VaultDb> {
  const target = await pasteVault(copy);
  const records = tamper(await target.audit.orderBy('seq').toArray());
  await target.audit.clear();
  await target.audit.bulkPut(records);
  return target;
}

describe('readAuditLog', () => {
  it('returns every event oldest first, seq 1..n, at the injected times, with a valid chain', async () => {
    const { events, chainValid } = await readAuditLog(db, vault);
    expect(chainValid).toBe(true);
    expect(events.map(({ seq, at, type, itemId: id, itemTitle }) => ({ seq, at, type, itemId: id, itemTitle }))).toEqual([
      { seq: 1, at: T0, type: 'vault-created', itemId: undefined, itemTitle: undefined },
      { seq: 2, at: T0 + 1, type: 'vault-unlocked', itemId: undefined, itemTitle: undefined },
      { seq: 3, at: T0 + 2, type: 'item-created', itemId, itemTitle: 'Bank' },
      { seq: 4, at: T0 + 3, type: 'item-edited', itemId, itemTitle: 'Bank (joint)' },
      { seq: 5, at: T0 + 4, type: 'password-revealed', itemId, itemTitle: 'Bank (joint)' },
      { seq: 6, at: T0 + 5, type: 'password-copied', itemId, itemTitle: 'Bank (joint)' },
      { seq: 7, at: T0 + 6, type: 'item-deleted', itemId, itemTitle: 'Bank (joint)' },
    ]);
  });

  it('gives each event its stored chain hash as 64 hex characters', async () => {
    const { events } = await readAuditLog(db, vault);
    const records = await db.audit.orderBy('seq').toArray();
    expect(events.map((e) => e.hash)).toEqual(records.map((r) => bytesToHex(r.hash)));
  });

  it('an untouched copy still verifies (control for the cases below)', async () => {
    expect((await readAuditLog(await tampered((r) => r), vault)).chainValid).toBe(true);
  });

  it('one record’s hash changed → chainValid false', async () => {
    const target = await tampered((records) => {
      records[2]!.hash[0]! ^= 1;
      return records;
    });
    const { events, chainValid } = await readAuditLog(target, vault);
    expect(chainValid).toBe(false);
    expect(events).toHaveLength(7);
  });

  it('a middle record deleted → chainValid false', async () => {
    const target = await tampered((records) => records.filter((r) => r.seq !== 4));
    const { events, chainValid } = await readAuditLog(target, vault);
    expect(chainValid).toBe(false);
    expect(events.map((e) => e.seq)).toEqual([1, 2, 3, 5, 6, 7]);
  });

  it('the sealed payloads of two records swapped → chainValid false, and neither opens under the other’s number', async () => {
    const target = await tampered((records) => {
      const [a, b] = [records[1]!, records[4]!];
      [a.sealed, b.sealed] = [b.sealed, a.sealed];
      return records;
    });
    const { events, chainValid } = await readAuditLog(target, vault);
    expect(chainValid).toBe(false);
    expect(events.map((e) => e.seq)).toEqual([1, 3, 4, 6, 7]);
  });

  it('two records reordered (sequence numbers exchanged) → chainValid false', async () => {
    const target = await tampered((records) => {
      const [a, b] = [records[2]!, records[3]!];
      [a.seq, b.seq] = [b.seq, a.seq];
      return records;
    });
    expect((await readAuditLog(target, vault)).chainValid).toBe(false);
  });

  it('a flipped ciphertext bit → chainValid false and that event is left out', async () => {
    const target = await tampered((records) => {
      records[5]!.sealed.ct[0]! ^= 1;
      return records;
    });
    const { events, chainValid } = await readAuditLog(target, vault);
    expect(chainValid).toBe(false);
    expect(events.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5, 7]);
  });

  it('the newest events cut off → chainValid false (the sealed head names the last one)', async () => {
    const target = await tampered((records) => records.slice(0, -2));
    const { events, chainValid } = await readAuditLog(target, vault);
    expect(chainValid).toBe(false);
    expect(events.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5]);
  });

  it('every event removed → chainValid false', async () => {
    const target = await tampered(() => []);
    expect(await readAuditLog(target, vault)).toEqual({ events: [], chainValid: false });
  });

  it('the sealed head replaced by another vault’s, or removed → chainValid false', async () => {
    const target = await tampered((records) => records);
    const other = await syntheticVault();
    await recordAuditEvent(other.db, other.vault, { type: 'vault-locked' }, T0);
    await target.header.update('vault', { auditHead: (await other.db.header.get('vault'))!.auditHead });
    expect((await readAuditLog(target, vault)).chainValid).toBe(false);
    await target.header.update('vault', { auditHead: null });
    expect((await readAuditLog(target, vault)).chainValid).toBe(false);
  });

  it('a vault with no events yet is a valid chain', async () => {
    const fresh = await syntheticVault();
    expect(await readAuditLog(fresh.db, fresh.vault)).toEqual({ events: [], chainValid: true });
  });
});

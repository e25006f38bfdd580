/** commitChanges / appendAudit: records, sealed manifest and audit events land in one transaction or not at all (S8). */
import { describe, expect, it, vi } from 'vitest';
import { asKey, type VaultKey } from '../../../lib/crypto/keys';
import { createItem } from '../../../lib/vault/items/create-item';
import { openVault } from '../../../lib/vault/lifecycle/open-vault-lists';
import { appendAudit, commitChanges } from '../../../lib/vault/records/commit-changes';
import { readAuditLog } from '../../../lib/vault/records/read-audit-log';
import { openOverviewBucket, overviewBucketOf, overviewRow } from '../../../lib/vault/records/overview-bucket';
import { sealItem } from '../../../lib/vault/records/seal-item';
import { closeVault } from '../../../lib/vault/keys/unlocked-vault';
import { contentOf, loginInput, reopen, storedManifest, syntheticVault, T0 } from '../fixtures';

const content = (title: string) => contentOf(loginInput({ title }), T0);
const row = (id: string, title: string) => overviewRow(id, 1, content(title), false);

describe('commitChanges', () => {
  it('puts records, removes ids and appends events; the manifest follows in memory and in the header', async () => {
    const { db, vault } = await syntheticVault();
    const old = await createItem(db, vault, loginInput(), T0);
    const fresh = sealItem(vault, 'cc'.repeat(16), 1, content('fresh'));
    await commitChanges(db, vault, { put: [fresh], rows: [row(fresh.id, 'fresh')], remove: [old], audit: [{ type: 'item-created', itemId: fresh.id }] }, T0 + 1);
    expect((await db.items.toArray()).map((r) => r.id)).toEqual([fresh.id]);
    expect(vault.manifest).toEqual(new Map([[fresh.id, 1]]));
    expect(await storedManifest(db, vault)).toEqual(new Map([[fresh.id, 1]]));
    const { events } = await readAuditLog(db, vault);
    expect(events.map((e) => e.type)).toEqual(['item-created', 'item-created']);
  });

  it('an audit-only commit changes nothing in the header but the sealed audit head', async () => {
    const { db, vault } = await syntheticVault();
    const { auditHead: before, ...header } = (await db.header.get('vault'))!;
    await commitChanges(db, vault, { audit: [{ type: 'vault-locked' }] }, T0);
    const { auditHead: after, ...rest } = (await db.header.get('vault'))!;
    expect(rest).toEqual(header);
    expect(before).toBeNull();
    expect(after).not.toBeNull();
    expect(await db.audit.count()).toBe(1);
  });

  it('S8: a failure after the record write rolls everything back and keeps the in-memory manifest', async () => {
    const { db, vault } = await syntheticVault();
    const id = await createItem(db, vault, loginInput(), T0);
    const header = await db.header.get('vault');
    const items = await db.items.toArray();
    vi.spyOn(db.audit, 'bulkAdd').mockRejectedValueOnce(new Error('disk full'));
    const next = sealItem(vault, 'dd'.repeat(16), 1, content('never'));
    const bucketsBefore = await db.overviews.toArray();
    await expect(commitChanges(db, vault, { put: [next], rows: [row(next.id, 'never')], remove: [id], audit: [{ type: 'item-created' }] }, T0 + 1)).rejects.toThrow('disk full');
    expect(await db.overviews.toArray()).toEqual(bucketsBefore);
    expect(await db.items.toArray()).toEqual(items);
    expect(await db.header.get('vault')).toEqual(header);
    expect(await db.audit.count()).toBe(1);
    expect(vault.manifest).toEqual(new Map([[id, 1]]));
  });

  it('S8: with no header (vault removed meanwhile) → throws and writes no record', async () => {
    const { db, vault } = await syntheticVault();
    await db.header.clear();
    await expect(commitChanges(db, vault, { put: [sealItem(vault, 'ee'.repeat(16), 1, content('orphan'))], rows: [row('ee'.repeat(16), 'orphan')] }, T0)).rejects.toThrow('vault header missing');
    expect(await db.overviews.count()).toBe(0);
    expect(await db.items.count()).toBe(0);
    expect(vault.manifest.size).toBe(0);
  });

  it('concurrent commits are serialised: every record ends up in the manifest', async () => {
    const { db, vault } = await syntheticVault();
    const ids = await Promise.all(Array.from({ length: 8 }, (_, i) => createItem(db, vault, loginInput({ title: `t${i}` }), T0 + i)));
    expect(new Set((await storedManifest(db, vault)).keys())).toEqual(new Set(ids));
    const { events, chainValid } = await readAuditLog(db, vault);
    expect(chainValid).toBe(true);
    expect(events.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });
});

describe('commitChanges: overview buckets (issue 15)', () => {
  it('an edit re-seals the one bucket its item falls into, at its next revision, and the manifest names it', async () => {
    const { db, vault } = await syntheticVault();
    const a = await createItem(db, vault, loginInput({ title: 'a' }), T0);
    const bucket = overviewBucketOf(a);
    const before = new Map((await db.overviews.toArray()).map((b) => [b.id, b.sealed]));
    const record = sealItem(vault, a, 2, content('a2'), (await db.items.get(a))!);
    await commitChanges(db, vault, { put: [record], rows: [overviewRow(a, 2, content('a2'), false)] }, T0 + 1);
    const after = await db.overviews.toArray();
    expect(after.filter((b) => b.sealed !== before.get(b.id) && JSON.stringify(b.sealed) !== JSON.stringify(before.get(b.id))).map((b) => b.id)).toEqual([bucket]);
    expect(vault.overviews.get(bucket)).toBe(2);
    expect((await storedManifest(db, vault)).get(a)).toBe(2);
    const sealed = after.find((b) => b.id === bucket)!.sealed;
    expect(openOverviewBucket(vault.vaultKey, vault.vaultId, bucket, 2, sealed).get(a)).toMatchObject({ rev: 2, deleted: false, summary: { title: 'a2' } });
    // T09: the bucket at its old revision no longer opens under the revision the manifest names.
    expect(() => openOverviewBucket(vault.vaultKey, vault.vaultId, bucket, 2, before.get(bucket))).toThrow();
    expect(vault.summaries.get(a)).toMatchObject({ title: 'a2' });
  });

  it('refuses a put without its overview row, or with a row of another revision or deleted state, and writes nothing', async () => {
    const { db, vault } = await syntheticVault();
    const record = sealItem(vault, 'ab'.repeat(16), 1, content('x'));
    for (const rows of [[], [overviewRow(record.id, 2, content('x'), false)], [overviewRow(record.id, 1, content('x'), true)], [row(record.id, 'x'), row('cd'.repeat(16), 'y')]]) {
      await expect(commitChanges(db, vault, { put: [record], rows }, T0)).rejects.toThrow('overview row');
    }
    expect(await db.items.count()).toBe(0);
    expect(await db.overviews.count()).toBe(0);
    expect(vault.summaries.size).toBe(0);
  });
});

describe('commitChanges: records sealed inside the transaction (sealLater)', () => {
  const ids = Array.from({ length: 1_100 }, (_, i) => i.toString(16).padStart(32, '0'));

  it('writes every record with the rows, the manifest and the events, and seals chunk n+1 before chunk n is written', async () => {
    const { db, vault } = await syntheticVault();
    const written: number[] = [];
    const put = db.items.bulkPut.bind(db.items);
    vi.spyOn(db.items, 'bulkPut').mockImplementation(((records: Parameters<typeof put>[0]) => {
      const chunk = written.length;
      written.push(-1);
      return put(records).then((result) => {
        written[chunk] = records.length;
        return result;
      });
    }) as typeof put);
    const notWrittenWhenSealed: number[] = [];
    const sealed: number[] = [];
    await commitChanges(db, vault, {
      rows: ids.map((id) => row(id, id)),
      audit: [{ type: 'items-imported', count: ids.length }],
      sealLater: {
        count: ids.length,
        sealAt: (i) => {
          // The first record of a chunk is sealed while the chunk before it is still being written.
          if (i > 0 && i % 500 === 0 && written[i / 500 - 1] === -1) notWrittenWhenSealed.push(i);
          return sealItem(vault, ids[i]!, 1, content(ids[i]!));
        },
        onSealed: (done) => sealed.push(done),
      },
    }, T0);
    expect(notWrittenWhenSealed).toEqual([500, 1_000]);
    expect(written).toEqual([500, 500, 100]);
    expect(sealed).toEqual([500, 1_000, 1_100]);
    expect(await db.items.count()).toBe(1_100);
    expect(await storedManifest(db, vault)).toEqual(new Map(ids.map((id) => [id, 1])));
    expect(vault.summaries.size).toBe(1_100);
    const { integrity } = await openVault(db, (await db.header.get('vault'))!, asKey<VaultKey>(new Uint8Array(vault.vaultKey)));
    expect(integrity).toMatchObject({ missing: [], unexpected: [], quarantined: [], damagedOverviews: [] });
  });

  it('S8: a record that does not match its row, or one sealed twice, aborts the commit and nothing is written', async () => {
    const { db, vault } = await syntheticVault();
    const header = await db.header.get('vault');
    const wrong: ((i: number) => ReturnType<typeof sealItem>)[] = [
      (i) => sealItem(vault, ids[i]!, i === 700 ? 2 : 1, content(ids[i]!)),
      (i) => sealItem(vault, ids[i === 700 ? 3 : i]!, 1, content(ids[i]!)),
      (i) => sealItem(vault, ids[i]!, 1, content(ids[i]!), undefined, i === 700 ? T0 : null),
    ];
    for (const sealAt of wrong) {
      await expect(commitChanges(db, vault, { rows: ids.map((id) => row(id, id)), sealLater: { count: ids.length, sealAt } }, T0)).rejects.toThrow('overview row');
    }
    await expect(commitChanges(db, vault, { rows: ids.slice(1).map((id) => row(id, id)), sealLater: { count: ids.length, sealAt: wrong[0]! } }, T0)).rejects.toThrow('overview row');
    expect(await db.items.count()).toBe(0);
    expect(await db.overviews.count()).toBe(0);
    expect(await db.header.get('vault')).toEqual(header);
    expect(vault.manifest.size).toBe(0);
  });

  it('S4: a lock while a chunk is written stops the sealing with the wiped key and rolls back what was written', async () => {
    const { db, vault } = await syntheticVault();
    const sealedAfterLock: number[] = [];
    const error = await commitChanges(db, vault, {
      rows: ids.map((id) => row(id, id)),
      sealLater: {
        count: ids.length,
        sealAt: (i) => {
          if (vault.closed) sealedAfterLock.push(i);
          return sealItem(vault, ids[i]!, 1, content(ids[i]!));
        },
        onSealed: (done) => {
          if (done === 500) closeVault(vault);
        },
      },
    }, T0).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'locked' });
    expect(sealedAfterLock).toEqual([]);
    expect(await db.items.count()).toBe(0);
    expect(await db.overviews.count()).toBe(0);
  });

  it('S4: a lock asked for while the records are sealed (its own write waiting behind) rolls the write back at once', async () => {
    for (const at of [500, 1_100]) {
      const { db, vault } = await syntheticVault();
      const error = await commitChanges(db, vault, {
        rows: ids.map((id) => row(id, id)),
        sealLater: {
          count: ids.length,
          sealAt: (i) => sealItem(vault, ids[i]!, 1, content(ids[i]!)),
          onSealed: (done) => {
            if (done === at) vault.lockRequested = true;
          },
        },
      }, T0).catch((e: unknown) => e);
      expect(error).toMatchObject({ code: 'locked' });
      expect(await db.items.count()).toBe(0);
      expect(vault.manifest.size).toBe(0);
    }
  });
});

describe('appendAudit', () => {
  it('continues the sequence and the chain from the last stored event', async () => {
    const { db, vault } = await syntheticVault();
    await db.transaction('rw', db.audit, db.header, () => appendAudit(db, vault, [{ type: 'vault-created' }, { type: 'vault-unlocked' }], T0));
    await db.transaction('rw', db.audit, db.header, () => appendAudit(db, vault, [{ type: 'vault-locked' }], T0 + 1));
    const { events, chainValid } = await readAuditLog(db, vault);
    expect(chainValid).toBe(true);
    expect(events.map((e) => [e.seq, e.type, e.at])).toEqual([[1, 'vault-created', T0], [2, 'vault-unlocked', T0], [3, 'vault-locked', T0 + 1]]);
  });
});

describe('commitChanges and a lock that comes while it runs (S4, S8)', () => {
  it('a lock during the transaction rolls the commit back: nothing is sealed under the wiped keys, and the vault still opens', async () => {
    const { db, vault } = await syntheticVault();
    const kept = await createItem(db, vault, loginInput({ title: 'kept' }), T0);
    const keyCopy = { ...vault, vaultKey: new Uint8Array(vault.vaultKey) as typeof vault.vaultKey };
    const before = await db.header.get('vault');
    const fresh = sealItem(vault, 'dd'.repeat(16), 1, content('fresh'));
    // The lock arrives while the bucket is written, before the manifest is sealed: what a lock from another
    // message does when the commit's transaction waits for IndexedDB.
    db.overviews.hook('updating', () => closeVault(vault));
    db.overviews.hook('creating', () => closeVault(vault));
    await expect(commitChanges(db, vault, { put: [fresh], rows: [row(fresh.id, 'fresh')] }, T0 + 1)).rejects.toMatchObject({ code: 'locked' });
    expect(await db.header.get('vault')).toEqual(before);
    expect(await db.items.get(fresh.id)).toBeUndefined();
    const reopened = await reopen(db, keyCopy);
    expect([...reopened.summaries.keys()]).toEqual([kept]);
    expect(vault.summaries.size).toBe(0);
  });

  it('a commit queued behind a lock is refused before it writes anything', async () => {
    const { db, vault } = await syntheticVault();
    closeVault(vault);
    await expect(commitChanges(db, vault, { audit: [{ type: 'vault-locked' }] }, T0)).rejects.toMatchObject({ code: 'locked' });
    expect(await db.audit.count()).toBe(0);
  });
});

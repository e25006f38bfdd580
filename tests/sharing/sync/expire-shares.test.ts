/**
 * expireShares while locked and after (T04): the copy's content goes and its advance tombstone takes its
 * place at the same revision; the next unlocked run seals an ordinary tombstone once the expiry it names
 * has passed, and reports one swapped in before that; a row from before advance tombstones stays until then.
 */
import { describe, expect, it } from 'vitest';
import { newShareId } from '../../../lib/sharing/envelope/new-share-id';
import { commitSharing } from '../../../lib/sharing/store/commit-sharing';
import { getReceived } from '../../../lib/sharing/store/sharing-records';
import { endWhileLocked, type LiveReceived } from '../../../lib/sharing/store/stored-received';
import { expireShares } from '../../../lib/sharing/sync/expire-shares';
import { readAuditLog } from '../../../lib/vault/records/read-audit-log';
import { recordKey } from '../../../lib/vault/records/manifest';
import { syntheticVault, T0 } from '../../vault/fixtures';
import { contactOf, person, sampleLogin } from '../fixtures';

const HOUR = 60 * 60 * 1000;
const alice = contactOf(person('alice'));

function copy(expiresAt: number): LiveReceived {
  return {
    status: 'live',
    share: { shareId: newShareId(), itemId: 'item-1', owner: { handle: 'alice', fingerprint: alice.fingerprint }, permission: 'view', expiresAt, state: 'accepted', version: 4, myVersion: 1, item: sampleLogin(), receivedAt: T0 },
    contactId: 'c-alice',
    replyRelayId: newShareId(),
    openedReceiptAt: null,
    editSentAt: null,
    missing: null,
  };
}

async function vaultWith(...copies: LiveReceived[]) {
  const { db, vault } = await syntheticVault();
  await commitSharing(db, vault, { received: copies }, T0);
  return { db, vault };
}

describe('expireShares (T04)', () => {
  it('locked: the content is deleted and the advance tombstone takes its place at the same revision; unlocked: sealed again as an ordinary tombstone', async () => {
    const due = copy(T0 + HOUR);
    const later = copy(T0 + 10 * HOUR);
    const { db, vault } = await vaultWith(due, later);
    const before = (await db.received.get(due.share.shareId))!;
    expect(await expireShares(db, null, T0 + 2 * HOUR)).toEqual({ removed: 1, endedEarly: [], nextExpiry: T0 + 10 * HOUR });
    const after = (await db.received.get(due.share.shareId))!;
    expect(after).toEqual({ id: before.id, rev: before.rev, domains: [], sealed: before.expiredTombstone, endedWhileLocked: { expiresAt: T0 + HOUR, at: T0 + 2 * HOUR } });
    expect(await getReceived(db, vault, due.share.shareId)).toEqual({ state: 'found', record: { status: 'ended', shareId: due.share.shareId, version: 4, endedAt: T0 + HOUR, because: 'expired' } });
    // Running again while locked changes nothing.
    expect((await expireShares(db, null, T0 + 3 * HOUR)).removed).toBe(0);

    expect(await expireShares(db, vault, T0 + 3 * HOUR)).toMatchObject({ removed: 0, endedEarly: [] });
    const sealed = (await db.received.get(due.share.shareId))!;
    expect(sealed.endedWhileLocked).toBeUndefined();
    expect(sealed.rev).toBe(before.rev! + 1);
    expect(vault.manifest.get(recordKey('received', due.share.shareId))).toBe(sealed.rev);
    expect(await getReceived(db, vault, due.share.shareId)).toMatchObject({ state: 'found', record: { status: 'ended', version: 4, because: 'expired' } });
    expect((await readAuditLog(db, vault)).events.at(-1)).toMatchObject({ type: 'share-expired' });
    expect((await getReceived(db, vault, later.share.shareId)).state).toBe('found');
  });

  it('a tombstone swapped in on disk before the expiry it names is reported as ended early and left as it is', async () => {
    const early = copy(T0 + 10 * HOUR);
    const { db, vault } = await vaultWith(early);
    const swapped = endWhileLocked((await db.received.get(early.share.shareId))!, T0)!;
    await db.received.put(swapped);
    expect(await expireShares(db, vault, T0 + HOUR)).toMatchObject({ removed: 0, endedEarly: [early.share.shareId] });
    expect(await db.received.get(early.share.shareId)).toEqual(swapped);
  });

  it('a row without an advance tombstone (written before them) is left while locked and ended at the next unlocked run', async () => {
    const old = copy(T0 + HOUR);
    const { db, vault } = await vaultWith(old);
    const { expiredTombstone: _none, ...row } = (await db.received.get(old.share.shareId))!;
    await db.received.put(row);
    expect((await expireShares(db, null, T0 + 2 * HOUR)).removed).toBe(0);
    expect(await db.received.get(old.share.shareId)).toEqual(row);
    expect((await expireShares(db, vault, T0 + 2 * HOUR)).removed).toBe(1);
    expect(await getReceived(db, vault, old.share.shareId)).toMatchObject({ state: 'found', record: { status: 'ended', version: 4 } });
  });
});

/**
 * Access that ends by itself. A received copy ends at its expiry by this device's clock, even while
 * offline, and even while the vault is locked: its expiry is a clear, authenticated column, so no key is
 * needed to find it. Whatever ends leaves a tombstone (share id and last version), so a replay of an older
 * offer cannot bring the copy back (T04):
 * - unlocked, the copy is sealed again as a tombstone at its next revision, with an audit event;
 * - locked (also the run at browser start), the copy's content is deleted and the tombstone sealed in
 *   advance beside it takes its place at the same revision (stored-received endWhileLocked); it opens as
 *   the end of that copy at that expiry and nothing else, and the next unlocked run seals it again as an
 *   ordinary tombstone once it has checked that the expiry it names has passed.
 * On the owner's side, grants past their end become `expired`. Run it under withSharingLock when unlocked.
 */
import type { VaultDb } from '../../db/vault-db';
import { grantIsLive } from '../grants/grant';
import type { AuditPayload } from '../../vault/records/audit-chain';
import type { UnlockedVault } from '../../vault/keys/unlocked-vault';
import { commitSharing } from '../store/commit-sharing';
import { receivedItemId } from '../store/received-item-id';
import { loadGrants } from '../store/sharing-records';
import type { StoredGrant } from '../store/stored-grant';
import { endWhileLocked, openReceived, type StoredReceived } from '../store/stored-received';

/**
 * @param vault - the unlocked vault, or null while locked
 * @param now - ms since epoch
 * @returns how many received copies ended, the ids of tombstones left while locked that name an expiry
 *   still ahead (ended early: someone swapped them in on disk; reported, left as they are), and the next
 *   expiry still ahead (for the alarm), or null
 */
export async function expireShares(db: VaultDb, vault: UnlockedVault | null, now: number): Promise<{ removed: number; endedEarly: string[]; nextExpiry: number | null }> {
  let removed = 0;
  const endedEarly: string[] = [];
  if (vault === null) {
    // One transaction: a row written meanwhile by an unlocked vault is never replaced by a stale tombstone.
    removed = await db.transaction('rw', db.received, async () => {
      const swapped = (await db.received.where('expiresAt').belowOrEqual(now).toArray()).flatMap((record) => endWhileLocked(record, now) ?? []);
      await db.received.bulkPut(swapped);
      return swapped.length;
    });
  } else {
    const due = await db.received.where('expiresAt').belowOrEqual(now).toArray();
    const endedLocked = await db.received.filter((record) => record.endedWhileLocked !== undefined).toArray();
    const tombstones: StoredReceived[] = [];
    const audit: Omit<AuditPayload, 'at'>[] = [];
    for (const record of due) {
      let stored: StoredReceived | null;
      try {
        stored = openReceived(vault, record);
      } catch {
        stored = null;
      }
      if (stored?.status === 'ended') continue;
      removed++;
      // A damaged copy past its expiry ends like any other: its time is up whatever it held, and its share
      // id stays closed (version unknown: 0).
      tombstones.push({ status: 'ended', shareId: record.id, version: stored?.share.version ?? 0, endedAt: now, because: 'expired' });
      // The received item's id lets its former holder's views say that this share ended (issue 17).
      const itemId = receivedItemId(record.id);
      audit.push(stored ? { type: 'share-expired', itemId, itemTitle: stored.share.item.title, party: stored.share.owner.handle } : { type: 'share-expired', itemId });
    }
    for (const record of endedLocked) {
      let stored: StoredReceived;
      try {
        stored = openReceived(vault, record);
      } catch {
        continue;
      }
      if (stored.status !== 'ended') continue;
      // The advance tombstone names the expiry it stands for (authenticated): before it, it was swapped in.
      if (stored.endedAt > now) {
        endedEarly.push(record.id);
        continue;
      }
      tombstones.push({ ...stored, endedAt: record.endedWhileLocked?.at ?? stored.endedAt });
      audit.push({ type: 'share-expired', itemId: receivedItemId(record.id) });
    }
    const expired: StoredGrant[] = [];
    // A damaged grant cannot be read for its end; it stays as it is (the sync counts it for the user).
    for (const stored of (await loadGrants(db, vault)).records) {
      const { grant } = stored;
      if (grantIsLive(grant, now) || (grant.state !== 'pending' && grant.state !== 'accepted')) continue;
      expired.push({ ...stored, grant: { ...grant, state: 'expired', endedAt: grant.until ?? now } });
      const title = vault.summaries.get(grant.itemId);
      audit.push({ type: 'share-expired', itemId: grant.itemId, ...(title?.state === 'ok' ? { itemTitle: title.title } : {}), party: grant.recipient.handle });
    }
    if (tombstones.length > 0 || expired.length > 0) await commitSharing(db, vault, { received: tombstones, grants: expired, audit }, now);
  }
  const next = await db.received.where('expiresAt').above(now).first();
  return { removed, endedEarly, nextExpiry: next?.expiresAt ?? null };
}

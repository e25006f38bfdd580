/**
 * Access that ends by itself. A received copy is deleted at its expiry by this device's clock, even while
 * offline, and even while the vault is locked: its expiry is a clear, authenticated column, so no key is
 * needed to find and delete it (the tombstone and the audit event need the vault key, so they are only
 * written when unlocked; a replay of the offer afterwards is refused by its signed expiry anyway). On the
 * owner's side, grants past their end become `expired`. Run it under withSharingLock when unlocked.
 */
import type { ReceivedRecord, VaultDb } from '../../db/vault-db';
import { grantIsLive } from '../grants/grant';
import type { AuditPayload } from '../../vault/records/audit-chain';
import type { UnlockedVault } from '../../vault/keys/unlocked-vault';
import { commitSharing } from '../store/commit-sharing';
import { receivedItemId } from '../store/received-item-id';
import { loadGrants } from '../store/sharing-records';
import { sealGrant, type StoredGrant } from '../store/stored-grant';
import { openReceived, sealReceived } from '../store/stored-received';

/**
 * @param vault - the unlocked vault, or null while locked
 * @param now - ms since epoch
 * @returns how many received copies were deleted, and the next expiry still ahead (for the alarm), or null
 */
export async function expireShares(db: VaultDb, vault: UnlockedVault | null, now: number): Promise<{ removed: number; nextExpiry: number | null }> {
  const due = await db.received.where('expiresAt').belowOrEqual(now).toArray();
  if (vault === null) {
    if (due.length > 0) await db.received.bulkDelete(due.map((r) => r.id));
  } else {
    const tombstones: ReceivedRecord[] = [];
    const audit: Omit<AuditPayload, 'at'>[] = [];
    const damaged: string[] = [];
    for (const record of due) {
      try {
        const stored = openReceived(vault, record);
        if (stored.status !== 'live') continue;
        tombstones.push(sealReceived(vault, { status: 'ended', shareId: record.id, version: stored.share.version, endedAt: now, because: 'expired' }));
        audit.push({ type: 'share-expired', itemId: receivedItemId(record.id), itemTitle: stored.share.item.title, party: stored.share.owner.handle });
      } catch {
        damaged.push(record.id);
      }
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
    // A damaged copy past its expiry is deleted like any other: its time is up whatever it held.
    await commitSharing(db, vault, { removeReceived: damaged, received: tombstones, shares: expired.map((s) => sealGrant(vault, s)), audit }, now);
  }
  const next = await db.received.where('expiresAt').above(now).first();
  return { removed: due.length, nextExpiry: next?.expiresAt ?? null };
}

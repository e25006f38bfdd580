/**
 * The recipient's notices of shares that ended (issue 17: the item "just read 'no longer available' after a
 * reload"): who ended which copy, how and when, read back from the audit log, where the sync and the expiry
 * alarm record each end with the received item's id (received-item-id.ts tells them from the owner's own).
 */
import type { VaultDb } from '../../db/vault-db';
import type { UnlockedVault } from '../../vault/keys/unlocked-vault';
import { readAuditLog } from '../../vault/records/read-audit-log';
import { isReceivedItemId } from '../is-received-item-id';

/** How far back the notices go: 30 days, in ms. */
export const ENDED_NOTICE_MS = 30 * 24 * 60 * 60 * 1000;

/** One ended share, as the recipient is told. */
export interface EndedShare {
  id: string;
  title: string;
  by: string;
  reason: 'revoked' | 'expired';
  at: number;
  seq: number;
}

/**
 * Cost: one pass over the audit log (it decrypts every event; a few thousand take milliseconds).
 * @param now - ms since epoch
 * @returns newest first
 */
export async function listEndedShares(db: VaultDb, vault: UnlockedVault, now: number): Promise<EndedShare[]> {
  const { events } = await readAuditLog(db, vault);
  const ended: EndedShare[] = [];
  for (const event of events) {
    if (event.type !== 'share-revoked' && event.type !== 'share-expired') continue;
    if (event.itemId === undefined || !isReceivedItemId(event.itemId) || event.at < now - ENDED_NOTICE_MS) continue;
    ended.push({
      id: event.itemId,
      title: event.itemTitle ?? '',
      by: event.party ?? '',
      reason: event.type === 'share-revoked' ? 'revoked' : 'expired',
      at: event.at,
      seq: event.seq,
    });
  }
  return ended.reverse();
}

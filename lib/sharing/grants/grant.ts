/**
 * The share model on both sides. The owner keeps a Grant per recipient (who has what, since when, until
 * when, how far it got); the recipient keeps a ReceivedShare per share. Both keep the highest sequence
 * number seen from the other side, so versions only move forward and a gap shows (T04).
 */
import type { ItemContent } from '../../vault/model/item-schema';
import type { Permission } from '../../vault/model/share-permission';


/** `pending` until the recipient accepts or declines; `revoked` and `expired` are final. */
export type GrantState = 'pending' | 'accepted' | 'declined' | 'revoked' | 'expired';

/** The owner's record of one recipient's access to one item. */
export interface Grant {
  /** base64 of 16 bytes. */
  shareId: string;
  itemId: string;
  recipient: { handle: string; fingerprint: string };
  permission: Permission;
  /** When access was given, ms since epoch. */
  since: number;
  /** When it ends by itself (ms since epoch), or null. */
  until: number | null;
  state: GrantState;
  /** The owner's sequence number of the last offer, update or revoke sealed for this share. */
  version: number;
  /** The highest sequence number accepted from the recipient (receipts, declines, proposals); 0 before any. */
  recipientVersion: number;
  /** As reported by the recipient's client, ms since epoch. */
  deliveredAt: number | null;
  acceptedAt: number | null;
  lastOpenedAt: number | null;
  /** When it was revoked or found expired, ms since epoch. */
  endedAt: number | null;
}

/** The recipient's copy of a share. */
export interface ReceivedShare {
  shareId: string;
  itemId: string;
  owner: { handle: string; fingerprint: string };
  permission: Permission;
  /** When the copy must be deleted (ms since epoch), or null. */
  expiresAt: number | null;
  state: 'pending' | 'accepted' | 'declined';
  /** The highest owner sequence number applied. */
  version: number;
  /** My own sequence number of the last receipt, decline or proposal sealed for this share; 0 before any. */
  myVersion: number;
  item: ItemContent;
  /** When the first envelope of this share arrived, ms since epoch. */
  receivedAt: number;
}

/**
 * True while a grant gives access: pending or accepted, and not past `until`.
 * @param now - ms since epoch
 */
export function grantIsLive(grant: Grant, now: number): boolean {
  return (grant.state === 'pending' || grant.state === 'accepted') && (grant.until === null || grant.until > now);
}

/**
 * True while the recipient's copy may be kept: not past `expiresAt`. The expiry alarm deletes copies for
 * which this turns false even when no envelope arrives, so a revocation the relay withholds still ends
 * access at the expiry the owner set (T04).
 * @param now - ms since epoch
 */
export function receivedShareIsLive(share: ReceivedShare, now: number): boolean {
  return share.expiresAt === null || share.expiresAt > now;
}

/**
 * What the relay keeps, behind one interface with two implementations: SQLite for one process with a
 * file and no set-up, PostgreSQL for several processes serving one deployment. Everything the relay
 * must agree on across processes lives here: identities, envelopes, replay nonces and rate counters. A
 * share id is its poster's own: envelopes are revoked by (poster, share id), so no other identity can take
 * a share over or block its revoke, not even after every post of it expired (T04). All times are ms since
 * the epoch, passed in by the caller, so tests drive the clock.
 */
import type { IdentityBundle } from '../../lib/relay-protocol/identity-bundle';
import type { LinkStore } from './link-store';

/** An envelope as the store takes it: the batch's checks (expiry bounds, size) are already done. */
export interface EnvelopeToStore {
  recipient: string;
  shareId: string;
  expiresAt: number;
  /** The opaque envelope text. */
  envelope: string;
  /** Its UTF-8 size in bytes, counted against the recipient's mailbox. */
  size: number;
}

/** An envelope in a mailbox. */
export interface StoredEnvelope {
  id: number;
  sender: string;
  shareId: string;
  postedAt: number;
  expiresAt: number;
  envelope: string;
}

/** Per-recipient ceilings checked when a batch is stored. */
export interface MailboxLimits {
  maxEnvelopes: number;
  maxBytes: number;
}

/** What a post may store: per recipient, and all mailboxes together (bytes). */
export interface StorageLimits {
  mailbox: MailboxLimits;
  storageMaxBytes: number;
}

/** A batch is stored whole, or refused whole for the given reason. */
export type PostOutcome =
  | { ok: true; ids: number[] }
  | { ok: false; reason: 'unknown-recipient' | 'relay-full' }
  | { ok: false; reason: 'mailbox-full'; recipients: string[] };

/** Rows removed by one purge. */
export interface PurgeCounts {
  envelopes: number;
  nonces: number;
  rateCounters: number;
}

/** Links and requests (issue 14) are their own part of the interface: link-store.ts. */
export interface RelayStore extends LinkStore {
  readonly kind: 'sqlite' | 'postgres';
  /** Creates or upgrades the schema; several processes may call it at once. */
  migrate(): Promise<void>;
  /** Stores a bundle under its handle unless the handle is taken; returns the bundle already there if so. */
  registerIdentity(bundle: IdentityBundle, now: number): Promise<{ created: true } | { created: false; existing: IdentityBundle }>;
  findIdentity(handle: string): Promise<IdentityBundle | null>;
  /** Remembers a request nonce until `expiresAt`; false when that handle already used it (a replay). */
  claimNonce(handle: string, nonce: string, expiresAt: number): Promise<boolean>;
  /** Counts one request in the fixed window starting at `windowStart`; returns the count including it. */
  countRequest(key: string, windowStart: number, expiresAt: number): Promise<number>;
  /**
   * Stores a batch from `sender` atomically: every recipient must exist, no recipient's unexpired mailbox
   * may go over `limits.mailbox`, and all envelopes together not over `limits.storageMaxBytes` (counted
   * until they are purged or read).
   */
  postEnvelopes(sender: string, envelopes: EnvelopeToStore[], now: number, limits: StorageLimits): Promise<PostOutcome>;
  /** Unexpired envelopes of one mailbox with id above `after`, oldest first; drops that mailbox's expired ones first. */
  listMailbox(recipient: string, after: number, limit: number, now: number): Promise<StoredEnvelope[]>;
  /** Deletes envelopes by id from one mailbox only; returns how many went. */
  ackEnvelopes(recipient: string, ids: number[]): Promise<number>;
  /** Drops the undelivered envelopes `poster` posted under `shareId` (all, or those to `recipients`); another poster's are never touched. */
  revokeShare(poster: string, shareId: string, recipients: string[] | null): Promise<{ dropped: number }>;
  /** Deletes what has expired by `now`: envelopes, nonces and rate counters. */
  purgeExpired(now: number): Promise<PurgeCounts>;
  close(): Promise<void>;
}

/**
 * What the relay keeps, behind one interface with two implementations: SQLite for one file (one process,
 * or several on the same file in WAL mode) with no set-up, PostgreSQL for processes on several machines.
 * Everything the relay must agree on across processes lives here: identities, envelopes and their post
 * ids, sessions, replay nonces and rate counters. A share id is its poster's own: envelopes are revoked by
 * (poster, share id), so no other identity can take a share over or block its revoke, not even after
 * every post of it expired (T04). All times are ms since the epoch, passed in by the caller, so tests
 * drive the clock.
 */
import type { IdentityBundle } from '../../lib/relay-protocol/identity-bundle';
import type { FolderStore } from './folder-store';
import type { LinkStore } from './link-store';

/** An envelope as the store takes it: the batch's checks (expiry bounds, size) are already done. */
export interface EnvelopeToStore {
  recipient: string;
  shareId: string;
  /** The poster's id for this post: stored once per poster (a retried post is not stored again). */
  postId: string;
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
  postId: string;
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

/** A session as the relay keeps it; the key is the HMAC key both sides derived (lib/relay-protocol/session-key). */
export interface StoredSession {
  id: string;
  handle: string;
  /** 32 bytes. */
  key: Uint8Array;
  expiresAt: number;
}

/** One request counted in a fixed window (rate-limit.ts). */
export interface RateCount {
  key: string;
  windowStart: number;
  expiresAt: number;
  /** Most requests the window may count. */
  limit: number;
}

/**
 * What an authenticated request spends, in the same transaction as the work it asks for (so a refused
 * request changes nothing, and one request is one commit): its nonce, its rate counts and, inside a
 * session, that the session is still open. Checked after the work and before the commit: a refusal rolls
 * the work back.
 */
export interface RequestClaim {
  handle: string;
  nonce: string;
  /** The nonce is kept until then; a replay carries the same signed time, so the same expiry. */
  nonceExpiresAt: number;
  /** The session the request came in, or null for a request signed with the identity key. */
  session: string | null;
  counts: RateCount[];
  now: number;
}

/** Why a claim was refused; thrown by the store out of the operation, which did not happen. */
export class ClaimRefused extends Error {
  override name = 'ClaimRefused';
  constructor(
    readonly reason: 'replayed' | 'rate-limited' | 'session-closed',
    /** For rate-limited: when the window that refused ends, ms since the epoch. */
    readonly retryAt: number | null = null,
  ) {
    super(`request claim refused: ${reason}`);
  }
}

/** Rows removed by one purge. */
export interface PurgeCounts {
  envelopes: number;
  nonces: number;
  rateCounters: number;
  sessions: number;
  postIds: number;
}

/** Links and requests (issue 14) are their own part of the interface: link-store.ts; shared folders (issue 13): folder-store.ts. */
export interface RelayStore extends LinkStore, FolderStore<RequestClaim> {
  readonly kind: 'sqlite' | 'postgres';
  /** Creates or upgrades the schema; several processes may call it at once. */
  migrate(): Promise<void>;
  /** Stores a bundle under its handle unless the handle is taken; returns the bundle already there if so. */
  registerIdentity(bundle: IdentityBundle, now: number): Promise<{ created: true } | { created: false; existing: IdentityBundle }>;
  findIdentity(handle: string): Promise<IdentityBundle | null>;
  /**
   * Replaces the stored bundle of `bundle.handle` by `bundle` if it has the same X25519 and Ed25519 keys
   * (the route allows only v1 → v2, issue 16); returns whether a row changed.
   */
  upgradeIdentity(bundle: IdentityBundle): Promise<boolean>;
  /** Remembers a request nonce until `expiresAt`; false when that handle already used it (a replay). */
  claimNonce(handle: string, nonce: string, expiresAt: number): Promise<boolean>;
  /** Counts one request in the fixed window starting at `windowStart`; returns the count including it. */
  countRequest(key: string, windowStart: number, expiresAt: number): Promise<number>;
  /**
   * Spends a claim on its own, for a request refused after authentication (a malformed body, a refused
   * batch): it still burns its nonce and counts against its rates.
   * @throws ClaimRefused when the claim itself is refused
   */
  spendClaim(claim: RequestClaim): Promise<void>;
  /**
   * Stores a batch from `sender` atomically: every recipient must exist, no recipient's unexpired mailbox
   * may go over `limits.mailbox`, and all envelopes together not over `limits.storageMaxBytes` (counted
   * until they are purged or read). An envelope whose post id `sender` used before is not stored again:
   * its first id is returned in its place, until that post's expiry.
   * @throws ClaimRefused when `claim` is refused (nothing is stored)
   */
  postEnvelopes(sender: string, envelopes: EnvelopeToStore[], now: number, limits: StorageLimits, claim?: RequestClaim): Promise<PostOutcome>;
  /**
   * Unexpired envelopes of one mailbox with id above `after`, oldest first; drops that mailbox's expired ones first.
   * @throws ClaimRefused when `claim` is refused
   */
  listMailbox(recipient: string, after: number, limit: number, now: number, claim?: RequestClaim): Promise<StoredEnvelope[]>;
  /**
   * Deletes envelopes by id from one mailbox only; returns how many went.
   * @throws ClaimRefused when `claim` is refused (nothing is deleted)
   */
  ackEnvelopes(recipient: string, ids: number[], claim?: RequestClaim): Promise<number>;
  /**
   * Drops the undelivered envelopes `poster` posted under `shareId` (all, or those to `recipients`); another poster's are never touched.
   * @throws ClaimRefused when `claim` is refused (nothing is dropped)
   */
  revokeShare(poster: string, shareId: string, recipients: string[] | null, claim?: RequestClaim): Promise<{ dropped: number }>;
  /** Stores a new session and ends the identity's oldest beyond `maxPerIdentity`. */
  openSession(session: StoredSession, maxPerIdentity: number): Promise<void>;
  /** The session with this id, if it is open at `now`. */
  findSession(id: string, now: number): Promise<StoredSession | null>;
  /** Ends one session of `handle`, or all of them; returns how many ended. */
  revokeSessions(handle: string, id: string | null): Promise<number>;
  /** Deletes what has expired by `now`: envelopes, post ids, sessions, nonces and rate counters. */
  purgeExpired(now: number): Promise<PurgeCounts>;
  close(): Promise<void>;
}

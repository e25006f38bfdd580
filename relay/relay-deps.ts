/** What the relay app is built from: its store, its clock, its limits and how it finds a caller's address. */
import type { Context } from 'hono';
import type { SignatureVerifier } from '../lib/relay-protocol/verify-request';
import type { RelayPages } from './pages/relay-pages';
import { MAX_FOLDER_LOG_ENTRIES, MAX_FOLDER_MEMBERS, MAX_FOLDER_MESSAGES_BYTES, MAX_FOLDERS_PER_HANDLE } from '../lib/relay-protocol/relay-limits';
import type { FolderLimits } from './store/folder-store';
import type { MailboxLimits, RelayStore, RequestClaim } from './store/relay-store';

/** Per-deployment limits; the protocol's own (envelope size, lifetime, batch) are in lib/relay-protocol/relay-limits. */
export interface RelayLimits {
  /** Requests per minute one identity may make (signed calls). */
  perIdentityPerMinute: number;
  /** Requests per minute one client address may make (every call). */
  perAddressPerMinute: number;
  /** New identities one client address may register per hour (S6); registering the same keys again is free. */
  registrationsPerAddressPerHour: number;
  mailbox: MailboxLimits;
  /** Bytes of envelopes all mailboxes together may hold (S6). */
  storageMaxBytes: number;
  /** One-time links and secret requests (issue 14). */
  links: LinkLimits;
  /** Shared folders (issue 13). */
  folders: FolderLimits;
}

/** Limits of the link and request routes. */
export interface LinkLimits {
  /** Public link and request calls (state, reveal, proofs, answers) per minute per client address. */
  perAddressPerMinute: number;
  /** Unexpired links and requests one identity may hold at once. */
  maxLivePerIdentity: number;
}

export interface RelayDeps {
  store: RelayStore;
  /** The relay's clock, ms since the epoch; tests pass a fake one. */
  now: () => number;
  limits: RelayLimits;
  /** The caller's network address, for per-address rate limits. */
  clientAddress: (c: Context) => string;
  /** Ed25519 verification; lib/crypto's by default. The server passes OpenSSL's, about ten times faster. */
  verify?: SignatureVerifier;
  /** The link and request pages (issue 14), built by scripts/build-relay-pages.mjs; without them /l/ and /r/ are 404. */
  pages?: RelayPages;
}

/** Hono's typing of what the middleware leaves for the routes. */
export interface RelayEnv {
  Variables: {
    /** The authenticated caller (set by the authenticate middleware). */
    handle: string;
    /** The raw request body as signed. */
    body: Uint8Array;
    /** What the request spends, in the route's store transaction (set by the authenticate middleware). */
    claim: RequestClaim;
  };
}

/** Defaults: generous for people, tight enough to stop a script (README, "Limits"). */
export const DEFAULT_LIMITS: RelayLimits = {
  perIdentityPerMinute: 300,
  perAddressPerMinute: 600,
  registrationsPerAddressPerHour: 10,
  mailbox: { maxEnvelopes: 1000, maxBytes: 16 * 1024 * 1024 },
  storageMaxBytes: 1024 * 1024 * 1024,
  links: { perAddressPerMinute: 60, maxLivePerIdentity: 1000 },
  // maxTotalBytes: all folders' messages together, as much as the mailboxes' storage budget by default.
  folders: { maxPerHandle: MAX_FOLDERS_PER_HANDLE, maxLogEntries: MAX_FOLDER_LOG_ENTRIES, maxMessageBytes: MAX_FOLDER_MESSAGES_BYTES, maxMembers: MAX_FOLDER_MEMBERS, maxTotalBytes: 1024 * 1024 * 1024 },
};

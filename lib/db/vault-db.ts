/**
 * The vault's IndexedDB schema (DESIGN §5), through Dexie. Only ids, revisions, blind-index tags and
 * ciphertexts are stored; every user-typed value is inside a Sealed object (S1, T07).
 */
import { Dexie, type Table } from 'dexie';
import type { KdfParams } from '../crypto/kdf-params';
import type { Sealed } from '../crypto/sealed';

/** The single header row: how to derive the key-encryption key and the wrapped vault key. */
export interface HeaderRecord {
  id: 'vault';
  /** Random, 16 bytes as hex; binds every ciphertext to this vault. */
  vaultId: string;
  formatVersion: 1;
  /** Authenticated through the wrapped vault key's associated data (S5). */
  kdf: KdfParams;
  /** Vault key sealed under HKDF(master key, "vault-kek"). */
  wrappedVaultKey: Sealed;
  /** Sealed list of every item id and revision, checked at unlock (T09). */
  manifest: Sealed;
  /** Sealed sequence number and hash of the newest audit event, so a cut-off tail is noticed; null before the first event. */
  auditHead: Sealed | null;
}

/** One item. `kind` and `rev` are clear because they are bound into the ciphertext's associated data. */
export interface ItemRecord {
  /** Random, 16 bytes as hex. */
  id: string;
  /** Increases by one on every write; bound into the item's associated data so rollbacks fail. */
  rev: number;
  kind: 'login' | 'note';
  /** The item key sealed under the vault key. */
  wrappedKey: Sealed;
  /** The item's content sealed under its item key. */
  data: Sealed;
  /** Blind index: hex HMAC-SHA256 of each URL's registrable domain under the index key. */
  domains: string[];
  /** Set when deleted (undo restores it); removed for good 30 days later, at an unlock (purge-deleted-items). */
  deletedAt: number | null;
}

/**
 * One overview bucket: the list rows (title, username, first URL, folder, tags, favourite, type, times) of
 * the items whose id falls into it, sealed under the vault key (lib/vault/records/overview-bucket), so unlock
 * decrypts a few dozen buckets instead of every item. Its revision lives in the sealed manifest.
 */
export interface OverviewRecord {
  /** Bucket number, 0..OVERVIEW_BUCKETS-1. */
  id: number;
  sealed: Sealed;
}

/** One audit event; its content is sealed, `hash` chains it to the previous one. */
export interface AuditRecord {
  /** 1, 2, 3, … without gaps. */
  seq: number;
  sealed: Sealed;
  /** HMAC-SHA256(audit key, previous hash ‖ seq ‖ nonce ‖ ct), 32 bytes. */
  hash: Uint8Array;
}

/**
 * The vault's sharing identity (one row): its secret keys sealed by lib/sharing/seal-identity, and its
 * profile (relay URL, registration, sync state) sealed beside them.
 */
export interface IdentityRecord {
  id: 'me';
  keys: Sealed;
  profile: Sealed;
}

/*
 * `rev` on sharing records (contacts, grants, received copies, requests): increases by one on every write,
 * is bound into the record's associated data and listed in the header's manifest, so a rolled-back,
 * removed or revived record is noticed (T09). Absent on rows written before version 3; those are re-sealed
 * with one when sharing binds its records (lib/sharing/store/bind-sharing-records).
 */

/** A pinned contact; handle, keys and verification state are all inside `sealed` (handles identify people, S1). */
export interface ContactRecord {
  /** Random, 16 bytes as hex; opaque. */
  id: string;
  /** See `rev` above. */
  rev?: number;
  sealed: Sealed;
}

/** An outgoing grant (the owner's side of one share with one person), sealed. */
export interface ShareRecord {
  /** The share id (base64 of 16 random bytes), which the relay sees anyway. */
  id: string;
  /** See `rev` above. */
  rev?: number;
  sealed: Sealed;
}

/**
 * An incoming share (the recipient's copy), sealed with its item content. `domains` is the same blind
 * index as items have, so the fill lookup finds received logins without decrypting; `expiresAt` is clear
 * (and bound into the associated data) so the expiry alarm can delete a copy while the vault is locked.
 */
export interface ReceivedRecord {
  /** The share id. */
  id: string;
  /** See `rev` above. */
  rev?: number;
  domains: string[];
  /** ms since epoch; absent when the share does not expire (absent values stay out of the index). */
  expiresAt?: number;
  sealed: Sealed;
  /**
   * A live copy with an expiry carries its own tombstone (share id and last version), sealed in advance
   * beside it, so that the expiry alarm can delete the copy while the vault is locked and leave an
   * authenticated tombstone in its place (T04).
   */
  expiredTombstone?: Sealed;
  /**
   * Set by the expiry alarm while locked: `sealed` is then the advance tombstone of the copy that expired
   * at `expiresAt` (bound into its associated data, checked at the next unlock); `at` is when the alarm ran.
   */
  endedWhileLocked?: { expiresAt: number; at: number };
}

/**
 * An offer from a handle that is not among the contacts (T02): kept unopened, with the envelope as the
 * relay delivered it, until the user verifies the sender; sealed (the handle identifies a person, S1).
 */
export interface RequestRecord {
  /** Random, 16 bytes as hex; opaque. */
  id: string;
  /** See `rev` above. */
  rev?: number;
  sealed: Sealed;
}

/** A relay operation waiting for the network, sealed (recipients' handles are identifying). */
export interface OutboxRecord {
  /** 1, 2, 3, … in the order the operations must go out. */
  seq: number;
  sealed: Sealed;
}

/**
 * A one-time link, a secret request or a received answer (issue 14), sealed whole: the link or request
 * secret, labels, keys and answers are all inside (S1). The id is the relay's id (derived from the secret,
 * which the relay sees anyway) or, for an answer, the relay's answer id.
 */
export interface LinkRecord {
  id: string;
  sealed: Sealed;
}

/**
 * A shared folder as this client knows it (issue 13), sealed whole under the vault key (purpose
 * `folder-record`): log entries, verified head, epoch keys, items, receipts, alerts (lib/folders/store).
 * `rev` is bound into the associated data and listed in the vault's manifest as `folders/<id>` (T09).
 */
export interface FolderRecord {
  /** The folder id: 16 random bytes, base64url without padding (the relay sees it anyway). */
  id: string;
  rev: number;
  sealed: Sealed;
}

/** Typed Dexie database; one per vault name (tests use throwaway names). */
export class VaultDb extends Dexie {
  header!: Table<HeaderRecord, 'vault'>;
  items!: Table<ItemRecord, string>;
  audit!: Table<AuditRecord, number>;
  identity!: Table<IdentityRecord, 'me'>;
  contacts!: Table<ContactRecord, string>;
  shares!: Table<ShareRecord, string>;
  received!: Table<ReceivedRecord, string>;
  outbox!: Table<OutboxRecord, number>;
  requests!: Table<RequestRecord, string>;
  links!: Table<LinkRecord, string>;
  secretRequests!: Table<LinkRecord, string>;
  requestAnswers!: Table<LinkRecord, string>;
  overviews!: Table<OverviewRecord, number>;
  folders!: Table<FolderRecord, string>;

  constructor(name = 'sealpass-vault') {
    super(name);
    this.version(1).stores({
      header: 'id',
      // `*domains` is a multi-entry index: the fill lookup finds items by domain tag without decrypting.
      items: 'id, *domains',
      audit: 'seq',
    });
    // Sharing (issue 4): new tables only, so existing vaults upgrade without touching a record.
    this.version(2).stores({
      identity: 'id',
      contacts: 'id',
      shares: 'id',
      // `*domains` as for items (fill lookup); `expiresAt` so the expiry alarm finds due copies while locked.
      received: 'id, *domains, expiresAt',
      outbox: 'seq',
    });
    // Issue 12: share offers from unknown senders wait here, unopened. A new table only: the revisions of
    // the other sharing records are plain fields (not indexed) that the first unlock adds (bind-sharing-records).
    this.version(3).stores({
      requests: 'id',
    });
    // One-time links and secret requests (issue 14): new tables only, as for sharing.
    this.version(4).stores({
      links: 'id',
      secretRequests: 'id',
      requestAnswers: 'id',
    });
    // Overview buckets (issue 15): a new table only. Buckets need the vault key, so an existing vault gets
    // them at its next unlock (lib/vault/lifecycle/open-vault-lists), not here.
    this.version(5).stores({ overviews: 'id' });
    // Shared folders (issue 13): a new table only; one sealed record per folder, listed in the manifest.
    this.version(6).stores({ folders: 'id' });
  }
}

/**
 * This client's own copy of one shared folder (issue 13), sealed whole under the vault key with purpose
 * `folder-record`, the folder id and its revision (S1, S2, T09): the membership log as the relay served it
 * (each entry's text, verified when it was taken in), the state it leads to (genesis, head, members), the epoch keys this
 * member holds, the folder's content as the apply rule left it (items with the versions they replaced,
 * receipts, what was ignored, the message cursor), and the alerts the folder view shows.
 *
 * Opening a folder after unlock reads and opens this one record (no signature is checked again: that was
 * done once, when the entries and messages were applied), which is what keeps a 1,000-item folder at
 * ≤ 150 ms (issue 13's target; tests/bench).
 */
import { z } from 'zod';
import { DecryptError } from '../../crypto/sealed';
import type { FolderRecord } from '../../db/vault-db';
import { base64Bytes } from '../../relay-protocol/identity-bundle';
import { openJson, sealJson } from '../../vault/records/sealed-json';
import type { UnlockedVault } from '../../vault/keys/unlocked-vault';
import { folderRecordContext } from './folder-context';
import { folderStateSchema } from './folder-state-schema';
import { appliedFolderSchema } from './applied-folder-schema';
import { receiptEventSchema } from '../format/messages/receipt-statement';

const time = z.number().int().nonnegative();

/** A folder id: 16 random bytes, base64url without padding (it goes in relay paths). */
export const folderIdSchema = z.string().regex(/^[A-Za-z0-9_-]{22}$/, 'not a folder id');
/** keyFingerprint of a member's X25519 and Ed25519 keys, base64 of 32 bytes. */
const fingerprintSchema = base64Bytes(32);

/** Most receipts a folder record queues: a 10,000-item folder's "delivered" receipts, sent over 67 syncs. */
export const MAX_QUEUED_RECEIPTS = 10_000;

/** Most alerts kept per folder (the newest). */
export const MAX_FOLDER_NOTES = 500;

export const folderAlertKindSchema = z.enum(['fork', 'rollback', 'withheld', 'ignored', 'commitment-mismatch', 'refused-entry', 'refused-key']);
export type FolderAlertKind = z.infer<typeof folderAlertKindSchema>;

/** Something the folder view must show, never repaired in silence (T24). */
export const folderAlertSchema = z
  .object({
    kind: folderAlertKindSchema,
    at: time,
    /** Plain words (no secret, no key): what was seen. */
    detail: z.string().max(500),
  })
  .strict();
export type FolderAlert = z.infer<typeof folderAlertSchema>;

export const storedFolderSchema = z
  .object({
    folderId: folderIdSchema,
    /** The folder's name (from the folder-key envelope or the latest meta message), ≤ 200 characters. */
    name: z.string().max(200),
    /** `member`: in the folder; `left`, `removed`, `ended` (access ended), `deleted`: kept read-only, nothing new arrives. */
    status: z.enum(['member', 'left', 'removed', 'ended', 'deleted']),
    /**
     * The state the verified log leads to (its genesis is pinned, its head is the last verified one: a served
     * log must contain it and reach it, T24). Kept so that opening a folder needs no replay.
     */
    state: folderStateSchema,
    /** Every log entry up to `head`, as the JSON text the relay served (replayed again at each sync). */
    log: z.array(z.string().max(16_384)).min(1),
    /** The folder keys this member holds, by epoch, base64 32 B each. */
    keys: z.array(z.object({ epoch: z.number().int().min(1), key: base64Bytes(32) }).strict()),
    /**
     * A key this manager made for an entry it is appending (remove, rotate), stored BEFORE the entry goes to
     * the relay: if the relay takes the entry and this device then fails, the key is not lost (an epoch whose
     * key nobody holds would stop the folder). Adopted once the log holds an entry committing to it, dropped
     * once the log moved past it with another key.
     */
    pendingKey: z.object({ epoch: z.number().int().min(2), key: base64Bytes(32), commitment: base64Bytes(32) }).strict().nullable(),
    /**
     * The folder's content as the apply rule left it (items with every version they replaced, receipts,
     * ignored messages, the message cursor), kept so that opening the folder needs no replay.
     */
    applied: appliedFolderSchema,
    /** What the log refresh and key delivery found (the apply rule's own alerts are in `applied`). */
    alerts: z.array(folderAlertSchema).max(MAX_FOLDER_NOTES),
    /** A manager's bookkeeping: to which member key the key of which epoch was queued (so each goes once). */
    keysSent: z.array(z.object({ fingerprint: fingerprintSchema, epoch: z.number().int().min(1) }).strict()),
    /** Removed people whose rotate notice the user dismissed, by fingerprint. */
    rotateDismissed: z.array(fingerprintSchema),
    /**
     * Receipts this member's client owes the folder (delivered at sync, opened, filled), not yet signed or
     * sent: the next sync posts them as one batch message (the rest at the one after). At most
     * MAX_QUEUED_RECEIPTS, the oldest dropped first (receipts are best effort). Absent in records written
     * before batching: empty.
     */
    receiptQueue: z
      .array(z.object({ itemId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/), rev: z.number().int().min(1), event: receiptEventSchema, at: time }).strict())
      .max(MAX_QUEUED_RECEIPTS)
      .default([]),
    /**
     * True from just before the relay is asked to create the folder until it answered (created, or
     * `created: false`: it had stored that very entry before). A lost answer leaves it true: the next sync
     * asks again with the same entry and adopts the relay's answer, so the folder and its key are never
     * orphaned. Absent in older records: false.
     */
    createPending: z.boolean().default(false),
    /** When this copy was last brought up to date with the relay, or null. */
    syncedAt: time.nullable(),
  })
  .strict();
export type StoredFolder = z.infer<typeof storedFolderSchema>;

type Keys = Pick<UnlockedVault, 'vaultKey' | 'vaultId'>;

/**
 * Seals a folder at revision `rev` (commitFolders picks it). Size: about 1 KB per item (its content and
 * history) plus 1.5 KB per log entry.
 * @throws ZodError when `folder` is malformed (nothing is written then)
 */
export function sealFolder(vault: Keys, folder: StoredFolder, rev: number): FolderRecord {
  const id = folder.folderId;
  return { id, rev, sealed: sealJson(vault.vaultKey, storedFolderSchema.parse(folder), folderRecordContext(vault.vaultId, id, rev)) };
}

/**
 * Opens a stored folder.
 * @param listedRev - the revision the manifest lists for it (undefined: not listed)
 * @throws DecryptError when the record does not authenticate, is malformed, names another folder, or is not
 *   at the listed revision (an old copy written back: never acted on, T09)
 */
export function openFolder(vault: Keys, record: FolderRecord, listedRev: number | undefined): StoredFolder {
  if (listedRev === undefined || listedRev !== record.rev) throw new DecryptError();
  let folder: StoredFolder;
  try {
    folder = openJson(vault.vaultKey, record.sealed, folderRecordContext(vault.vaultId, record.id, record.rev), storedFolderSchema);
  } catch {
    throw new DecryptError();
  }
  if (folder.folderId !== record.id) throw new DecryptError();
  return folder;
}

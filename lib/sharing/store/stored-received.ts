/**
 * An incoming share as stored by the recipient. A live copy holds lib/sharing's ReceivedShare (the item
 * content included) and what this client needs around it; an ended one is a tombstone that remembers the
 * share id and the highest version seen, so a replayed old offer cannot bring a revoked or declined share
 * back (T04). Accepted logins carry the blind index of their sites, so the fill lookup finds them.
 */
import { z } from 'zod';
import { DecryptError } from '../../crypto/sealed';
import type { ReceivedRecord } from '../../db/vault-db';
import { base64Bytes, handleSchema } from '../../relay-protocol/identity-bundle';
import { permissionSchema } from '../../vault/model/share-permission';
import type { ReceivedShare } from '../grants/grant';
import { domainTags } from '../../vault/records/blind-index';
import { itemContentSchema } from '../../vault/model/item-schema';
import { openJson, sealJson } from '../../vault/records/sealed-json';
import type { UnlockedVault } from '../../vault/keys/unlocked-vault';
import { missingSchema } from './stored-grant';
import { isCurrent, type ManifestView } from './bound-records';
import { expiredTombstoneContext, receivedContext } from './sharing-context';

const time = z.number().int().nonnegative();

/** lib/sharing's ReceivedShare, validated field by field. */
export const receivedShareSchema = z
  .object({
    shareId: base64Bytes(16),
    itemId: z.string().min(1).max(64),
    owner: z.object({ handle: handleSchema, fingerprint: base64Bytes(32) }).strict(),
    permission: permissionSchema,
    expiresAt: time.nullable(),
    state: z.enum(['pending', 'accepted', 'declined']),
    version: z.number().int().min(1),
    myVersion: z.number().int().nonnegative(),
    item: itemContentSchema,
    receivedAt: time,
  })
  .strict() satisfies z.ZodType<ReceivedShare, unknown>;

const liveSchema = z
  .object({
    status: z.literal('live'),
    share: receivedShareSchema,
    contactId: z.string().min(1).max(64),
    /** The relay-level share id my replies travel under (the owner's id belongs to the owner on the relay). */
    replyRelayId: base64Bytes(16),
    /** When the last "opened" receipt was sealed, so opening often sends one now and then, not every time. */
    openedReceiptAt: time.nullable(),
    /** When I last sent an edit proposal that no owner update has answered yet. */
    editSentAt: time.nullable(),
    missing: missingSchema,
  })
  .strict();

const endedSchema = z
  .object({
    status: z.literal('ended'),
    shareId: base64Bytes(16),
    /** The owner's highest version applied before the end. */
    version: z.number().int().nonnegative(),
    endedAt: time,
    because: z.enum(['revoked', 'expired', 'declined']),
  })
  .strict();

const storedReceivedSchema = z.discriminatedUnion('status', [liveSchema, endedSchema]);

export type LiveReceived = z.infer<typeof liveSchema>;
export type EndedReceived = z.infer<typeof endedSchema>;
export type StoredReceived = LiveReceived | EndedReceived;

/** The share id a received record is stored under. */
export const shareIdOf = (stored: StoredReceived) => (stored.status === 'live' ? stored.share.shareId : stored.shareId);

/**
 * Seals a received share at revision `rev` (commitSharing picks it). The clear columns are derived here:
 * blind-index tags of an accepted login's sites (pending and ended copies are never offered for filling)
 * and the expiry of a live copy. A live copy that expires also gets its tombstone sealed in advance, so
 * the alarm can put it in the copy's place while the vault is locked (T04; endWhileLocked).
 */
export function sealReceived(vault: Pick<UnlockedVault, 'vaultKey' | 'vaultId' | 'indexKey'>, stored: StoredReceived, rev: number): ReceivedRecord {
  const parsed = storedReceivedSchema.parse(stored);
  const id = shareIdOf(parsed);
  const live = parsed.status === 'live' ? parsed.share : null;
  const expiresAt = live?.expiresAt ?? undefined;
  const fillable = live !== null && live.state === 'accepted' && live.item.type === 'login';
  const tombstone: EndedReceived | null = live && expiresAt !== undefined ? { status: 'ended', shareId: id, version: live.version, endedAt: expiresAt, because: 'expired' } : null;
  return {
    id,
    rev,
    domains: fillable && live.item.type === 'login' ? domainTags(vault.indexKey, live.item.urls) : [],
    ...(expiresAt === undefined ? {} : { expiresAt }),
    sealed: sealJson(vault.vaultKey, parsed, receivedContext(vault.vaultId, id, expiresAt, rev)),
    ...(tombstone && expiresAt !== undefined ? { expiredTombstone: sealJson(vault.vaultKey, tombstone, expiredTombstoneContext(vault.vaultId, id, expiresAt, rev)) } : {}),
  };
}

/**
 * What the expiry alarm does to a due copy while the vault is locked (no key): the copy's content goes,
 * and the tombstone sealed beside it takes its place at the same revision, so the manifest still matches
 * and a replayed offer is refused (T04). Nothing is decrypted, so nothing is checked here: opening the
 * result authenticates the tombstone against the copy's id, revision and expiry, and the next unlock
 * checks that expiry has passed (check-sharing-integrity).
 * @param now - when the alarm ran, ms since epoch
 * @returns the row to write, or null when the row has no advance tombstone (written before they
 *   existed: it stays until the next unlock ends it)
 */
export function endWhileLocked(record: ReceivedRecord, now: number): ReceivedRecord | null {
  if (record.expiredTombstone === undefined || record.expiresAt === undefined || record.rev === undefined) return null;
  return { id: record.id, rev: record.rev, domains: [], sealed: record.expiredTombstone, endedWhileLocked: { expiresAt: record.expiresAt, at: now } };
}

/**
 * Opens a received share (a copy that ended while locked opens as its tombstone).
 * @throws DecryptError when the record does not authenticate (including a moved expiry), is malformed,
 *   names another share, or is not the revision the manifest lists (T09)
 */
export function openReceived(vault: Pick<UnlockedVault, 'vaultKey' | 'vaultId'> & ManifestView, record: ReceivedRecord): StoredReceived {
  if (!isCurrent(vault, 'received', record.id, record.rev)) throw new DecryptError();
  let stored: StoredReceived;
  try {
    if (record.endedWhileLocked !== undefined) {
      if (record.rev === undefined) throw new DecryptError();
      const context = expiredTombstoneContext(vault.vaultId, record.id, record.endedWhileLocked.expiresAt, record.rev);
      stored = openJson(vault.vaultKey, record.sealed, context, storedReceivedSchema);
      if (stored.status !== 'ended' || stored.because !== 'expired' || stored.endedAt !== record.endedWhileLocked.expiresAt) throw new DecryptError();
    } else {
      stored = openJson(vault.vaultKey, record.sealed, receivedContext(vault.vaultId, record.id, record.expiresAt, record.rev), storedReceivedSchema);
    }
  } catch {
    throw new DecryptError();
  }
  if (shareIdOf(stored) !== record.id) throw new DecryptError();
  return stored;
}

/**
 * Where each sealed sharing record belongs (S2): a purpose tag, the vault id, the record's own id and its
 * revision, and the field set. A record copied to another row, another table or another vault fails to
 * open; so does one whose clear revision was changed to match the manifest (T09). Rows written before
 * records had revisions (`rev` undefined) were sealed without one; they open only until the vault binds
 * its sharing records (bound-records.ts).
 */
import type { CipherContext } from '../../crypto/associated-data';

const at = (vaultId: string, id: string, rev: number | undefined) => (rev === undefined ? `${vaultId}/${id}` : `${vaultId}/${id}#${rev}`);

/** The sealed profile beside the identity (relay URL, registration, sync state). */
export function profileContext(vaultId: string): CipherContext {
  return { purpose: 'sharing-profile', recordId: vaultId, fields: 'profile' };
}

/** A pinned contact, by its opaque local id and revision. */
export function contactContext(vaultId: string, contactId: string, rev: number | undefined): CipherContext {
  return { purpose: 'contact', recordId: at(vaultId, contactId, rev), fields: 'contact' };
}

/** An outgoing grant, by share id and revision. */
export function grantContext(vaultId: string, shareId: string, rev: number | undefined): CipherContext {
  return { purpose: 'share-grant', recordId: at(vaultId, shareId, rev), fields: 'grant' };
}

/**
 * An incoming share, by share id and revision. The clear expiry is bound too, so moving it later (keeping
 * a copy past its end) or earlier makes the record fail to open instead of changing when it is deleted.
 */
export function receivedContext(vaultId: string, shareId: string, expiresAt: number | undefined, rev: number | undefined): CipherContext {
  return { purpose: 'received-share', recordId: at(vaultId, shareId, rev), fields: `received;expires=${expiresAt ?? 'never'}` };
}

/**
 * The tombstone sealed in advance beside a live copy that expires (T04): bound to the copy's id, revision
 * and expiry, and to its own field set, so it opens only in the place of that copy, and only as the end
 * of that copy at that expiry (never as a live record).
 */
export function expiredTombstoneContext(vaultId: string, shareId: string, expiresAt: number, rev: number): CipherContext {
  return { purpose: 'received-share', recordId: at(vaultId, shareId, rev), fields: `expired-tombstone;expires=${expiresAt}` };
}

/** An offer from an unknown sender waiting unopened (T02), by its opaque local id and revision. */
export function requestContext(vaultId: string, requestId: string, rev: number): CipherContext {
  return { purpose: 'share-request', recordId: at(vaultId, requestId, rev), fields: 'request' };
}

/** An outbox operation, by its sequence number (so operations cannot be reordered on disk). */
export function outboxContext(vaultId: string, seq: number): CipherContext {
  return { purpose: 'outbox', recordId: `${vaultId}/${seq}`, fields: 'relay-op' };
}

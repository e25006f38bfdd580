/**
 * Where each sealed sharing record belongs (S2): a purpose tag, the vault id and the record's own id, and
 * the field set. A record copied to another row, another table or another vault fails to open.
 */
import type { CipherContext } from '../../crypto/associated-data';

/** The sealed profile beside the identity (relay URL, registration, sync state). */
export function profileContext(vaultId: string): CipherContext {
  return { purpose: 'sharing-profile', recordId: vaultId, fields: 'profile' };
}

/** A pinned contact, by its opaque local id. */
export function contactContext(vaultId: string, contactId: string): CipherContext {
  return { purpose: 'contact', recordId: `${vaultId}/${contactId}`, fields: 'contact' };
}

/** An outgoing grant, by share id. */
export function grantContext(vaultId: string, shareId: string): CipherContext {
  return { purpose: 'share-grant', recordId: `${vaultId}/${shareId}`, fields: 'grant' };
}

/**
 * An incoming share, by share id. The clear expiry is bound too, so moving it later (keeping a copy past
 * its end) or earlier makes the record fail to open instead of changing when it is deleted.
 */
export function receivedContext(vaultId: string, shareId: string, expiresAt: number | undefined): CipherContext {
  return { purpose: 'received-share', recordId: `${vaultId}/${shareId}`, fields: `received;expires=${expiresAt ?? 'never'}` };
}

/** An outbox operation, by its sequence number (so operations cannot be reordered on disk). */
export function outboxContext(vaultId: string, seq: number): CipherContext {
  return { purpose: 'outbox', recordId: `${vaultId}/${seq}`, fields: 'relay-op' };
}

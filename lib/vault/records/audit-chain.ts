/**
 * The local audit log's records (DESIGN §1 audit): each event is sealed under the vault key and chained
 * with HMAC-SHA256 under the audit key, so a removed, reordered or edited event breaks the chain.
 */
import { bytesToHex, concatBytes } from '@noble/hashes/utils.js';
import { z } from 'zod';
import type { CipherContext } from '../../crypto/associated-data';
import { hmacSha256 } from '../../crypto/hmac-sha256';
import type { AuditKey, VaultKey } from '../../crypto/keys';
import type { Sealed } from '../../crypto/sealed';
import type { AuditRecord } from '../../db/vault-db';
import { auditEventTypeSchema } from '../model/audit-event';
import { openJson, sealJson } from './sealed-json';

/** What one event says; sealed, since titles are user data (S1). */
export const auditPayloadSchema = z.object({
  at: z.number().int(),
  type: auditEventTypeSchema,
  itemId: z.string().optional(),
  itemTitle: z.string().optional(),
  /** How many items the event covers (`items-imported`). */
  count: z.number().int().nonnegative().optional(),
  /** The other person of a sharing event (their handle). */
  party: z.string().max(64).optional(),
});
export type AuditPayload = z.infer<typeof auditPayloadSchema>;

/** Hash that precedes the first event: 32 zero bytes. */
export const GENESIS_HASH = new Uint8Array(32);

const context = (vaultId: string, seq: number): CipherContext => ({ purpose: 'audit-event', recordId: `${vaultId}/${seq}`, fields: 'event' });

/** HMAC-SHA256(audit key, previous hash ‖ u32be(seq) ‖ nonce ‖ ct): 32 bytes. */
export function chainHash(auditKey: AuditKey, previous: Uint8Array, seq: number, sealed: Sealed): Uint8Array {
  const seqBytes = new Uint8Array(4);
  new DataView(seqBytes.buffer).setUint32(0, seq);
  return hmacSha256(auditKey, concatBytes(previous, seqBytes, sealed.nonce, sealed.ct));
}

const auditHeadSchema = z.object({ seq: z.number().int().positive(), hash: z.string() });
const headContext = (vaultId: string): CipherContext => ({ purpose: 'audit-head', recordId: vaultId, fields: 'seq-hash' });

/** Seals where the chain ends (newest `seq` and its hash) for the header: 32 + ~90 bytes. */
export function sealAuditHead(vaultKey: VaultKey, vaultId: string, seq: number, hash: Uint8Array): Sealed {
  return sealJson(vaultKey, { seq, hash: bytesToHex(hash) }, headContext(vaultId));
}

/**
 * Opens the header's audit head.
 * @throws DecryptError or ZodError when it was tampered with
 */
export function openAuditHead(vaultKey: VaultKey, vaultId: string, sealed: Sealed): { seq: number; hash: string } {
  return openJson(vaultKey, sealed, headContext(vaultId), auditHeadSchema);
}

/** Seals one event as record number `seq`, chained to `previous`. */
export function sealAuditRecord(
  keys: { vaultKey: VaultKey; auditKey: AuditKey; vaultId: string },
  seq: number,
  previous: Uint8Array,
  payload: AuditPayload,
): AuditRecord {
  const sealed = sealJson(keys.vaultKey, payload, context(keys.vaultId, seq));
  return { seq, sealed, hash: chainHash(keys.auditKey, previous, seq, sealed) };
}

/**
 * Opens one event.
 * @throws DecryptError or ZodError when the record was tampered with
 */
export function openAuditRecord(vaultKey: VaultKey, vaultId: string, record: AuditRecord): AuditPayload {
  return openJson(vaultKey, record.sealed, context(vaultId, record.seq), auditPayloadSchema);
}

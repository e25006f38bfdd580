/**
 * Relay operations waiting for the network (offline first): each is sealed under the vault key (the
 * recipients' handles are identifying) and bound to its sequence number, so they go out in the order
 * they were made: an offer before its update, the relay-side revoke before the revoke envelope.
 */
import { z } from 'zod';
import { DecryptError } from '../../crypto/sealed';
import type { OutboxRecord } from '../../db/vault-db';
import { newEnvelopeSchema, shareIdSchema } from '../../relay-protocol/envelope-schemas';
import { handleSchema, identityBundleSchema } from '../../relay-protocol/identity-bundle';
import { MAX_BATCH } from '../../relay-protocol/relay-limits';
import { openJson, sealJson } from '../../vault/records/sealed-json';
import type { UnlockedVault } from '../../vault/keys/unlocked-vault';
import { isListedOperation, type ManifestView } from './bound-records';
import { outboxContext } from './sharing-context';

/** Why the relay last refused an operation of a revoke for good; kept with it until it goes out (T04). */
const refusalSchema = z.object({ message: z.string().max(500), at: z.number().int().nonnegative() }).strict();

export const outboxOpSchema = z.discriminatedUnion('kind', [
  /** Publish our identity bundle. */
  z.object({ kind: z.literal('register'), bundle: identityBundleSchema }).strict(),
  /**
   * Post envelopes (offers, updates, revokes, receipts, proposals) in one batch. `revoke` marks the revoke
   * envelopes of lib/sharing/owner/revoke-grants: the outbox never drops those (flush-outbox).
   */
  z
    .object({ kind: z.literal('post'), envelopes: z.array(newEnvelopeSchema).min(1).max(MAX_BATCH), revoke: z.literal(true).optional(), refused: refusalSchema.optional() })
    .strict(),
  /** Drop a share's undelivered envelopes to these recipients on the relay; never dropped from the outbox either. */
  z.object({ kind: z.literal('revoke'), shareId: shareIdSchema, recipients: z.array(handleSchema).min(1).max(MAX_BATCH), refused: refusalSchema.optional() }).strict(),
]);

export type OutboxOp = z.infer<typeof outboxOpSchema>;

/** Seals operation `op` as number `seq`. */
export function sealOutboxOp(vault: Pick<UnlockedVault, 'vaultKey' | 'vaultId'>, seq: number, op: OutboxOp): OutboxRecord {
  return { seq, sealed: sealJson(vault.vaultKey, outboxOpSchema.parse(op), outboxContext(vault.vaultId, seq)) };
}

/**
 * @throws DecryptError when the record does not authenticate (or was moved to another number), is
 *   malformed, or is not listed in the manifest (one that went out, written back: never sent again, T09)
 */
export function openOutboxOp(vault: Pick<UnlockedVault, 'vaultKey' | 'vaultId'> & ManifestView, record: OutboxRecord): OutboxOp {
  if (!isListedOperation(vault, record.seq)) throw new DecryptError();
  try {
    return openJson(vault.vaultKey, record.sealed, outboxContext(vault.vaultId, record.seq), outboxOpSchema);
  } catch {
    throw new DecryptError();
  }
}

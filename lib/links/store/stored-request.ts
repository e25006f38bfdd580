/**
 * The owner's own record of a secret request (issue 14), sealed under the vault key with purpose
 * `request-record` and the request id: the secret, the label, the request's X25519 secret key (which opens
 * its answers), the terms, and what the relay last reported.
 */
import { z } from 'zod';
import type { CipherContext } from '../../crypto/associated-data';
import type { Sealed } from '../../crypto/sealed';
import type { LinkRecord } from '../../db/vault-db';
import { openJson, sealJson } from '../../vault/records/sealed-json';
import type { UnlockedVault } from '../../vault/keys/unlocked-vault';

const time = z.number().int().nonnegative();

export const storedRequestSchema = z
  .object({
    id: z.string(),
    secret: z.string(),
    relayUrl: z.string(),
    label: z.string(),
    /** X25519 secret key of this request, base64 of 32 bytes. */
    secretKey: z.string(),
    createdAt: time,
    expiresAt: time,
    maxAnswers: z.number().int(),
    state: z.enum(['active', 'answered', 'expired', 'revoked']),
    answersLeft: z.number().int().nonnegative(),
    /** Answers received so far (each one also has its own record until accepted or declined). */
    received: z.number().int().nonnegative(),
    checkedAt: time.nullable(),
  })
  .strict();
export type StoredRequest = z.infer<typeof storedRequestSchema>;

const context = (id: string): CipherContext => ({ purpose: 'request-record', recordId: id, fields: 'request' });

type Keys = Pick<UnlockedVault, 'vaultKey'>;

export function sealRequest(vault: Keys, request: StoredRequest): LinkRecord {
  return { id: request.id, sealed: sealJson(vault.vaultKey, request, context(request.id)) };
}

/** @throws DecryptError or ZodError when the record was damaged or moved */
export function openRequest(vault: Keys, record: { id: string; sealed: Sealed }): StoredRequest {
  return openJson(vault.vaultKey, record.sealed, context(record.id), storedRequestSchema);
}

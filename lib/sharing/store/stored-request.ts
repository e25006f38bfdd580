/**
 * A share offer from a handle that is not among the contacts, kept as the relay delivered it (T02): never
 * opened and never pinned from, since nothing says whose keys it was sealed with. The user sees who it
 * claims to come from; it opens only once that handle is a verified contact (accept-request.ts), and only
 * with the pinned keys. Sealed under the vault key: the handle identifies a person (S1).
 */
import { z } from 'zod';
import { DecryptError } from '../../crypto/sealed';
import type { RequestRecord } from '../../db/vault-db';
import { envelopeTextSchema } from '../../relay-protocol/envelope-schemas';
import { base64Bytes, handleSchema } from '../../relay-protocol/identity-bundle';
import { openJson, sealJson } from '../../vault/records/sealed-json';
import type { UnlockedVault } from '../../vault/keys/unlocked-vault';
import { isCurrent, type ManifestView } from './bound-records';
import { requestContext } from './sharing-context';

/** Most requests kept; a new one beyond this replaces the oldest (the relay could fill the list anyway). */
export const MAX_REQUESTS = 20;

const storedRequestSchema = z
  .object({
    /** Random, 16 bytes as hex. */
    id: z.string().regex(/^[0-9a-f]{32}$/),
    /** The handle the unopened envelope names as its sender: a claim of the relay's, nothing more. */
    from: handleSchema,
    shareId: base64Bytes(16),
    /** The envelope header's version, so a newer one for the same share replaces it. */
    version: z.number().int().min(1),
    receivedAt: z.number().int().nonnegative(),
    envelope: envelopeTextSchema,
  })
  .strict();

export type StoredRequest = z.infer<typeof storedRequestSchema>;

/** Seals a request at revision `rev` (commitSharing picks it); the envelope's size plus about 200 bytes. */
export function sealRequest(vault: Pick<UnlockedVault, 'vaultKey' | 'vaultId'>, stored: StoredRequest, rev: number): RequestRecord {
  return { id: stored.id, rev, sealed: sealJson(vault.vaultKey, storedRequestSchema.parse(stored), requestContext(vault.vaultId, stored.id, rev)) };
}

/**
 * @throws DecryptError when the record does not authenticate, is malformed, names another id, or is not
 *   the revision the manifest lists
 */
export function openRequest(vault: Pick<UnlockedVault, 'vaultKey' | 'vaultId'> & ManifestView, record: RequestRecord): StoredRequest {
  if (record.rev === undefined || !isCurrent(vault, 'requests', record.id, record.rev)) throw new DecryptError();
  let stored: StoredRequest;
  try {
    stored = openJson(vault.vaultKey, record.sealed, requestContext(vault.vaultId, record.id, record.rev), storedRequestSchema);
  } catch {
    throw new DecryptError();
  }
  if (stored.id !== record.id) throw new DecryptError();
  return stored;
}

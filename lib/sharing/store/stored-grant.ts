/**
 * An outgoing grant as stored by the owner: lib/sharing's Grant plus what this client needs around it:
 * which contact record it is for, a digest of the item content last sent (so an edit is pushed once), a
 * gap in the recipient's sequence numbers (T04), and whether the owner dismissed the rotation notice.
 */
import { z } from 'zod';
import { DecryptError } from '../../crypto/sealed';
import type { ShareRecord } from '../../db/vault-db';
import { handleSchema, base64Bytes } from '../../relay-protocol/identity-bundle';
import { permissionSchema } from '../../vault/model/share-permission';
import type { Grant } from '../grants/grant';
import { openJson, sealJson } from '../../vault/records/sealed-json';
import type { UnlockedVault } from '../../vault/keys/unlocked-vault';
import { isCurrent, type ManifestView } from './bound-records';
import { grantContext } from './sharing-context';

const time = z.number().int().nonnegative();

/** lib/sharing's Grant, validated field by field. */
export const grantSchema = z
  .object({
    shareId: base64Bytes(16),
    itemId: z.string().min(1).max(64),
    recipient: z.object({ handle: handleSchema, fingerprint: base64Bytes(32) }).strict(),
    permission: permissionSchema,
    since: time,
    until: time.nullable(),
    state: z.enum(['pending', 'accepted', 'declined', 'revoked', 'expired']),
    version: z.number().int().min(1),
    recipientVersion: z.number().int().nonnegative(),
    deliveredAt: time.nullable(),
    acceptedAt: time.nullable(),
    lastOpenedAt: time.nullable(),
    endedAt: time.nullable(),
  })
  .strict() satisfies z.ZodType<Grant>;

/** Sequence numbers that never arrived (inclusive). */
export const missingSchema = z.object({ from: z.number().int().min(1), to: z.number().int().min(1) }).strict().nullable();

const storedGrantSchema = z
  .object({
    grant: grantSchema,
    contactId: z.string().min(1).max(64),
    /** SHA-256 (hex) of the shareable content in the last offer or update. */
    sentDigest: z.string().regex(/^[0-9a-f]{64}$/),
    missing: missingSchema,
    rotateDismissed: z.boolean(),
  })
  .strict();

export type StoredGrant = z.infer<typeof storedGrantSchema>;

/** Seals a grant under its share id at revision `rev` (commitSharing picks it); about 500 bytes. */
export function sealGrant(vault: Pick<UnlockedVault, 'vaultKey' | 'vaultId'>, stored: StoredGrant, rev: number): ShareRecord {
  const id = stored.grant.shareId;
  return { id, rev, sealed: sealJson(vault.vaultKey, storedGrantSchema.parse(stored), grantContext(vault.vaultId, id, rev)) };
}

/**
 * Opens a stored grant.
 * @throws DecryptError when the record does not authenticate, is not a grant, names another share, or is
 *   not the revision the manifest lists (an old grant written back: never acted on, T09)
 */
export function openGrant(vault: Pick<UnlockedVault, 'vaultKey' | 'vaultId'> & ManifestView, record: ShareRecord): StoredGrant {
  if (!isCurrent(vault, 'shares', record.id, record.rev)) throw new DecryptError();
  let stored: StoredGrant;
  try {
    stored = openJson(vault.vaultKey, record.sealed, grantContext(vault.vaultId, record.id, record.rev), storedGrantSchema);
  } catch {
    throw new DecryptError();
  }
  if (stored.grant.shareId !== record.id) throw new DecryptError();
  return stored;
}

/**
 * The owner's own record of a one-time link (issue 14), sealed under the vault key with purpose
 * `link-record` and the link id (S1, S2): the secret (so the link can be copied again), what was sent,
 * the terms, the receipt public key that checks "opened" proofs, and what the relay last reported.
 */
import { z } from 'zod';
import type { CipherContext } from '../../crypto/associated-data';
import type { Sealed } from '../../crypto/sealed';
import type { LinkRecord } from '../../db/vault-db';
import { openJson, sealJson } from '../../vault/records/sealed-json';
import type { UnlockedVault } from '../../vault/keys/unlocked-vault';
import { linkFieldNameSchema } from '../link-field';

const time = z.number().int().nonnegative();

export const storedLinkSchema = z
  .object({
    id: z.string(),
    /** The link secret, base64url. */
    secret: z.string(),
    relayUrl: z.string(),
    title: z.string(),
    /** Which kinds of field went, for the list ("username, password"). */
    fields: z.array(linkFieldNameSchema),
    itemId: z.string().nullable(),
    createdAt: time,
    expiresAt: time,
    maxViews: z.number().int(),
    passphrase: z.boolean(),
    /** Ed25519 public key of the receipt seed inside the content, base64. */
    receiptKey: z.string(),
    /** The relay's last answer; null before the first check. */
    state: z.enum(['active', 'spent', 'expired', 'revoked']),
    viewsLeft: z.number().int().nonnegative(),
    /** "Opened" proofs that verified with the receipt key: nonce and the decrypting page's time. */
    opens: z.array(z.object({ nonce: z.string(), at: time })),
    checkedAt: time.nullable(),
  })
  .strict();
export type StoredLink = z.infer<typeof storedLinkSchema>;

const context = (id: string): CipherContext => ({ purpose: 'link-record', recordId: id, fields: 'link' });

type Keys = Pick<UnlockedVault, 'vaultKey'>;

export function sealLink(vault: Keys, link: StoredLink): LinkRecord {
  return { id: link.id, sealed: sealJson(vault.vaultKey, link, context(link.id)) };
}

/** @throws DecryptError or ZodError when the record was damaged or moved */
export function openLink(vault: Keys, record: { id: string; sealed: Sealed }): StoredLink {
  return openJson(vault.vaultKey, record.sealed, context(record.id), storedLinkSchema);
}

/**
 * A pinned contact as stored: lib/sharing's Contact with its keys as base64, sealed under the vault key
 * (handle, keys and verification state are all identifying or security-relevant, S1).
 */
import { z } from 'zod';
import { fromBase64, toBase64 } from '../../crypto/base64';
import { DecryptError } from '../../crypto/sealed';
import type { ContactRecord } from '../../db/vault-db';
import { base64Bytes, handleSchema, XWING_PUBLIC_KEY_BYTES } from '../../relay-protocol/identity-bundle';
import type { Contact } from '../contacts/contact';
import { openJson, sealJson } from '../../vault/records/sealed-json';
import type { UnlockedVault } from '../../vault/keys/unlocked-vault';
import { isCurrent, type ManifestView } from './bound-records';
import { contactContext } from './sharing-context';

const time = z.number().int().nonnegative();
const key = base64Bytes(32);
/** An X-Wing public key (bundle v2), 1,216 bytes. */
const xwingKey = base64Bytes(XWING_PUBLIC_KEY_BYTES).optional();

const contactJsonSchema = z
  .object({
    handle: handleSchema,
    encryptionKey: key,
    signingKey: key,
    xwingKey,
    fingerprint: key,
    state: z.enum(['unverified', 'verified', 'changed']),
    pinnedAt: time,
    verifiedAt: time.nullable(),
    offered: z.object({ encryptionKey: key, signingKey: key, xwingKey, fingerprint: key, seenAt: time }).strict().nullable(),
    upgradedAt: time.optional(),
  })
  .strict();

/** A contact with the opaque id its record is stored under. */
export interface StoredContact {
  id: string;
  contact: Contact;
}

/** Seals `contact` as record `id` at revision `rev` (commitSharing picks it); about 400 bytes, 2 KB with an X-Wing key. */
export function sealContact(vault: Pick<UnlockedVault, 'vaultKey' | 'vaultId'>, id: string, contact: Contact, rev: number): ContactRecord {
  const json = {
    ...contact,
    encryptionKey: toBase64(contact.encryptionKey),
    signingKey: toBase64(contact.signingKey),
    xwingKey: contact.xwingKey && toBase64(contact.xwingKey),
    offered: contact.offered && {
      ...contact.offered,
      encryptionKey: toBase64(contact.offered.encryptionKey),
      signingKey: toBase64(contact.offered.signingKey),
      xwingKey: contact.offered.xwingKey && toBase64(contact.offered.xwingKey),
    },
  };
  return { id, rev, sealed: sealJson(vault.vaultKey, contactJsonSchema.parse(json), contactContext(vault.vaultId, id, rev)) };
}

/**
 * Opens a stored contact.
 * @throws DecryptError when the record does not authenticate, is not a contact, or is not the revision
 *   the manifest lists (T09)
 */
export function openContact(vault: Pick<UnlockedVault, 'vaultKey' | 'vaultId'> & ManifestView, record: ContactRecord): StoredContact {
  if (!isCurrent(vault, 'contacts', record.id, record.rev)) throw new DecryptError();
  try {
    const json = openJson(vault.vaultKey, record.sealed, contactContext(vault.vaultId, record.id, record.rev), contactJsonSchema);
    const { xwingKey: pq, offered, upgradedAt, ...rest } = json;
    const contact: Contact = {
      ...rest,
      encryptionKey: fromBase64(json.encryptionKey),
      signingKey: fromBase64(json.signingKey),
      ...(pq === undefined ? {} : { xwingKey: fromBase64(pq) }),
      ...(upgradedAt === undefined ? {} : { upgradedAt }),
      offered: offered && {
        encryptionKey: fromBase64(offered.encryptionKey),
        signingKey: fromBase64(offered.signingKey),
        ...(offered.xwingKey === undefined ? {} : { xwingKey: fromBase64(offered.xwingKey) }),
        fingerprint: offered.fingerprint,
        seenAt: offered.seenAt,
      },
    };
    return { id: record.id, contact };
  } catch {
    throw new DecryptError();
  }
}

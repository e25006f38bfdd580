/**
 * The sealed profile beside the sharing identity: which relay it uses, whether it is registered there,
 * how far the mailbox has been read, and what the last sync found (its error, the envelopes it refused,
 * the sharing records that did not open). The relay URL and the refusals are kept sealed like everything
 * else about the user's sharing (S1).
 */
import { z } from 'zod';
import type { Sealed } from '../../crypto/sealed';
import { openJson, sealJson } from '../../vault/records/sealed-json';
import type { UnlockedVault } from '../../vault/keys/unlocked-vault';
import { profileContext } from './sharing-context';

/** Most processed mailbox entries remembered (about 33 bytes each); the oldest are dropped first. */
export const MAX_SEEN_KEPT = 500;
/** Most refusals remembered for the user to see; older ones are dropped first. */
export const MAX_REFUSALS_KEPT = 20;

/** Why the client refused something the relay delivered; shown to the user, never sent anywhere (T11). */
export const refusalReasonSchema = z.enum([
  'malformed',
  'misaddressed',
  'unauthentic',
  'unknown-sender',
  'contact-changed',
  'wrong-contact',
  'stale-version',
  'not-owner',
  'not-recipient',
  'item-mismatch',
  'expired',
  'unknown-share',
  'share-closed',
  'not-permitted',
  'stale-base',
  /** For a share whose record in this vault does not open (S8): neither applied over it nor stored anew. */
  'damaged-record',
]);
export type RefusalReason = z.infer<typeof refusalReasonSchema>;

export const relayUrlSchema = z
  .string()
  .max(2_048)
  .refine((text) => {
    try {
      const url = new URL(text);
      return (url.protocol === 'https:' || url.protocol === 'http:') && url.username === '' && url.password === '';
    } catch {
      return false;
    }
  }, 'the relay address must be an http(s) URL');

const count = z.number().int().nonnegative();

/** How many contact, grant and received records did not open. */
const damagedCountsSchema = z.object({ contacts: count, grants: count, received: count }).strict();
export type DamagedCounts = z.infer<typeof damagedCountsSchema>;

export const sharingProfileSchema = z
  .object({
    relayUrl: relayUrlSchema,
    /** True once the relay stored our bundle. */
    registered: z.boolean(),
    /**
     * Mailbox entries already processed, as envelopeMark(id, text): a listing that repeats one (its
     * acknowledgement failed) is skipped, while a new id is always read, even after a relay reset.
     */
    seen: z.array(z.string().regex(/^[0-9a-f]{32}$/)).max(MAX_SEEN_KEPT),
    lastSyncAt: z.number().int().nonnegative().nullable(),
    /** What went wrong last time, in words safe to show (no handle, no content), or null. */
    lastError: z.string().max(300).nullable(),
    refusals: z.array(z.object({ at: z.number().int().nonnegative(), reason: refusalReasonSchema }).strict()).max(MAX_REFUSALS_KEPT),
    /** Records of each sharing table that did not open at the last sync (S8); absent until a sync counted them. */
    damaged: damagedCountsSchema.optional(),
  })
  .strict();

export type SharingProfile = z.infer<typeof sharingProfileSchema>;

/** Seals the profile; a few hundred bytes. */
export function sealProfile(vault: Pick<UnlockedVault, 'vaultKey' | 'vaultId'>, profile: SharingProfile): Sealed {
  return sealJson(vault.vaultKey, sharingProfileSchema.parse(profile), profileContext(vault.vaultId));
}

/**
 * @throws DecryptError when it does not authenticate; ZodError when malformed
 */
export function openProfile(vault: Pick<UnlockedVault, 'vaultKey' | 'vaultId'>, sealed: Sealed): SharingProfile {
  return openJson(vault.vaultKey, sealed, profileContext(vault.vaultId), sharingProfileSchema);
}

/**
 * The profile with one more refusal to show the user, the oldest dropped beyond MAX_REFUSALS_KEPT.
 * @param at - ms since epoch
 */
export function withRefusal(profile: SharingProfile, at: number, reason: RefusalReason): SharingProfile {
  return { ...profile, refusals: [...profile.refusals, { at, reason }].slice(-MAX_REFUSALS_KEPT) };
}

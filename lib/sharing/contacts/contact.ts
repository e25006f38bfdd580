/**
 * A pinned contact (T01): the keys first seen for a handle are pinned and used for every envelope to and
 * from that person. Only a contact code or a compared safety number makes them verified; a different key
 * shown later never replaces them silently, it puts the contact in the `changed` state, which blocks sharing.
 */
import type { PublicIdentity } from '../identity/identity';

/** `unverified`: pinned on first sight; `verified`: confirmed out of band; `changed`: another key was seen. */
export type ContactState = 'unverified' | 'verified' | 'changed';

/** Keys seen for a contact that differ from the pinned ones; shown, never used until verified. */
export interface OfferedKeys {
  encryptionKey: Uint8Array;
  signingKey: Uint8Array;
  /** keyFingerprint, base64. */
  fingerprint: string;
  /** ms since epoch. */
  seenAt: number;
}

/** The pinned handle and keys, and how far they are trusted. */
export interface Contact extends PublicIdentity {
  /** keyFingerprint of the pinned keys, base64 (44 characters). */
  fingerprint: string;
  state: ContactState;
  /** When these keys were pinned, ms since epoch. */
  pinnedAt: number;
  /** When they were last verified, or null. */
  verifiedAt: number | null;
  /** In the `changed` state: the keys now shown for the handle. */
  offered: OfferedKeys | null;
}

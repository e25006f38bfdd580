/**
 * A pinned contact (T01): the keys first seen for a handle are pinned and used for every envelope to and
 * from that person. Only a contact code or a compared safety number makes them verified; a different key
 * shown later never replaces them silently, it puts the contact in the `changed` state, which blocks sharing.
 * An X-Wing key added to the same X25519 and Ed25519 keys, signed by the pinned Ed25519 key, is an upgrade,
 * not a change (pin-contact.ts); from then on only post-quantum envelopes go to or come from them (T27).
 */
import type { PublicIdentity } from '../identity/identity';

/** `unverified`: pinned on first sight; `verified`: confirmed out of band; `changed`: another key was seen. */
export type ContactState = 'unverified' | 'verified' | 'changed';

/** Keys seen for a contact that differ from the pinned ones; shown, never used until verified. */
export interface OfferedKeys {
  encryptionKey: Uint8Array;
  signingKey: Uint8Array;
  /** X-Wing public key, 1,216 bytes, when the offered bundle is v2. */
  xwingKey?: Uint8Array;
  /** bundleFingerprint (all offered keys), base64: what contactVerify names to trust them. */
  fingerprint: string;
  /** ms since epoch. */
  seenAt: number;
}

/** The pinned handle and keys, and how far they are trusted. */
export interface Contact extends PublicIdentity {
  /**
   * keyFingerprint of the pinned X25519 and Ed25519 keys, base64 (44 characters): the contact's name in
   * envelope headers, grants and received shares. It stays when they add an X-Wing key; what the user
   * verifies is bundleFingerprint, over all pinned keys.
   */
  fingerprint: string;
  state: ContactState;
  /** When these keys were pinned, ms since epoch. */
  pinnedAt: number;
  /** When they were last verified, or null. */
  verifiedAt: number | null;
  /** In the `changed` state: the keys now shown for the handle. */
  offered: OfferedKeys | null;
  /**
   * When an X-Wing key was added to these pinned keys (the contact upgraded to bundle v2), ms since
   * epoch; the safety number changed then, and the Contacts view says why. Absent if it never happened.
   */
  upgradedAt?: number;
}

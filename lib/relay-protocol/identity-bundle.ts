/**
 * A person's public identity as published on the relay: a handle and its public keys, self-signed.
 * Version 1 has an X25519 and an Ed25519 key; version 2 adds an X-Wing (ML-KEM-768 + X25519) key for
 * post-quantum envelopes, signed with the same Ed25519 key (DESIGN §12).
 * The self-signature only proves the bundle was made by the holder of `signingKey`; a lying relay can
 * publish its own self-signed bundle for any handle, which is why contacts pin keys and compare safety
 * numbers (S6, T01).
 */
import { z } from 'zod';

/** Canonical base64 of exactly `length` bytes (RFC 4648 §4, with padding). */
export const base64Bytes = (length: number) =>
  z.string().length(4 * Math.ceil(length / 3)).regex(/^[A-Za-z0-9+/]*={0,2}$/, 'not base64');

/** Handles: 3–32 of lowercase letters, digits, dot, dash, underscore; starts with a letter or digit. */
export const handleSchema = z.string().regex(/^[a-z0-9][a-z0-9._-]{2,31}$/, 'a handle is 3–32 lowercase letters, digits, ".", "-" or "_"');

/** Length of an X-Wing public key (draft-connolly-cfrg-xwing-kem: ML-KEM-768's 1,184 ‖ X25519's 32). */
export const XWING_PUBLIC_KEY_BYTES = 1216;

const bundleFields = {
  handle: handleSchema,
  /** X25519 public key for HPKE, 32 bytes. */
  encryptionKey: base64Bytes(32),
  /** Ed25519 public key for signatures, 32 bytes. */
  signingKey: base64Bytes(32),
  /** When the identity was made, ms since epoch. */
  created: z.number().int().nonnegative(),
  /** Ed25519 signature by `signingKey` over the bundle's canonical signing bytes, 64 bytes. */
  signature: base64Bytes(64),
};

export const identityBundleSchema = z.discriminatedUnion('v', [
  z.object({ v: z.literal(1), ...bundleFields }).strict(),
  z
    .object({
      v: z.literal(2),
      ...bundleFields,
      /** X-Wing public key for post-quantum HPKE (KEM 0x647a), 1,216 bytes (1,624 base64 characters). */
      xwingKey: base64Bytes(XWING_PUBLIC_KEY_BYTES),
    })
    .strict(),
]);

export type IdentityBundle = z.infer<typeof identityBundleSchema>;

/**
 * A person's public identity as published on the relay: a handle and two public keys, self-signed.
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

export const identityBundleSchema = z
  .object({
    v: z.literal(1),
    handle: handleSchema,
    /** X25519 public key for HPKE, 32 bytes. */
    encryptionKey: base64Bytes(32),
    /** Ed25519 public key for signatures, 32 bytes. */
    signingKey: base64Bytes(32),
    /** When the identity was made, ms since epoch. */
    created: z.number().int().nonnegative(),
    /** Ed25519 signature by `signingKey` over the bundle's canonical signing bytes, 64 bytes. */
    signature: base64Bytes(64),
  })
  .strict();

export type IdentityBundle = z.infer<typeof identityBundleSchema>;

/**
 * The encrypted Sealpass export file (JSON, UTF-8): a clear header — format name, version, export id, time,
 * item count, Argon2id parameters and salt — and two XChaCha20-Poly1305 ciphertexts under a key derived from
 * the passphrase: a passphrase check (empty plaintext) and the payload, whose associated data binds every
 * header field (lib/export/export-context). `format` comes first so a file cut short is still recognised.
 */
import { z } from 'zod';
import { itemContentSchema } from '../vault/model/item-schema';

/** The `format` field of every Sealpass export. */
export const EXPORT_FORMAT = 'sealpass-export';
/** The one file version this code writes and reads. */
export const EXPORT_VERSION = 1;
/** Most items one export holds; the import's own limit is the same 50,000. */
export const MAX_EXPORT_ITEMS = 50_000;
/** Largest file accepted, in UTF-16 code units: below Chrome's 64 MiB message limit, far above 10,000 items. */
export const MAX_EXPORT_FILE_CHARS = 48 * 1024 * 1024;

const base64 = z.string().max(MAX_EXPORT_FILE_CHARS).regex(/^[A-Za-z0-9+/]*={0,2}$/);

/** A sealed object as written to the file: the versioned `{ v, alg, nonce, ct }` with base64 bytes. */
export const sealedJsonSchema = z.object({ v: z.number().int(), alg: z.string().max(64), nonce: base64, ct: base64 }).strict();

/** The file as parsed from JSON, before any key is derived. */
export const exportFileSchema = z.object({
  format: z.literal(EXPORT_FORMAT),
  version: z.literal(EXPORT_VERSION),
  /** 16 random bytes as hex; the payload's record id. */
  exportId: z.string().regex(/^[0-9a-f]{32}$/),
  /** When the export was made, ms since epoch. */
  createdAt: z.number().int().nonnegative(),
  itemCount: z.number().int().nonnegative().max(MAX_EXPORT_ITEMS),
  /** Argon2id parameters (RFC 9106) and the 16-byte salt as base64; checked against the floor before use. */
  kdf: z.object({ alg: z.string().max(32), version: z.number().int(), m: z.number().int(), t: z.number().int(), p: z.number().int(), salt: base64 }).strict(),
  check: sealedJsonSchema,
  payload: sealedJsonSchema,
}).strict();

/** What the payload decrypts to: every live item's full content, kept fields included. */
export const exportPayloadSchema = z.object({ items: z.array(itemContentSchema).max(MAX_EXPORT_ITEMS) }).strict();

export type ExportFile = z.infer<typeof exportFileSchema>;
export type ExportPayload = z.infer<typeof exportPayloadSchema>;

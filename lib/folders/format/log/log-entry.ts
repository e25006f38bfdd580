/**
 * One entry of a shared folder's membership log (issue 13, DESIGN §10): a hash chain of entries signed by
 * managers. Everything here is untrusted input from the relay (S6) and is validated with zod; what an entry
 * may do is replay-folder-log's decision.
 */
import { z } from 'zod';
import { handleSchema, XWING_PUBLIC_KEY_BYTES } from '../../../relay-protocol/identity-bundle';
import { folderIdSchema } from '../folder-id';
import { folderRoleSchema } from '../folder-role';
import { sealedWireSchema } from '../sealed-wire';
import { canonicalBase64 } from '../wire-bytes';

/** What an entry does. */
export const logOpSchema = z.enum(['create', 'add', 'remove', 'role', 'rotate', 'leave', 'delete']);
export type LogOp = z.infer<typeof logOpSchema>;

const time = z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER);
const seq = z.number().int().min(1).max(Number.MAX_SAFE_INTEGER);

/** The log's head as a client knows it: the last entry's sequence number and hash (base64 of 32 bytes). */
export const folderHeadSchema = z.object({ seq, hash: canonicalBase64(32) }).strict();
export type FolderHead = z.infer<typeof folderHeadSchema>;

/** Who wrote an entry: a handle for display and the key fingerprint (keyFingerprint: X25519 + Ed25519, base64 32 B). */
export const logAuthorSchema = z.object({ handle: handleSchema, fingerprint: canonicalBase64(32) }).strict();
export type LogAuthor = z.infer<typeof logAuthorSchema>;

/**
 * Whom an entry is about, with the full public keys the folder key is sealed to (T23: only keys named here
 * ever receive it). `fingerprint` must be keyFingerprint of the two 32-byte keys.
 */
export const logSubjectSchema = z
  .object({
    handle: handleSchema,
    fingerprint: canonicalBase64(32),
    /** X25519, 32 bytes. */
    encryptionKey: canonicalBase64(32),
    /** Ed25519, 32 bytes. */
    signingKey: canonicalBase64(32),
    /** X-Wing, 1,216 bytes: when present the folder key goes to it only in a post-quantum envelope (T27). */
    xwingKey: canonicalBase64(XWING_PUBLIC_KEY_BYTES).optional(),
  })
  .strict();
export type LogSubject = z.infer<typeof logSubjectSchema>;

/** Every field but the signature. */
export const unsignedLogEntrySchema = z
  .object({
    v: z.literal(1),
    folderId: folderIdSchema,
    seq,
    /** Hash of entry seq-1 (logEntryHash); 32 zero bytes for seq 1. */
    prev: canonicalBase64(32),
    op: logOpSchema,
    author: logAuthorSchema,
    /** create: the creator (= author); add, remove, role: the person; absent for rotate, leave, delete. */
    subject: logSubjectSchema.optional(),
    /** create, add, role: the subject's role. */
    role: folderRoleSchema.optional(),
    /** create, add, role: whether Sealpass hides the password from the subject (fill only). */
    autofillOnly: z.boolean().optional(),
    /** create, add, role: when the subject's access ends (ms since epoch), or null for never. */
    accessEndsAt: time.nullable().optional(),
    /** The epoch after this entry, from 1. */
    epoch: z.number().int().min(1).max(1_000_000),
    /** folderKeyCommitment of that epoch's key, base64 of 32 bytes. */
    keyCommitment: canonicalBase64(32),
    /** The previous epoch's key wrapped under this epoch's (purpose `folder-key`): exactly when the epoch moves on. */
    prevKeyWrap: sealedWireSchema.optional(),
    /** remove, role, leave, rotate: the folder-message seq the author had applied (the apply rule's cursor), 0 for none. */
    cursor: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).optional(),
    /** When the author made it, ms since epoch (as the author's clock says). */
    at: time,
  })
  .strict();
export type UnsignedLogEntry = z.infer<typeof unsignedLogEntrySchema>;

/** A whole entry: the fields and the author's Ed25519 signature over logEntrySigningBytes (64 bytes, base64). */
export const logEntrySchema = unsignedLogEntrySchema.extend({ sig: canonicalBase64(64) }).strict();
export type LogEntry = z.infer<typeof logEntrySchema>;

/**
 * The verified FolderState (lib/folders/format/log/folder-state) as this client keeps it inside its sealed
 * folder record, so opening a folder needs no replay and no signature check. The record is authenticated
 * under the vault key; the schema still checks every field, so a record written by another version that does
 * not fit is reported as damaged rather than used half-read (S8).
 */
import { z } from 'zod';
import { base64Bytes, handleSchema, XWING_PUBLIC_KEY_BYTES } from '../../relay-protocol/identity-bundle';
import type { FolderState } from '../format/log/folder-state';

const time = z.number().int().nonnegative();
const seq = z.number().int().min(1);
const b32 = base64Bytes(32);
const role = z.enum(['viewer', 'editor', 'manager']);
const sealedWire = z.object({ v: z.literal(1), alg: z.literal('xchacha20poly1305'), nonce: base64Bytes(24), ct: z.string() }).strict();

const interval = z
  .object({
    role,
    autofillOnly: z.boolean(),
    accessEndsAt: time.nullable(),
    fromSeq: seq,
    fromAt: time,
    toSeq: seq.nullable(),
    toAt: time.nullable(),
    endCursor: z.number().int().nonnegative().nullable(),
  })
  .strict();

const member = z
  .object({
    handle: handleSchema,
    fingerprint: b32,
    keys: z.object({ encryptionKey: b32, signingKey: b32, xwingKey: base64Bytes(XWING_PUBLIC_KEY_BYTES).optional() }).strict(),
    role,
    autofillOnly: z.boolean(),
    accessEndsAt: time.nullable(),
    addedAt: time,
    removedAt: time.optional(),
    cursorAtRemoval: z.number().int().nonnegative().optional(),
    intervals: z.array(interval),
  })
  .strict();

export const folderStateSchema = z
  .object({
    folderId: z.string().regex(/^[A-Za-z0-9_-]{22}$/),
    genesis: b32,
    head: z.object({ seq, hash: b32 }).strict(),
    lastAt: time,
    entryHashes: z.array(b32),
    epoch: z.number().int().min(1),
    keyCommitment: b32,
    epochs: z.array(
      z.object({ epoch: z.number().int().min(1), fromSeq: seq, fromAt: time, keyCommitment: b32, prevKeyWrap: sealedWire.optional(), fromCursor: z.number().int().nonnegative().nullable() }).strict(),
    ),
    members: z.record(z.string(), member),
    formerMembers: z.record(z.string(), member),
    creator: b32,
    deleted: z.boolean(),
    rotationNeeded: z.boolean(),
  })
  .strict() satisfies z.ZodType<FolderState>;

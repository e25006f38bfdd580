/**
 * What the background and the offscreen document's KDF say to each other over their port (point to point: the
 * master password never goes through runtime.sendMessage, which every extension page hears), and what the
 * offscreen page and its worker pass on. Validated at every hop. Bytes travel as arrays of numbers: a port
 * serialises its messages as JSON, where a Uint8Array would not survive.
 */
import { z } from 'zod';
import { KDF_CEILING, KDF_DEFAULT, SALT_LENGTH } from '../crypto/kdf-params';

/** The port's name; the background accepts it only from the offscreen page (T21). */
export const KDF_PORT = 'sealpass-kdf';

/** Background → offscreen page (runtime message, no secret in it): connect a new KDF port if yours is gone. */
export const KDF_CONNECT_MESSAGE = { target: 'offscreen', type: 'kdf-connect' } as const;

/** Longest password accepted on the wire, in UTF-16 code units (1 MiB of text: far above any real one). */
const MAX_KDF_PASSWORD = 1 << 20;

const byte = z.number().int().min(0).max(255);

/** Background → offscreen → worker: derive Argon2id(password, salt) at these parameters (`m` in KiB). */
export const kdfRequestSchema = z
  .object({
    id: z.number().int().nonnegative(),
    password: z.string().min(1).max(MAX_KDF_PASSWORD),
    salt: z.array(byte).length(SALT_LENGTH),
    m: z.number().int().min(KDF_DEFAULT.m).max(KDF_CEILING.m),
    t: z.number().int().min(KDF_DEFAULT.t).max(KDF_CEILING.t),
    p: z.number().int().min(1).max(KDF_CEILING.p),
  })
  .strict();

/**
 * Worker → offscreen → background: the derived tag, or a failure (no wasm, the RFC 9106 self-test failed, a
 * crash). The tag's length is checked by the background, which then says clearly what was wrong.
 */
export const kdfReplySchema = z.union([
  z.object({ id: z.number().int().nonnegative(), key: z.array(byte).max(1024) }).strict(),
  z.object({ id: z.number().int().nonnegative(), failed: z.literal(true) }).strict(),
]);

export type KdfRequest = z.infer<typeof kdfRequestSchema>;
export type KdfReply = z.infer<typeof kdfReplySchema>;

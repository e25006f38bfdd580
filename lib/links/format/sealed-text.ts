/**
 * A versioned XChaCha20-Poly1305 object (DESIGN §4: `{ v, alg, nonce, ct }`) as the JSON text the relay
 * carries, nonce and ciphertext in base64. The relay treats it as opaque text of at most 64 KiB.
 */
import { utf8ToBytes } from '@noble/hashes/utils.js';
import { z } from 'zod';
import type { CipherContext } from '../../crypto/associated-data';
import { fromBase64, toBase64 } from '../../crypto/base64';
import type { Key } from '../../crypto/keys';
import { openSealed } from '../../crypto/open-sealed';
import { seal } from '../../crypto/seal';
import { DecryptError, SEALED_ALG } from '../../crypto/sealed';
import { wipe } from '../../crypto/wipe';

const wireSchema = z.object({ v: z.literal(1), alg: z.literal(SEALED_ALG), nonce: z.string().max(64), ct: z.string().max(100_000) }).strict();
const decoder = new TextDecoder('utf-8', { fatal: true });

/** Seals `JSON.stringify(value)` and returns the wire text. */
export function sealJsonText(key: Key<string>, value: unknown, context: CipherContext): string {
  const plaintext = utf8ToBytes(JSON.stringify(value));
  try {
    const sealed = seal(key, plaintext, context);
    return JSON.stringify({ v: sealed.v, alg: sealed.alg, nonce: toBase64(sealed.nonce), ct: toBase64(sealed.ct) });
  } finally {
    wipe(plaintext);
  }
}

/**
 * Opens wire text sealed by sealJsonText and validates its JSON.
 * @throws DecryptError for anything that does not open and parse: all failures alike (S2)
 */
export function openJsonText<T>(key: Key<string>, text: string, context: CipherContext, schema: z.ZodType<T>): T {
  let plaintext: Uint8Array | undefined;
  try {
    const wire = wireSchema.parse(JSON.parse(text));
    plaintext = openSealed(key, { v: wire.v, alg: wire.alg, nonce: fromBase64(wire.nonce), ct: fromBase64(wire.ct) }, context);
    return schema.parse(JSON.parse(decoder.decode(plaintext)));
  } catch {
    throw new DecryptError();
  } finally {
    if (plaintext) wipe(plaintext);
  }
}

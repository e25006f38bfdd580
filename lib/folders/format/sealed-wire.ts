/**
 * A versioned XChaCha20-Poly1305 object (DESIGN §4: `{ v, alg, nonce, ct }`) as it travels inside folder log
 * entries and folder messages: the same fields with nonce and ciphertext in canonical base64.
 */
import { z } from 'zod';
import { fromBase64, toBase64 } from '../../crypto/base64';
import { SEALED_ALG, type Sealed } from '../../crypto/sealed';
import { canonicalBase64, canonicalBase64Text } from './wire-bytes';
import { MAX_FOLDER_MESSAGE_BYTES } from './folder-limits';

export const sealedWireSchema = z
  .object({
    v: z.literal(1),
    alg: z.literal(SEALED_ALG),
    /** 24 bytes. */
    nonce: canonicalBase64(24),
    /** Ciphertext ‖ 16-byte tag, at least the tag. */
    ct: canonicalBase64Text(MAX_FOLDER_MESSAGE_BYTES),
  })
  .strict();
export type SealedWire = z.infer<typeof sealedWireSchema>;

/** @returns the wire form of a sealed object (nonce and ct in base64) */
export function toSealedWire(sealed: Sealed): SealedWire {
  return { v: sealed.v, alg: sealed.alg, nonce: toBase64(sealed.nonce), ct: toBase64(sealed.ct) };
}

/**
 * @param wire - a schema-checked wire object
 * @returns the Sealed object openSealed takes
 * @throws SyntaxError when nonce or ct is not canonical base64 (the schema already refuses that)
 */
export function fromSealedWire(wire: SealedWire): Sealed {
  return { v: wire.v, alg: wire.alg, nonce: fromBase64(wire.nonce), ct: fromBase64(wire.ct) };
}

/**
 * An answer to a secret request (issue 14): what the outsider typed, sealed in their browser with HPKE
 * (RFC 9180 mode_base, X25519 / HKDF-SHA256 / ChaCha20Poly1305) to the request's own public key, with the
 * request id in the associated data, so the owner's open fails for an answer moved to another request.
 */
import { z } from 'zod';
import { encodeLengthPrefixed } from '../../crypto/encode-length-prefixed';
import { utf8ToBytes } from '@noble/hashes/utils.js';
import { MAX_ANSWER_FIELD } from '../link-field';


const value = z.string().max(MAX_ANSWER_FIELD);

export const requestAnswerSchema = z
  .object({
    v: z.literal(1),
    username: value.default(''),
    password: value.default(''),
    url: value.default(''),
    note: value.default(''),
  })
  .strict()
  .refine((a) => a.username !== '' || a.password !== '' || a.url !== '' || a.note !== '', 'an answer holds at least one value');
export type RequestAnswer = z.output<typeof requestAnswerSchema>;
export type RequestAnswerInput = z.input<typeof requestAnswerSchema>;

/** The sealed answer on the wire (JSON text): HPKE `enc` and ciphertext, base64. */
export const sealedAnswerSchema = z.object({ v: z.literal(1), enc: z.string().max(64), ct: z.string().max(100_000) }).strict();

/** HPKE `info` of every answer. */
export const ANSWER_INFO = utf8ToBytes('sealpass/v1/request-answer');

/** HPKE associated data: `lp("sealpass/v1/request-answer") ‖ lp(requestId)`. */
export function answerAad(requestId: string): Uint8Array {
  return encodeLengthPrefixed(['sealpass/v1/request-answer', requestId]);
}

/**
 * Reads the clear address of a serialised envelope without opening it, so the caller can find the pinned
 * contact to open it with. Nothing in it is authenticated yet: use it only to route.
 */
import { EnvelopeError } from './envelope-error';
import { envelopeSchema, MAX_ENVELOPE_BYTES, type EnvelopeAddress } from './envelope-schema';

/** The parsed (unauthenticated) address and the raw HPKE parts. */
export interface ParsedEnvelope {
  address: EnvelopeAddress;
  /** base64 of 32 bytes (`x25519`) or 1,120 bytes (`xwing`), as the address names. */
  enc: string;
  /** base64. */
  ct: string;
}

/**
 * @param text - the serialised envelope as the relay delivered it
 * @throws EnvelopeError('malformed') for anything over 64 KiB, not JSON, or not of the envelope's shape
 *   (a v1 envelope included: only the current format opens, T11)
 */
export function readEnvelopeAddress(text: unknown): ParsedEnvelope {
  if (typeof text !== 'string' || text.length > MAX_ENVELOPE_BYTES) throw new EnvelopeError('malformed');
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new EnvelopeError('malformed');
  }
  const parsed = envelopeSchema.safeParse(json);
  if (!parsed.success) throw new EnvelopeError('malformed');
  return { address: parsed.data.address, enc: parsed.data.enc, ct: parsed.data.ct };
}

/**
 * The one error an envelope that cannot be opened gives (S2, T11). The reason is coarse on purpose:
 * `malformed` (shape or size, before any cryptography), `misaddressed` (the header names another
 * recipient or a sender other than the pinned contact), `unauthentic` (anything from decryption on:
 * AEAD, signature, body). The message never contains any part of the envelope.
 */

export type EnvelopeErrorReason = 'malformed' | 'misaddressed' | 'unauthentic';

export class EnvelopeError extends Error {
  override name = 'EnvelopeError';
  constructor(readonly reason: EnvelopeErrorReason) {
    super(`envelope refused (${reason})`);
  }
}

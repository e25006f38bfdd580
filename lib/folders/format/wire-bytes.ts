/**
 * Zod schemas for bytes that travel as base64 text in folder wire formats. Each accepts only the one spelling
 * lib/crypto's encoder produces (strict decode), so the same bytes can never be signed, hashed or compared as
 * two different texts.
 */
import { z } from 'zod';
import { fromBase64 } from '../../crypto/base64';
import { base64Bytes } from '../../relay-protocol/identity-bundle';

function decodesTo(text: string, length: number | null): boolean {
  try {
    const bytes = fromBase64(text);
    return length === null || bytes.length === length;
  } catch {
    return false;
  }
}

/** Canonical padded base64 of exactly `length` bytes. */
export const canonicalBase64 = (length: number) => base64Bytes(length).refine((text) => decodesTo(text, length), 'not canonical base64');

/** Canonical padded base64 of 1..`maxBytes` bytes (any length), e.g. a ciphertext. */
export const canonicalBase64Text = (maxBytes: number) =>
  z
    .string()
    .min(4)
    .max(4 * Math.ceil(maxBytes / 3))
    .refine((text) => decodesTo(text, null), 'not canonical base64');

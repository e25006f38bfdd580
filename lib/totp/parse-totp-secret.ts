/**
 * Reads a TOTP secret as users paste it: a base32 key (RFC 4648 §6, spaces and case ignored) or an
 * `otpauth://totp/...` URI (Google Authenticator key-URI format) with its algorithm, digits and period.
 */
import { base32nopad } from '@scure/base';

/** What generateTotp needs. */
export interface TotpConfig {
  /** The shared secret, decoded. */
  key: Uint8Array;
  algorithm: 'SHA1' | 'SHA256' | 'SHA512';
  /** 6 to 8. */
  digits: number;
  /** Seconds per code, 1 to 300. */
  period: number;
}

/**
 * @throws SyntaxError naming what is wrong (never quoting the secret)
 * @example parseTotpSecret('JBSW Y3DP EHPK 3PXP') // { key: 10 bytes, algorithm: 'SHA1', digits: 6, period: 30 }
 */
export function parseTotpSecret(text: string): TotpConfig {
  const trimmed = text.trim();
  if (/^otpauth:/i.test(trimmed)) return parseUri(trimmed);
  return { key: decodeBase32(trimmed), algorithm: 'SHA1', digits: 6, period: 30 };
}

function parseUri(text: string): TotpConfig {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new SyntaxError('totp: the otpauth link is not a valid URL');
  }
  if (url.host.toLowerCase() !== 'totp') throw new SyntaxError('totp: only time-based (totp) links are supported');
  const secret = url.searchParams.get('secret');
  if (!secret) throw new SyntaxError('totp: the otpauth link has no secret');
  const algorithm = (url.searchParams.get('algorithm') ?? 'SHA1').toUpperCase();
  if (algorithm !== 'SHA1' && algorithm !== 'SHA256' && algorithm !== 'SHA512') throw new SyntaxError('totp: unsupported algorithm');
  const digits = Number(url.searchParams.get('digits') ?? 6);
  const period = Number(url.searchParams.get('period') ?? 30);
  if (!Number.isInteger(digits) || digits < 6 || digits > 8) throw new SyntaxError('totp: digits must be 6 to 8');
  if (!Number.isInteger(period) || period < 1 || period > 300) throw new SyntaxError('totp: period must be 1 to 300 seconds');
  return { key: decodeBase32(secret), algorithm, digits, period };
}

/**
 * RFC 4648 §6 base32 as users paste it, decoded by @scure/base after normalising: spaces, dashes and
 * trailing `=` (any number) are dropped and the case is ignored; the rest must be the base32 alphabet.
 * @returns ⌊5n/8⌋ bytes for n characters
 * @throws SyntaxError for an empty secret or another character (never quoting the secret)
 * @example decodeBase32('jbsw y3dp-ehpk 3pxp') // 10 bytes, 48656c6c6f21deadbeef
 */
export function decodeBase32(text: string): Uint8Array {
  const stripped = text.replace(/[\s-]/g, '').replace(/=+$/, '');
  if (stripped.length === 0) throw new SyntaxError('totp: the secret is empty');
  // Checked here, not left to @scure/base, whose message quotes the offending character; and before
  // upper-casing, which would turn "ß" into "SS".
  if (!/^[A-Za-z2-7]+$/.test(stripped)) throw new SyntaxError('totp: the secret may only hold letters A–Z and digits 2–7');
  const clean = stripped.toUpperCase();
  // Some services hand out secrets as random base32 characters rather than encoded bytes, so the length
  // need not end on a byte and the last character may carry stray low bits. Authenticator apps (Google
  // Authenticator among them) drop the bits after the last whole byte, and so did the decoder that read
  // the secrets already saved; @scure/base would refuse them. Filling with "A" (zero bits) to whole
  // 8-character groups leaves it nothing to refuse, and keeping the first ⌊5n/8⌋ bytes drops the filler
  // and the stray bits.
  const filled = clean.padEnd(Math.ceil(clean.length / 8) * 8, 'A');
  return base32nopad.decode(filled).slice(0, Math.floor((clean.length * 5) / 8));
}

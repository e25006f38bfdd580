/**
 * Reads a TOTP secret as users paste it: a base32 key (RFC 4648 §6, spaces and case ignored) or an
 * `otpauth://totp/...` URI (Google Authenticator key-URI format) with its algorithm, digits and period.
 */

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

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

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

/** RFC 4648 §6 base32, padding optional, spaces and dashes ignored, case-insensitive. */
export function decodeBase32(text: string): Uint8Array {
  const clean = text.replace(/[\s-]/g, '').replace(/=+$/, '').toUpperCase();
  if (clean.length === 0) throw new SyntaxError('totp: the secret is empty');
  const out: number[] = [];
  let bits = 0;
  let value = 0;
  for (const char of clean) {
    const index = BASE32.indexOf(char);
    if (index < 0) throw new SyntaxError('totp: the secret may only hold letters A–Z and digits 2–7');
    value = (value << 5) | index;
    bits += 5;
    if (bits >= 8) {
      bits -= 8;
      out.push((value >>> bits) & 0xff);
    }
  }
  return new Uint8Array(out);
}

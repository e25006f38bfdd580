/** Parsing pasted TOTP secrets: base32 keys and otpauth links, and their rejections. */
import { describe, expect, it } from 'vitest';
import { decodeBase32, parseTotpSecret } from '../../lib/totp/parse-totp-secret';

const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');

describe('decodeBase32 (RFC 4648 §10 vectors)', () => {
  it.each([['MY', 'f'], ['MZXQ', 'fo'], ['MZXW6', 'foo'], ['MZXW6YQ', 'foob'], ['MZXW6YTB', 'fooba'], ['MZXW6YTBOI', 'foobar']])('%s → %s', (b32, text) => {
    expect(new TextDecoder().decode(decodeBase32(b32))).toBe(text);
    expect(new TextDecoder().decode(decodeBase32(`${b32.toLowerCase()}====`))).toBe(text);
  });
  it('ignores spaces and dashes', () => {
    expect(hex(decodeBase32('JBSW Y3DP-EHPK 3PXP'))).toBe(hex(decodeBase32('JBSWY3DPEHPK3PXP')));
  });
  it('refuses other characters and empty input without quoting the input', () => {
    expect(() => decodeBase32('JBSW1Y3DP')).toThrow(/letters A–Z and digits 2–7/);
    expect(() => decodeBase32('  ')).toThrow(/empty/);
    try {
      decodeBase32('SECRET0VALUE');
    } catch (error) {
      expect(String(error)).not.toContain('SECRET0VALUE');
    }
  });
});

describe('parseTotpSecret', () => {
  it('defaults a bare key to SHA1, 6 digits, 30 s', () => {
    const config = parseTotpSecret('JBSWY3DPEHPK3PXP');
    expect(config).toMatchObject({ algorithm: 'SHA1', digits: 6, period: 30 });
    expect(config.key.length).toBe(10);
  });
  it('reads algorithm, digits and period from an otpauth link', () => {
    const config = parseTotpSecret('otpauth://totp/ACME:alice@example.com?secret=JBSWY3DPEHPK3PXP&issuer=ACME&algorithm=SHA256&digits=8&period=60');
    expect(config).toMatchObject({ algorithm: 'SHA256', digits: 8, period: 60 });
  });
  it.each([
    ['otpauth://hotp/x?secret=JBSWY3DP&counter=1', /totp/],
    ['otpauth://totp/x', /no secret/],
    ['otpauth://totp/x?secret=JBSWY3DP&algorithm=MD5', /algorithm/],
    ['otpauth://totp/x?secret=JBSWY3DP&digits=4', /digits/],
    ['otpauth://totp/x?secret=JBSWY3DP&period=0', /period/],
  ])('refuses %s', (uri, message) => {
    expect(() => parseTotpSecret(uri)).toThrow(message);
  });
});

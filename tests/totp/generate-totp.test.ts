/** RFC 6238 Appendix B test vectors (8 digits, SHA1/SHA256/SHA512) and our code/period output. */
import { describe, expect, it } from 'vitest';
import { generateTotp } from '../../lib/totp/generate-totp';

const ascii = (s: string) => new TextEncoder().encode(s);
// RFC 6238 Appendix B: the seed is the ASCII string repeated to the hash's key length.
const KEYS = {
  SHA1: ascii('12345678901234567890'),
  SHA256: ascii('12345678901234567890123456789012'),
  SHA512: ascii('1234567890123456789012345678901234567890123456789012345678901234'),
} as const;
const VECTORS: [number, string, string, string][] = [
  [59, '94287082', '46119246', '90693936'],
  [1111111109, '07081804', '68084774', '25091201'],
  [1111111111, '14050471', '67062674', '99943326'],
  [1234567890, '89005924', '91819424', '93441116'],
  [2000000000, '69279037', '90698825', '38618901'],
  [20000000000, '65353130', '77737706', '47863826'],
];

describe('generateTotp (RFC 6238 Appendix B)', () => {
  for (const [time, sha1, sha256, sha512] of VECTORS) {
    it(`T=${time}`, () => {
      expect(generateTotp({ key: KEYS.SHA1, algorithm: 'SHA1', digits: 8, period: 30 }, time * 1000).code).toBe(sha1);
      expect(generateTotp({ key: KEYS.SHA256, algorithm: 'SHA256', digits: 8, period: 30 }, time * 1000).code).toBe(sha256);
      expect(generateTotp({ key: KEYS.SHA512, algorithm: 'SHA512', digits: 8, period: 30 }, time * 1000).code).toBe(sha512);
    });
  }

  it('6-digit codes are the last six digits, zero-padded, with the seconds left in the period', () => {
    expect(generateTotp({ key: KEYS.SHA1, algorithm: 'SHA1', digits: 6, period: 30 }, 59_000)).toEqual({ code: '287082', secondsLeft: 1 });
    expect(generateTotp({ key: KEYS.SHA1, algorithm: 'SHA1', digits: 6, period: 30 }, 1_111_111_109_000)).toEqual({ code: '081804', secondsLeft: 1 });
    expect(generateTotp({ key: KEYS.SHA1, algorithm: 'SHA1', digits: 6, period: 30 }, 60_000).secondsLeft).toBe(30);
  });
});

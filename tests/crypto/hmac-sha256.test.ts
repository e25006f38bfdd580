/** hmacSha256: RFC 4231 known answers, agreement with node:crypto, and text encoded as UTF-8. */
import { createHmac } from 'node:crypto';
import { bytesToHex, hexToBytes, utf8ToBytes } from '@noble/hashes/utils.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hmacSha256 } from '../../lib/crypto/hmac-sha256';
import { asKey, type IndexKey, type Key } from '../../lib/crypto/keys';
import { GOLDEN, goldenKey } from './fixtures';

describe('hmacSha256', () => {
  // RFC 4231's keys are not 32 bytes; hmacSha256 does not check the length (the brand is a
  // compile-time guard), so the cast only bypasses the type to reach the published answers.
  it('RFC 4231 §4.2 Test Case 1', () => {
    const key = hexToBytes('0b'.repeat(20)) as Key<string>;
    expect(bytesToHex(hmacSha256(key, 'Hi There'))).toBe('b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7');
  });

  it('RFC 4231 §4.3 Test Case 2', () => {
    const key = utf8ToBytes('Jefe') as Key<string>;
    expect(bytesToHex(hmacSha256(key, 'what do ya want for nothing?'))).toBe('5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843');
  });

  // Golden: the blind index stores tags like this one; a change would orphan every index entry.
  it('gives the golden tag for the golden key and "example.com"', () => {
    expect(bytesToHex(hmacSha256(goldenKey(), 'example.com'))).toBe('dfe19801778cf28adc36ff6ee17020a396f36ddcac8acc4ef8d92d42b8f3e1db');
  });

  it('treats text as its UTF-8 bytes', () => {
    const key = goldenKey();
    expect(hmacSha256(key, 'bücher.example')).toEqual(hmacSha256(key, utf8ToBytes('bücher.example')));
    expect(hmacSha256(key, '')).toEqual(hmacSha256(key, new Uint8Array(0)));
  });

  it('agrees with node:crypto (OpenSSL) on arbitrary keys and messages (seeded property)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 32, maxLength: 32 }), fc.uint8Array({ maxLength: 300 }), (keyBytes, message) => {
        const expected = createHmac('sha256', keyBytes).update(message).digest('hex');
        expect(bytesToHex(hmacSha256(asKey<IndexKey>(keyBytes), message))).toBe(expected);
      }),
      { seed: 0x4231, numRuns: 200 },
    );
  });

  it('returns 32 bytes and leaves key and message untouched', () => {
    const key = goldenKey();
    const message = utf8ToBytes('example.com');
    expect(hmacSha256(key, message)).toHaveLength(32);
    expect(bytesToHex(key)).toBe(GOLDEN.keyHex);
    expect(message).toEqual(utf8ToBytes('example.com'));
  });
});

/** encodeContactCode / decodeContactCode: round trip, layout, and strict refusal of damaged or forged-looking codes. */
import { describe, expect, it } from 'vitest';
import { fromBase64Url, toBase64Url } from '../../../lib/crypto/base64url';
import { CONTACT_CODE_PREFIX } from '../../../lib/sharing/contacts/contact-code';
import { ContactCodeError, decodeContactCode } from '../../../lib/sharing/contacts/decode-contact-code';
import { encodeContactCode } from '../../../lib/sharing/contacts/encode-contact-code';
import { person, publicOf } from '../fixtures';

describe('contact codes', () => {
  const alice = person('alice.example');
  const code = encodeContactCode(alice);

  it('round-trip handle and keys, with the prefix and unpadded base64url', () => {
    expect(code.startsWith(CONTACT_CODE_PREFIX)).toBe(true);
    expect(code.slice(CONTACT_CODE_PREFIX.length)).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeContactCode(code)).toEqual(publicOf(alice));
    expect(decodeContactCode(`  ${code}\n`)).toEqual(publicOf(alice));
    // 1 + 13 + 64 + 8 bytes → 115 base64url characters.
    expect(code.length).toBe(CONTACT_CODE_PREFIX.length + 115);
  });

  it('refuses every changed character, and every truncation', () => {
    const body = code.slice(CONTACT_CODE_PREFIX.length);
    for (let i = 0; i < body.length; i++) {
      const replaced = body[i] === 'A' ? 'B' : 'A';
      const damaged = CONTACT_CODE_PREFIX + body.slice(0, i) + replaced + body.slice(i + 1);
      expect(() => decodeContactCode(damaged), `position ${i}`).toThrow(ContactCodeError);
    }
    for (let n = 0; n < body.length; n += 3) expect(() => decodeContactCode(CONTACT_CODE_PREFIX + body.slice(0, n))).toThrow(ContactCodeError);
  });

  it('refuses a swapped key even with a length-valid payload (the check covers handle and fingerprint)', () => {
    const payload = fromBase64Url(code.slice(CONTACT_CODE_PREFIX.length));
    const mallory = person('mallory');
    payload.set(mallory.encryptionKey, 1 + 'alice.example'.length);
    expect(() => decodeContactCode(CONTACT_CODE_PREFIX + toBase64Url(payload))).toThrow(ContactCodeError);
  });

  it('refuses other prefixes, padding, other alphabets and non-strings with one message', () => {
    const body = code.slice(CONTACT_CODE_PREFIX.length);
    const bad: unknown[] = [
      '',
      body,
      `sealpass:contact:v2:${body}`,
      `SEALPASS:CONTACT:V1:${body}`,
      `${code}=`,
      CONTACT_CODE_PREFIX + body.replace(/-/g, '+').replace(/_/g, '/') + (body.includes('-') || body.includes('_') ? '' : '+'),
      `${code}AA`,
      42,
      null,
    ];
    for (const input of bad) {
      expect(() => decodeContactCode(input as string)).toThrow(ContactCodeError);
      expect(() => decodeContactCode(input as string)).toThrow('not a valid Sealpass contact code');
    }
  });

  it('refuses an invalid handle inside a well-formed payload', () => {
    const payload = fromBase64Url(code.slice(CONTACT_CODE_PREFIX.length));
    payload[1] = 'A'.charCodeAt(0);
    expect(() => decodeContactCode(CONTACT_CODE_PREFIX + toBase64Url(payload))).toThrow(ContactCodeError);
  });

  it('refuses keys of the wrong size on encode', () => {
    expect(() => encodeContactCode({ ...alice, signingKey: new Uint8Array(31) })).toThrow(RangeError);
  });
});

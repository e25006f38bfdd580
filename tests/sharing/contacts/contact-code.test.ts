/**
 * encodeContactCode / decodeContactCode: round trip, layout (v1, and v2 with the X-Wing key's hash), and
 * strict refusal of damaged or forged-looking codes; bundleMatchesCode for the relay's half of a v2 code.
 */
import { describe, expect, it } from 'vitest';
import { fromBase64Url, toBase64Url } from '../../../lib/crypto/base64url';
import { sha256 } from '@noble/hashes/sha2.js';
import { bundleMatchesCode, CONTACT_CODE_PREFIX, CONTACT_CODE_V2_PREFIX } from '../../../lib/sharing/contacts/contact-code';
import { renderSafetyQr } from '../../../lib/sharing/identity/render-safety-qr';
import { ContactCodeError, decodeContactCode } from '../../../lib/sharing/contacts/decode-contact-code';
import { encodeContactCode } from '../../../lib/sharing/contacts/encode-contact-code';
import { person, publicOf } from '../fixtures';

describe('contact codes (v1: an identity without an X-Wing key)', () => {
  const alice = publicOf(person('alice.example'));
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

describe('contact codes v2 (an identity with an X-Wing key)', () => {
  const alice = publicOf(person('alice.example'), { pq: true });
  const code = encodeContactCode(alice);

  it('carry the SHA-256 of the X-Wing key, not the key: short enough for a small QR code', () => {
    expect(code.startsWith(CONTACT_CODE_V2_PREFIX)).toBe(true);
    // 1 + 13 + 64 + 32 + 8 bytes → 158 base64url characters (the key itself would make about 1,750).
    expect(code.length).toBe(CONTACT_CODE_V2_PREFIX.length + 158);
    const decoded = decodeContactCode(code);
    expect(decoded).toEqual({ handle: alice.handle, encryptionKey: alice.encryptionKey, signingKey: alice.signingKey, xwingKeyHash: sha256(alice.xwingKey!) });
    const modules = Number(/viewBox="0 0 (\d+) /.exec(renderSafetyQr(code))![1]);
    // Version 10 or below (57 modules + 8 of quiet zone): what the v1 code needed too, give or take.
    expect(modules).toBeLessThanOrEqual(65);
  });

  it('refuses every changed character, and a v2 body under the v1 prefix', () => {
    const body = code.slice(CONTACT_CODE_V2_PREFIX.length);
    for (let i = 0; i < body.length; i += 2) {
      const replaced = body[i] === 'A' ? 'B' : 'A';
      expect(() => decodeContactCode(CONTACT_CODE_V2_PREFIX + body.slice(0, i) + replaced + body.slice(i + 1)), `position ${i}`).toThrow(ContactCodeError);
    }
    expect(() => decodeContactCode(CONTACT_CODE_PREFIX + body)).toThrow(ContactCodeError);
  });

  it('bundleMatchesCode: only the bundle with exactly these keys and an X-Wing key of this hash', () => {
    const decoded = decodeContactCode(code);
    expect(bundleMatchesCode(alice, decoded)).toBe(true);
    const relay = person('relay');
    expect(bundleMatchesCode({ ...alice, xwingKey: relay.xwingKey! }, decoded)).toBe(false);
    // T27: the relay answering with the v1 bundle (no X-Wing key) does not match a v2 code.
    expect(bundleMatchesCode(publicOf(alice), decoded)).toBe(false);
    expect(bundleMatchesCode({ ...alice, encryptionKey: relay.encryptionKey }, decoded)).toBe(false);
    expect(bundleMatchesCode({ ...alice, handle: 'alice.exampl' }, decoded)).toBe(false);
    // A v1 code names no X-Wing key: any bundle with its two keys matches.
    expect(bundleMatchesCode(alice, decodeContactCode(encodeContactCode(publicOf(alice))))).toBe(true);
  });
});


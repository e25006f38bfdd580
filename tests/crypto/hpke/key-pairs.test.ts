/** deriveKeyPair, generateKeyPair, publicKeyOf, encap and decap: sizes, freshness and refusal of bad keys (RFC 9180 §7.1.3, §7.1.4). */
import { x25519 } from '@noble/curves/ed25519.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { describe, expect, it } from 'vitest';
import { decap } from '../../../lib/crypto/hpke/decap';
import { deriveKeyPair } from '../../../lib/crypto/hpke/derive-key-pair';
import { encap } from '../../../lib/crypto/hpke/encap';
import { generateKeyPair } from '../../../lib/crypto/hpke/generate-key-pair';
import { publicKeyOf } from '../../../lib/crypto/hpke/public-key-of';

/** u-coordinates of small order on Curve25519 (RFC 7748 §6.1 / cr.yp.to/ecdh.html#validate): 0 and 1. */
const LOW_ORDER = [new Uint8Array(32), Uint8Array.of(1, ...new Uint8Array(31))];

describe('deriveKeyPair', () => {
  it('is deterministic and gives a matching 32-byte public key', () => {
    const ikm = new Uint8Array(32).fill(7);
    const a = deriveKeyPair(ikm);
    const b = deriveKeyPair(ikm);
    expect(bytesToHex(a.secretKey)).toBe(bytesToHex(b.secretKey));
    expect(a.publicKey).toEqual(x25519.getPublicKey(a.secretKey));
    expect(publicKeyOf(a.secretKey)).toEqual(a.publicKey);
    expect(a.publicKey).toHaveLength(32);
  });

  it('refuses ikm shorter than Nsk = 32 bytes', () => {
    expect(() => deriveKeyPair(new Uint8Array(31))).toThrow(RangeError);
    expect(() => deriveKeyPair(new Uint8Array(33))).not.toThrow();
  });
});

describe('generateKeyPair', () => {
  it('gives a different key pair every time', () => {
    const seen = new Set(Array.from({ length: 20 }, () => bytesToHex(generateKeyPair().secretKey)));
    expect(seen.size).toBe(20);
  });
});

describe('encap / decap', () => {
  it('agree on the shared secret, with a fresh enc per call', () => {
    const r = generateKeyPair();
    const a = encap(r.publicKey);
    const b = encap(r.publicKey);
    expect(bytesToHex(a.enc)).not.toBe(bytesToHex(b.enc));
    expect(decap(a.enc, r.secretKey)).toEqual(a.sharedSecret);
    expect(decap(b.enc, r.secretKey)).toEqual(b.sharedSecret);
    expect(a.sharedSecret).toHaveLength(32);
  });

  it('refuse keys and encapsulations of the wrong size', () => {
    const r = generateKeyPair();
    expect(() => encap(new Uint8Array(31))).toThrow(RangeError);
    expect(() => encap(new Uint8Array(33))).toThrow(RangeError);
    expect(() => decap(new Uint8Array(31), r.secretKey)).toThrow(RangeError);
  });

  it('refuse low-order points, whose Diffie–Hellman output would be all zeros (§7.1.4)', () => {
    const r = generateKeyPair();
    for (const point of LOW_ORDER) {
      expect(() => encap(point)).toThrow();
      expect(() => decap(point, r.secretKey)).toThrow();
    }
  });
});

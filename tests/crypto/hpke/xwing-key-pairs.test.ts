/** X-Wing key pairs: sizes, seed form, freshness, determinism, and what noble's API does with a seed. */
import { bytesToHex } from '@noble/hashes/utils.js';
import { ml_kem768_x25519 } from '@noble/post-quantum/hybrid.js';
import { describe, expect, it } from 'vitest';
import { xwingDeriveKeyPair } from '../../../lib/crypto/hpke/xwing-derive-key-pair';
import { xwingGenerateKeyPair } from '../../../lib/crypto/hpke/xwing-generate-key-pair';
import { XWING_KEM as K } from '../../../lib/crypto/hpke/xwing-kem';
import { xwingKeyPairFromSeed } from '../../../lib/crypto/hpke/xwing-key-pair-from-seed';
import { xwingPublicKeyOf } from '../../../lib/crypto/hpke/xwing-public-key-of';

describe('noble ml_kem768_x25519 is X-Wing with a seed-form secret key', () => {
  it('advertises the X-Wing lengths', () => {
    expect(ml_kem768_x25519.lengths).toMatchObject({ seed: 32, secretKey: 32, publicKey: 1216, cipherText: 1120, msg: 32, msgRand: 64 });
  });

  it('keygen(seed) returns a copy of the seed as secretKey; getPublicKey(seed) re-runs the expansion', () => {
    const seed = new Uint8Array(32).fill(3);
    const kp = ml_kem768_x25519.keygen(seed);
    expect(kp.secretKey).toEqual(seed);
    expect(kp.secretKey.buffer).not.toBe(seed.buffer);
    expect(ml_kem768_x25519.getPublicKey(seed)).toEqual(kp.publicKey);
  });
});

describe('xwingKeyPairFromSeed / xwingGenerateKeyPair / xwingDeriveKeyPair', () => {
  it('sizes: pk 1216, sk 32 (the seed), ss 32, enc 1120', () => {
    const kp = xwingGenerateKeyPair();
    expect(kp.publicKey).toHaveLength(1216);
    expect(kp.secretKey).toHaveLength(32);
    const { enc, sharedSecret } = K.encap(kp.publicKey);
    expect(enc).toHaveLength(1120);
    expect(sharedSecret).toHaveLength(32);
    expect(K.decap(enc, kp.secretKey)).toEqual(sharedSecret);
  });

  it('the secret key is the seed, not aliased; wiping the seed afterwards changes nothing', () => {
    const seed = new Uint8Array(32).fill(5);
    const kp = xwingKeyPairFromSeed(seed);
    seed.fill(0);
    expect(kp.secretKey).toEqual(new Uint8Array(32).fill(5));
    expect(xwingPublicKeyOf(kp.secretKey)).toEqual(kp.publicKey);
  });

  it('refuses seeds that are not 32 bytes and ikm shorter than 32 bytes', () => {
    for (const n of [0, 31, 33, 64]) expect(() => xwingKeyPairFromSeed(new Uint8Array(n))).toThrow(RangeError);
    expect(() => xwingDeriveKeyPair(new Uint8Array(31))).toThrow(RangeError);
    expect(() => xwingDeriveKeyPair(new Uint8Array(64))).not.toThrow();
  });

  it('derivation is deterministic, and is not the identity on a 32-byte ikm', () => {
    const ikm = new Uint8Array(32).fill(7);
    expect(xwingDeriveKeyPair(ikm)).toEqual(xwingDeriveKeyPair(ikm));
    expect(xwingDeriveKeyPair(ikm).secretKey).not.toEqual(ikm);
  });

  it('generation gives a different key pair every time, and a fresh enc per encap', () => {
    const seen = new Set(Array.from({ length: 10 }, () => bytesToHex(xwingGenerateKeyPair().secretKey)));
    expect(seen.size).toBe(10);
    const r = xwingGenerateKeyPair();
    expect(K.encap(r.publicKey).enc).not.toEqual(K.encap(r.publicKey).enc);
  });
});

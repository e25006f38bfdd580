/** sealBase / openBase (RFC 9180 §6.1): round trips, and every kind of tampering is the same DecryptError. */
import { utf8ToBytes } from '@noble/hashes/utils.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateKeyPair } from '../../../lib/crypto/hpke/generate-key-pair';
import { openBase } from '../../../lib/crypto/hpke/open-base';
import { sealBase } from '../../../lib/crypto/hpke/seal-base';
import { X25519_KEM as K } from '../../../lib/crypto/hpke/x25519-kem';
import { DecryptError } from '../../../lib/crypto/sealed';

const info = utf8ToBytes('sealpass test info');
const aad = utf8ToBytes('header');
const pt = utf8ToBytes('correct horse battery staple');

describe('sealBase / openBase', () => {
  it('round-trips any plaintext, info and aad (seeded property)', () => {
    const r = generateKeyPair();
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 512 }), fc.uint8Array({ maxLength: 64 }), fc.uint8Array({ maxLength: 64 }), (p, i, a) => {
        const { enc, ct } = sealBase(K, r.publicKey, i, a, p);
        expect(enc).toHaveLength(32);
        expect(ct).toHaveLength(p.length + 16);
        expect(openBase(K, enc, r.secretKey, i, a, ct)).toEqual(p);
      }),
      { seed: 0x4b9e, numRuns: 100 },
    );
  });

  it('uses a fresh ephemeral key each time', () => {
    const r = generateKeyPair();
    expect(sealBase(K, r.publicKey, info, aad, pt).enc).not.toEqual(sealBase(K, r.publicKey, info, aad, pt).enc);
  });

  it('refuses a wrong key, wrong info, wrong aad, or any flipped bit of enc or ct, all alike', () => {
    const r = generateKeyPair();
    const { enc, ct } = sealBase(K, r.publicKey, info, aad, pt);
    const attempts: (() => unknown)[] = [
      () => openBase(K, enc, generateKeyPair().secretKey, info, aad, ct),
      () => openBase(K, enc, r.secretKey, utf8ToBytes('other info'), aad, ct),
      () => openBase(K, enc, r.secretKey, info, utf8ToBytes('other header'), ct),
      () => openBase(K, enc, r.secretKey, info, aad, ct.subarray(0, ct.length - 1)),
      () => openBase(K, enc, r.secretKey, info, aad, new Uint8Array(0)),
      () => openBase(K, enc.subarray(0, 31), r.secretKey, info, aad, ct),
      () => openBase(K, new Uint8Array(32), r.secretKey, info, aad, ct),
    ];
    for (let i = 0; i < (32 + ct.length) * 8; i += 7) {
      const e = enc.slice();
      const c = ct.slice();
      if (i < 256) e[i >> 3]! ^= 1 << (i & 7);
      else c[(i - 256) >> 3]! ^= 1 << (i & 7);
      attempts.push(() => openBase(K, e, r.secretKey, info, aad, c));
    }
    for (const attempt of attempts) {
      expect(attempt).toThrow(DecryptError);
      expect(attempt).toThrow('decryption failed');
    }
  });
});

/** sealBase / openBase with X-Wing: round trips, and every kind of tampering is the same DecryptError. */
import { utf8ToBytes } from '@noble/hashes/utils.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { contextExport } from '../../../lib/crypto/hpke/context-export';
import { openBase } from '../../../lib/crypto/hpke/open-base';
import { sealBase } from '../../../lib/crypto/hpke/seal-base';
import { setupBaseR } from '../../../lib/crypto/hpke/setup-base-r';
import { setupBaseS } from '../../../lib/crypto/hpke/setup-base-s';
import { X25519_KEM } from '../../../lib/crypto/hpke/x25519-kem';
import { XWING_KEM as K } from '../../../lib/crypto/hpke/xwing-kem';
import { DecryptError } from '../../../lib/crypto/sealed';

const info = utf8ToBytes('sealpass test info');
const aad = utf8ToBytes('header');
const pt = utf8ToBytes('correct horse battery staple');

describe('X-Wing sealBase / openBase', () => {
  it('round-trips any plaintext, info and aad (seeded property)', () => {
    const r = K.generateKeyPair();
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 512 }), fc.uint8Array({ maxLength: 64 }), fc.uint8Array({ maxLength: 64 }), (p, i, a) => {
        const { enc, ct } = sealBase(K, r.publicKey, i, a, p);
        expect(enc).toHaveLength(1120);
        expect(ct).toHaveLength(p.length + 16);
        expect(openBase(K, enc, r.secretKey, i, a, ct)).toEqual(p);
      }),
      { seed: 0x4b9f, numRuns: 50 },
    );
  });

  it('refuses a wrong key, wrong info, wrong aad, or flipped bits of enc or ct, all alike', () => {
    const r = K.generateKeyPair();
    const { enc, ct } = sealBase(K, r.publicKey, info, aad, pt);
    const attempts: (() => unknown)[] = [
      () => openBase(K, enc, K.generateKeyPair().secretKey, info, aad, ct),
      () => openBase(K, enc, r.secretKey, utf8ToBytes('other info'), aad, ct),
      () => openBase(K, enc, r.secretKey, info, utf8ToBytes('other header'), ct),
      () => openBase(K, enc, r.secretKey, info, aad, ct.subarray(0, ct.length - 1)),
      () => openBase(K, enc, r.secretKey, info, aad, new Uint8Array(0)),
      () => openBase(K, enc.subarray(0, 1119), r.secretKey, info, aad, ct),
      () => openBase(K, new Uint8Array(1120), r.secretKey, info, aad, ct),
    ];
    const bits = (enc.length + ct.length) * 8;
    for (let i = 0; i < bits; i += 97) {
      const e = enc.slice();
      const c = ct.slice();
      if (i < enc.length * 8) e[i >> 3]! ^= 1 << (i & 7);
      else c[(i - enc.length * 8) >> 3]! ^= 1 << (i & 7);
      attempts.push(() => openBase(K, e, r.secretKey, info, aad, c));
    }
    for (const attempt of attempts) {
      expect(attempt).toThrow(DecryptError);
      expect(attempt).toThrow('decryption failed');
    }
  });

  it('contexts carry their suite_id: the same shared secret under X25519 and X-Wing exports differently', () => {
    const r = K.generateKeyPair();
    const s = setupBaseS(K, r.publicKey, info);
    const rc = setupBaseR(K, s.enc, r.secretKey, info);
    expect(contextExport(rc, aad, 32)).toEqual(contextExport(s.context, aad, 32));
    const v1 = X25519_KEM.generateKeyPair();
    const s1 = setupBaseS(X25519_KEM, v1.publicKey, info);
    expect(s1.context.suiteId).not.toEqual(s.context.suiteId);
  });
});

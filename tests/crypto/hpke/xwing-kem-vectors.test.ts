/**
 * draft-connolly-cfrg-xwing-kem-10 Appendix C: all 3 X-Wing vectors (tests/vectors/xwing-kem.json):
 * key generation from the seed, derandomised encapsulation, decapsulation, public key of the seed.
 */
import { bytesToHex, hexToBytes } from '@noble/hashes/utils.js';
import { describe, expect, it } from 'vitest';
import { xwingDecap } from '../../../lib/crypto/hpke/xwing-decap';
import { xwingEncap } from '../../../lib/crypto/hpke/xwing-encap';
import { xwingKeyPairFromSeed } from '../../../lib/crypto/hpke/xwing-key-pair-from-seed';
import { xwingPublicKeyOf } from '../../../lib/crypto/hpke/xwing-public-key-of';
import { XWING_N_ENC, XWING_N_PK, XWING_N_RANDOM, XWING_N_SECRET, XWING_N_SK } from '../../../lib/crypto/hpke/xwing-suite';
import { asKey, type XWingSecretKey } from '../../../lib/crypto/keys';
import kemVectors from '../../vectors/xwing-kem.json';

const h = hexToBytes;
const sk = (hex: string) => asKey<XWingSecretKey>(h(hex));

describe('X-Wing KEM vectors (draft-connolly-cfrg-xwing-kem-10 Appendix C)', () => {
  it('has the 3 vectors, with the sizes of §5.1', () => {
    expect(kemVectors.vectors).toHaveLength(3);
    for (const v of kemVectors.vectors) {
      expect([v.seed, v.sk, v.pk, v.eseed, v.ct, v.ss].map((x) => x.length / 2)).toEqual([
        XWING_N_SK,
        XWING_N_SK,
        XWING_N_PK,
        XWING_N_RANDOM,
        XWING_N_ENC,
        XWING_N_SECRET,
      ]);
    }
  });

  describe.each(kemVectors.vectors.map((v, i) => [i, v] as const))('vector %i', (_i, v) => {
    it('GenerateKeyPairDerand(seed): sk is the seed itself, pk matches', () => {
      const kp = xwingKeyPairFromSeed(h(v.seed));
      expect(bytesToHex(kp.secretKey)).toBe(v.sk);
      expect(bytesToHex(kp.publicKey)).toBe(v.pk);
    });

    it('the public key of sk matches', () => {
      expect(bytesToHex(xwingPublicKeyOf(sk(v.sk)))).toBe(v.pk);
    });

    it('EncapsulateDerand(pk, eseed) gives ct and ss', () => {
      const { enc, sharedSecret } = xwingEncap(h(v.pk), h(v.eseed));
      expect(bytesToHex(enc)).toBe(v.ct);
      expect(bytesToHex(sharedSecret)).toBe(v.ss);
    });

    it('Decapsulate(ct, sk) gives ss', () => {
      expect(bytesToHex(xwingDecap(h(v.ct), sk(v.sk)))).toBe(v.ss);
    });
  });
});

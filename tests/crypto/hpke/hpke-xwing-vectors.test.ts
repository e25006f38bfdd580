/**
 * draft-ietf-hpke-pq-05 Appendix A.5 (and the same suite from -04's test-vectors.json):
 * MLKEM768-X25519 (X-Wing, 0x647a), HKDF-SHA256, ChaCha20Poly1305, mode_base (tests/vectors/hpke-xwing.json).
 * Every field: suite_id, DeriveKeyPair(ikmR), EncapDerand(pkRm, ikmE), Decap, the key schedule,
 * all 10 encryptions (seal and open, by sequence number) and all 5 exports, from both sides.
 */
import { shake256 } from '@noble/hashes/sha3.js';
import { bytesToHex, hexToBytes } from '@noble/hashes/utils.js';
import { describe, expect, it } from 'vitest';
import { computeNonce } from '../../../lib/crypto/hpke/compute-nonce';
import { contextExport } from '../../../lib/crypto/hpke/context-export';
import { contextOpen } from '../../../lib/crypto/hpke/context-open';
import { contextSeal } from '../../../lib/crypto/hpke/context-seal';
import { openBase } from '../../../lib/crypto/hpke/open-base';
import { sealBase } from '../../../lib/crypto/hpke/seal-base';
import { setupBaseR } from '../../../lib/crypto/hpke/setup-base-r';
import { setupBaseS } from '../../../lib/crypto/hpke/setup-base-s';
import { AEAD_ID, KDF_ID } from '../../../lib/crypto/hpke/suite';
import { xwingDecap } from '../../../lib/crypto/hpke/xwing-decap';
import { xwingDeriveKeyPair } from '../../../lib/crypto/hpke/xwing-derive-key-pair';
import { xwingEncap } from '../../../lib/crypto/hpke/xwing-encap';
import { XWING_KEM as K } from '../../../lib/crypto/hpke/xwing-kem';
import { XWING_HPKE_SUITE_ID, XWING_KEM_ID, XWING_KEM_SUITE_ID } from '../../../lib/crypto/hpke/xwing-suite';
import { asKey, type XWingSecretKey } from '../../../lib/crypto/keys';
import hpkeVectors from '../../vectors/hpke-xwing.json';

const h = hexToBytes;
const hex = bytesToHex;

describe('HPKE X-Wing vectors (draft-ietf-hpke-pq A.5)', () => {
  it('has 2 vectors, both of our suite and mode_base', () => {
    expect(hpkeVectors.vectors).toHaveLength(2);
    for (const v of hpkeVectors.vectors) expect([v.mode, v.kem_id, v.kdf_id, v.aead_id]).toEqual([0, XWING_KEM_ID, KDF_ID, AEAD_ID]);
  });

  it('suite ids: HPKE suite_id as in the vectors, KEM suite_id 4b454d647a (draft-ietf-hpke-pq §4)', () => {
    for (const v of hpkeVectors.vectors) expect(hex(XWING_HPKE_SUITE_ID)).toBe(v.suite_id);
    expect(hex(XWING_KEM_SUITE_ID)).toBe('4b454d647a');
  });

  describe.each(hpkeVectors.vectors.map((v) => [`${v.draft} ${v.section}`, v] as const))('%s', (_name, v) => {
    const info = h(v.info);
    const skR = () => asKey<XWingSecretKey>(h(v.skRm));

    it('DeriveKeyPair(ikmR) = SHAKE256.LabeledDerive(ikmR, "DeriveKeyPair", "", 32) gives skRm, pkRm', () => {
      const r = xwingDeriveKeyPair(h(v.ikmR));
      expect(hex(r.secretKey)).toBe(v.skRm);
      expect(hex(r.publicKey)).toBe(v.pkRm);
      expect(hex(K.deriveKeyPair(h(v.ikmR)).secretKey)).toBe(v.skRm);
      expect(hex(K.publicKeyOf(skR()))).toBe(v.pkRm);
    });

    it('neither the seed-is-ikm reading nor the X-Wing draft §5.7 plain SHAKE256(ikm, 32) gives skRm', () => {
      expect(v.ikmR).not.toBe(v.skRm);
      expect(hex(shake256(h(v.ikmR), { dkLen: 32 }))).not.toBe(v.skRm);
    });

    it('EncapDerand(pkRm, ikmE) gives enc (1120 bytes) and shared_secret; Decap agrees', () => {
      expect(h(v.ikmE)).toHaveLength(64);
      const { enc, sharedSecret } = xwingEncap(h(v.pkRm), h(v.ikmE));
      expect(enc).toHaveLength(1120);
      expect(hex(enc)).toBe(v.enc);
      expect(hex(sharedSecret)).toBe(v.shared_secret);
      expect(hex(xwingDecap(h(v.enc), skR()))).toBe(v.shared_secret);
    });

    it('the key schedule gives key, base_nonce and exporter_secret on both sides', () => {
      const s = setupBaseS(K, h(v.pkRm), info, h(v.ikmE));
      const r = setupBaseR(K, h(v.enc), skR(), info);
      expect(hex(s.enc)).toBe(v.enc);
      for (const c of [s.context, r]) {
        expect(hex(c.suiteId)).toBe(v.suite_id);
        expect(hex(c.key)).toBe(v.key);
        expect(hex(c.baseNonce)).toBe(v.base_nonce);
        expect(hex(c.exporterSecret)).toBe(v.exporter_secret);
      }
    });

    it(`every nonce (${v.encryptions.length})`, () => {
      v.encryptions.forEach((e, seq) => expect(hex(computeNonce(h(v.base_nonce), seq))).toBe(e.nonce));
    });

    it(`sealing in order reproduces all ${v.encryptions.length} ciphertexts`, () => {
      const { context } = setupBaseS(K, h(v.pkRm), info, h(v.ikmE));
      v.encryptions.forEach((e, seq) => {
        expect(context.seq).toBe(seq);
        expect(hex(contextSeal(context, h(e.aad), h(e.pt)))).toBe(e.ct);
      });
    });

    it(`opening in order recovers all ${v.encryptions.length} plaintexts`, () => {
      const context = setupBaseR(K, h(v.enc), skR(), info);
      for (const e of v.encryptions) expect(hex(contextOpen(context, h(e.aad), h(e.ct)))).toBe(e.pt);
      expect(context.seq).toBe(v.encryptions.length);
    });

    it('each ciphertext opens at its own sequence number only', () => {
      v.encryptions.forEach((e, seq) => {
        const r = setupBaseR(K, h(v.enc), skR(), info);
        r.seq = seq;
        expect(hex(contextOpen(r, h(e.aad), h(e.ct)))).toBe(e.pt);
        const wrong = setupBaseR(K, h(v.enc), skR(), info);
        wrong.seq = (seq + 1) % v.encryptions.length;
        expect(() => contextOpen(wrong, h(e.aad), h(e.ct))).toThrow('decryption failed');
      });
    });

    it(`all ${v.exports.length} exports, from either side`, () => {
      const s = setupBaseS(K, h(v.pkRm), info, h(v.ikmE)).context;
      const r = setupBaseR(K, h(v.enc), skR(), info);
      for (const x of v.exports) {
        expect(hex(contextExport(s, h(x.exporter_context), x.L))).toBe(x.exported_value);
        expect(hex(contextExport(r, h(x.exporter_context), x.L))).toBe(x.exported_value);
      }
    });

    it('single-shot sealBase / openBase match the first encryption', () => {
      const first = v.encryptions[0]!;
      const sealed = sealBase(K, h(v.pkRm), info, h(first.aad), h(first.pt), h(v.ikmE));
      expect(hex(sealed.enc)).toBe(v.enc);
      expect(hex(sealed.ct)).toBe(first.ct);
      expect(hex(openBase(K, h(v.enc), skR(), info, h(first.aad), h(first.ct)))).toBe(first.pt);
    });
  });
});

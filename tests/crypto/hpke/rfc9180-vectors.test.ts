/**
 * RFC 9180 Appendix A.2.1 known answers for our suite (DHKEM(X25519, HKDF-SHA256), HKDF-SHA256,
 * ChaCha20Poly1305, mode_base): DeriveKeyPair, Encap/Decap, the key schedule, all six encryptions
 * (reached by sealing every sequence number from 0 to 256, so IncrementSeq is exercised too) and all
 * three exports. Sources in tests/vectors/README.md.
 */
import { bytesToHex, hexToBytes } from '@noble/hashes/utils.js';
import { describe, expect, it } from 'vitest';
import { computeNonce } from '../../../lib/crypto/hpke/compute-nonce';
import { contextExport } from '../../../lib/crypto/hpke/context-export';
import { contextOpen } from '../../../lib/crypto/hpke/context-open';
import { contextSeal } from '../../../lib/crypto/hpke/context-seal';
import { decap } from '../../../lib/crypto/hpke/decap';
import { deriveKeyPair } from '../../../lib/crypto/hpke/derive-key-pair';
import { encap } from '../../../lib/crypto/hpke/encap';
import { openBase } from '../../../lib/crypto/hpke/open-base';
import { sealBase } from '../../../lib/crypto/hpke/seal-base';
import { setupBaseR } from '../../../lib/crypto/hpke/setup-base-r';
import { X25519_KEM as K } from '../../../lib/crypto/hpke/x25519-kem';
import { setupBaseS } from '../../../lib/crypto/hpke/setup-base-s';
import { AEAD_ID, KDF_ID, KEM_ID } from '../../../lib/crypto/hpke/suite';
import { asKey, type HpkeSecretKey } from '../../../lib/crypto/keys';
import a21 from '../../vectors/hpke-rfc9180-a21.json';
import shared from '../../vectors/hpke-x25519.json';

const h = hexToBytes;
const info = h(a21.info);
const skR = () => asKey<HpkeSecretKey>(h(a21.skRm));
const ephemeral = () => deriveKeyPair(h(a21.ikmE));
/** EncapDerand's randomness for the generic API: ikmE itself (X25519_KEM runs DeriveKeyPair on it). */
const ikmE = () => h(a21.ikmE);

describe('RFC 9180 A.2.1 (mode_base, X25519 / HKDF-SHA256 / ChaCha20Poly1305)', () => {
  it('is the suite we implement', () => {
    expect([a21.mode, a21.kem_id, a21.kdf_id, a21.aead_id]).toEqual([0, KEM_ID, KDF_ID, AEAD_ID]);
  });

  it('DeriveKeyPair(ikmE) and DeriveKeyPair(ikmR) give the vector key pairs (§7.1.3)', () => {
    const e = deriveKeyPair(h(a21.ikmE));
    const r = deriveKeyPair(h(a21.ikmR));
    expect(bytesToHex(e.secretKey)).toBe(a21.skEm);
    expect(bytesToHex(e.publicKey)).toBe(a21.pkEm);
    expect(bytesToHex(r.secretKey)).toBe(a21.skRm);
    expect(bytesToHex(r.publicKey)).toBe(a21.pkRm);
  });

  it('Encap with the vector ephemeral key and Decap agree on enc and shared_secret (§4.1)', () => {
    const { enc, sharedSecret } = encap(h(a21.pkRm), ephemeral());
    expect(bytesToHex(enc)).toBe(a21.enc);
    expect(bytesToHex(sharedSecret)).toBe(a21.shared_secret);
    expect(bytesToHex(decap(h(a21.enc), skR()))).toBe(a21.shared_secret);
  });

  it('the key schedule gives key, base_nonce and exporter_secret on both sides (§5.1)', () => {
    const s = setupBaseS(K, h(a21.pkRm), info, ikmE());
    const r = setupBaseR(K, h(a21.enc), skR(), info);
    expect(bytesToHex(s.enc)).toBe(a21.enc);
    for (const context of [s.context, r]) {
      expect(bytesToHex(context.key)).toBe(a21.key);
      expect(bytesToHex(context.baseNonce)).toBe(a21.base_nonce);
      expect(bytesToHex(context.exporterSecret)).toBe(a21.exporter_secret);
      expect(context.seq).toBe(0);
    }
    expect(s.context.role).toBe('sender');
    expect(r.role).toBe('recipient');
  });

  it('ComputeNonce gives every vector nonce (§5.2)', () => {
    for (const e of a21.encryptions) expect(bytesToHex(computeNonce(h(a21.base_nonce), e.seq))).toBe(e.nonce);
  });

  it('sealing sequence numbers 0..256 in order reproduces all six vector ciphertexts', () => {
    const { context } = setupBaseS(K, h(a21.pkRm), info, ikmE());
    const wanted = new Map(a21.encryptions.map((e) => [e.seq, e]));
    let checked = 0;
    for (let seq = 0; seq <= 256; seq++) {
      const e = wanted.get(seq);
      const aad = new TextEncoder().encode(`Count-${seq}`);
      const ct = contextSeal(context, aad, h(a21.encryptions[0]!.pt));
      if (e) {
        expect(bytesToHex(aad)).toBe(e.aad);
        expect(bytesToHex(ct)).toBe(e.ct);
        checked++;
      }
    }
    expect(checked).toBe(6);
    expect(context.seq).toBe(257);
  });

  it('opening sequence numbers 0..256 in order recovers the plaintext of all six', () => {
    const context = setupBaseR(K, h(a21.enc), skR(), info);
    const wanted = new Map(a21.encryptions.map((e) => [e.seq, e]));
    const sender = setupBaseS(K, h(a21.pkRm), info, ikmE()).context;
    for (let seq = 0; seq <= 256; seq++) {
      const aad = new TextEncoder().encode(`Count-${seq}`);
      const e = wanted.get(seq);
      // The vectors only list some sequence numbers; the others are sealed here to keep both in step.
      const ct = e ? h(e.ct) : contextSeal(sender, aad, h(a21.encryptions[0]!.pt));
      if (e) sender.seq += 1;
      expect(bytesToHex(contextOpen(context, aad, ct))).toBe(a21.encryptions[0]!.pt);
    }
  });

  it('a vector ciphertext does not open at another sequence number', () => {
    const context = setupBaseR(K, h(a21.enc), skR(), info);
    const seq1 = a21.encryptions[1]!;
    expect(() => contextOpen(context, h(seq1.aad), h(seq1.ct))).toThrow('decryption failed');
    expect(context.seq).toBe(0);
  });

  it('exports all three vector values from either side (§5.3)', () => {
    const s = setupBaseS(K, h(a21.pkRm), info, ikmE()).context;
    const r = setupBaseR(K, h(a21.enc), skR(), info);
    for (const x of a21.exports) {
      expect(bytesToHex(contextExport(s, h(x.exporter_context), x.L))).toBe(x.exported_value);
      expect(bytesToHex(contextExport(r, h(x.exporter_context), x.L))).toBe(x.exported_value);
    }
  });

  it('single-shot sealBase/openBase match the first encryption (§6.1)', () => {
    const first = a21.encryptions[0]!;
    const sealed = sealBase(K, h(a21.pkRm), info, h(first.aad), h(first.pt), ikmE());
    expect(bytesToHex(sealed.enc)).toBe(a21.enc);
    expect(bytesToHex(sealed.ct)).toBe(first.ct);
    expect(bytesToHex(openBase(K, h(a21.enc), skR(), info, h(first.aad), h(first.ct)))).toBe(first.pt);
  });
});

describe('the shared vector file (tests/vectors/hpke-x25519.json)', () => {
  const ours = shared.vectors.filter((v) => v.aead === 'ChaCha20Poly1305 = 0x0003');

  it('has one ChaCha20Poly1305 vector, and it passes in full', () => {
    expect(ours).toHaveLength(1);
    for (const v of ours) {
      expect(v.mode).toBe(0);
      const e = deriveKeyPair(h(v.ikmE!));
      const r = deriveKeyPair(h(v.ikmR!));
      expect([bytesToHex(e.secretKey), bytesToHex(e.publicKey)]).toEqual([v.skEm, v.pkEm]);
      expect([bytesToHex(r.secretKey), bytesToHex(r.publicKey)]).toEqual([v.skRm, v.pkRm]);
      const { enc, context } = setupBaseS(K, h(v.pkRm), h(v.info), h(v.ikmE!));
      expect(bytesToHex(enc)).toBe(v.enc);
      expect([bytesToHex(context.key), bytesToHex(context.baseNonce), bytesToHex(context.exporterSecret)]).toEqual([
        v.key,
        v.base_nonce,
        v.exporter_secret,
      ]);
      expect(bytesToHex(decap(h(v.enc), asKey<HpkeSecretKey>(h(v.skRm))))).toBe(v.shared_secret);
      for (const x of v.encryptions) {
        const recipient = setupBaseR(K, h(v.enc), asKey<HpkeSecretKey>(h(v.skRm)), h(v.info));
        recipient.seq = x.seq;
        expect(bytesToHex(contextOpen(recipient, h(x.aad), h(x.ct)))).toBe(x.pt);
      }
    }
  });

  it('the AES-128-GCM vector (A.1.1) shares our KEM: its Encap/Decap agree, the rest of its suite is not ours', () => {
    const v = shared.vectors.find((x) => x.aead === 'AES-128-GCM = 0x0001')!;
    const skEm = asKey<HpkeSecretKey>(h(v.skEm));
    const { enc, sharedSecret } = encap(h(v.pkRm), { secretKey: skEm, publicKey: h(v.pkEm) });
    expect(bytesToHex(enc)).toBe(v.enc);
    expect(bytesToHex(sharedSecret)).toBe(v.shared_secret);
    expect(bytesToHex(decap(h(v.enc), asKey<HpkeSecretKey>(h(v.skRm))))).toBe(v.shared_secret);
  });
});

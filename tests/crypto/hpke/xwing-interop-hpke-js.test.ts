/**
 * Interoperability with an independent X-Wing HPKE from npm: @hpke/core + @hpke/hybridkem-x-wing
 * (X-Wing over the `mlkem` package and @hpke/dhkem-x25519) + @hpke/chacha20poly1305, dev-only.
 * Both directions, multi-message contexts with aad, single-shot, exports, and keys made on either side.
 */
import { Chacha20Poly1305 } from '@hpke/chacha20poly1305';
import { CipherSuite, HkdfSha256 } from '@hpke/core';
import { XWing } from '@hpke/hybridkem-x-wing';
import { bytesToHex, hexToBytes, utf8ToBytes } from '@noble/hashes/utils.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { contextExport } from '../../../lib/crypto/hpke/context-export';
import { contextOpen } from '../../../lib/crypto/hpke/context-open';
import { contextSeal } from '../../../lib/crypto/hpke/context-seal';
import { openBase } from '../../../lib/crypto/hpke/open-base';
import { sealBase } from '../../../lib/crypto/hpke/seal-base';
import { setupBaseR } from '../../../lib/crypto/hpke/setup-base-r';
import { setupBaseS } from '../../../lib/crypto/hpke/setup-base-s';
import { XWING_KEM as K } from '../../../lib/crypto/hpke/xwing-kem';
import { asKey, type XWingSecretKey } from '../../../lib/crypto/keys';
import hpkeVectors from '../../vectors/hpke-xwing.json';

const u8 = (b: ArrayBuffer | Uint8Array) => new Uint8Array(b);
/** importKey('raw', …) takes an ArrayBuffer: a fresh copy of the bytes. */
const ab = (b: Uint8Array) => b.slice().buffer as ArrayBuffer;
const hex = bytesToHex;
const h = hexToBytes;

function theirSuite() {
  return new CipherSuite({ kem: new XWing(), kdf: new HkdfSha256(), aead: new Chacha20Poly1305() });
}

/** Messages of several sizes (up to ~4 KiB) with distinct aad, including empty ones. */
const MESSAGES = [0, 1, 15, 16, 17, 64, 1000, 1024, 4096].map((n, i) => ({
  pt: Uint8Array.from({ length: n }, (_, j) => (j * 7 + i) & 0xff),
  aad: i % 3 === 0 ? new Uint8Array(0) : utf8ToBytes(`aad-${i}`),
}));
const EXPORTS = [
  { ctx: new Uint8Array(0), L: 32 },
  { ctx: utf8ToBytes('sealpass export'), L: 64 },
  { ctx: Uint8Array.of(0), L: 1 },
  { ctx: utf8ToBytes('long'), L: 255 },
];

describe('@hpke/hybridkem-x-wing is the suite we think it is', () => {
  it('KEM id 0x647a and the X-Wing sizes', () => {
    const kem = new XWing();
    expect([kem.id, kem.secretSize, kem.encSize, kem.publicKeySize, kem.privateKeySize]).toEqual([0x647a, 32, 1120, 1216, 32]);
  });

  it('its keys from a seed equal ours; its generated keys serialise to a seed whose public key we compute alike', async () => {
    const suite = theirSuite();
    const xwing = new XWing();
    for (const v of hpkeVectors.vectors) {
      const kp = await xwing.generateKeyPairDerand(h(v.skRm));
      expect(hex(u8(await suite.kem.serializePublicKey(kp.publicKey)))).toBe(v.pkRm);
    }
    const theirs = await suite.kem.generateKeyPair();
    const seed = u8(await suite.kem.serializePrivateKey(theirs.privateKey));
    expect(seed).toHaveLength(32);
    expect(hex(K.publicKeyOf(asKey<XWingSecretKey>(seed)))).toBe(hex(u8(await suite.kem.serializePublicKey(theirs.publicKey))));
  });

  it('its DeriveKeyPair follows the X-Wing draft §5.7 (plain SHAKE256), not draft-ietf-hpke-pq: it misses skRm', async () => {
    const suite = theirSuite();
    for (const v of hpkeVectors.vectors) {
      const kp = await suite.kem.deriveKeyPair(ab(h(v.ikmR)));
      const sk = hex(u8(await suite.kem.serializePrivateKey(kp.privateKey)));
      expect(sk).not.toBe(v.skRm);
      expect(hex(K.deriveKeyPair(h(v.ikmR)).secretKey)).toBe(v.skRm);
    }
  });

  it('with the vector ikmE as ekm, it reproduces the vector enc and every ciphertext and export (so do we)', async () => {
    const suite = theirSuite();
    for (const v of hpkeVectors.vectors) {
      const pk = await suite.kem.importKey('raw', ab(h(v.pkRm)), true);
      const sender = await suite.createSenderContext({ recipientPublicKey: pk, info: h(v.info), ekm: h(v.ikmE) });
      expect(hex(u8(sender.enc))).toBe(v.enc);
      for (const e of v.encryptions) expect(hex(u8(await sender.seal(h(e.pt), h(e.aad))))).toBe(e.ct);
      for (const x of v.exports) expect(hex(u8(await sender.export(h(x.exporter_context), x.L)))).toBe(x.exported_value);
    }
  });
});

describe('ours → theirs', () => {
  it('a multi-message context: they open every message in order, and export the same secrets', async () => {
    const suite = theirSuite();
    const r = K.generateKeyPair();
    const info = utf8ToBytes('sealpass share v2');
    const { enc, context } = setupBaseS(K, r.publicKey, info);
    expect(enc).toHaveLength(1120);
    const cts = MESSAGES.map((m) => contextSeal(context, m.aad, m.pt));
    const recipient = await suite.createRecipientContext({
      recipientKey: await suite.kem.importKey('raw', ab(r.secretKey), false),
      enc,
      info,
    });
    for (const [i, m] of MESSAGES.entries()) expect(hex(u8(await recipient.open(cts[i]!, m.aad)))).toBe(hex(m.pt));
    for (const x of EXPORTS) expect(hex(u8(await recipient.export(x.ctx, x.L)))).toBe(hex(contextExport(context, x.ctx, x.L)));
  });

  it('single-shot, random plaintext, info and aad (seeded property, 30 runs)', async () => {
    const suite = theirSuite();
    const r = K.generateKeyPair();
    const skR = await suite.kem.importKey('raw', ab(r.secretKey), false);
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 2048 }), fc.uint8Array({ maxLength: 64 }), fc.uint8Array({ maxLength: 64 }), async (pt, info, aad) => {
        const { enc, ct } = sealBase(K, r.publicKey, info, aad, pt);
        expect(hex(u8(await suite.open({ recipientKey: skR, enc, info }, ct, aad)))).toBe(hex(pt));
      }),
      { seed: 0x58a1, numRuns: 30 },
    );
  });
});

describe('theirs → ours', () => {
  it('a multi-message context: we open every message in order, and export the same secrets', async () => {
    const suite = theirSuite();
    const theirKeys = await suite.kem.generateKeyPair();
    const skR = asKey<XWingSecretKey>(u8(await suite.kem.serializePrivateKey(theirKeys.privateKey)));
    const info = utf8ToBytes('sealpass share v2');
    const sender = await suite.createSenderContext({ recipientPublicKey: theirKeys.publicKey, info });
    const cts = [];
    for (const m of MESSAGES) cts.push(u8(await sender.seal(m.pt, m.aad)));
    const context = setupBaseR(K, u8(sender.enc), skR, info);
    for (const [i, m] of MESSAGES.entries()) expect(hex(contextOpen(context, m.aad, cts[i]!))).toBe(hex(m.pt));
    for (const x of EXPORTS) expect(hex(contextExport(context, x.ctx, x.L))).toBe(hex(u8(await sender.export(x.ctx, x.L))));
  });

  it('single-shot to a key we generated, random plaintext, info and aad (seeded property, 30 runs)', async () => {
    const suite = theirSuite();
    const r = K.generateKeyPair();
    const pkR = await suite.kem.importKey('raw', ab(r.publicKey), true);
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 2048 }), fc.uint8Array({ maxLength: 64 }), fc.uint8Array({ maxLength: 64 }), async (pt, info, aad) => {
        const { ct, enc } = await suite.seal({ recipientPublicKey: pkR, info }, pt, aad);
        expect(hex(openBase(K, u8(enc), r.secretKey, info, aad, u8(ct)))).toBe(hex(pt));
      }),
      { seed: 0x58a2, numRuns: 30 },
    );
  });
});

/**
 * Negative cases for X-Wing HPKE, in our implementation and in @hpke/hybridkem-x-wing: wrong-length
 * public keys, enc and secret keys, corrupted enc (ML-KEM part, X25519 part, low-order X25519 part),
 * malformed public keys (ML-KEM modulus, low-order X25519). Each must fail; the error each library
 * throws is recorded and printed (see the report).
 */
import { Chacha20Poly1305 } from '@hpke/chacha20poly1305';
import { CipherSuite, HkdfSha256 } from '@hpke/core';
import { XWing } from '@hpke/hybridkem-x-wing';
import { sha3_256 } from '@noble/hashes/sha3.js';
import { concatBytes, utf8ToBytes } from '@noble/hashes/utils.js';
import { ml_kem768 } from '@noble/post-quantum/ml-kem.js';
import { afterAll, describe, expect, it } from 'vitest';
import { contextSeal } from '../../../lib/crypto/hpke/context-seal';
import { keySchedule } from '../../../lib/crypto/hpke/key-schedule';
import { openBase } from '../../../lib/crypto/hpke/open-base';
import { sealBase } from '../../../lib/crypto/hpke/seal-base';
import { X25519_KEM } from '../../../lib/crypto/hpke/x25519-kem';
import { xwingDecap } from '../../../lib/crypto/hpke/xwing-decap';
import { xwingEncap } from '../../../lib/crypto/hpke/xwing-encap';
import { XWING_KEM as K } from '../../../lib/crypto/hpke/xwing-kem';
import { XWING_HPKE_SUITE_ID } from '../../../lib/crypto/hpke/xwing-suite';
import type { XWingSecretKey } from '../../../lib/crypto/keys';
import { DecryptError } from '../../../lib/crypto/sealed';

const info = utf8ToBytes('negative');
const aad = utf8ToBytes('aad');
const pt = utf8ToBytes('correct horse battery staple');
const ab = (b: Uint8Array) => b.slice().buffer as ArrayBuffer;
const suite = () => new CipherSuite({ kem: new XWing(), kdf: new HkdfSha256(), aead: new Chacha20Poly1305() });

/** What each library threw, per case, printed at the end. */
const table: { case: string; ours: string; theirs: string }[] = [];
const describeError = (e: unknown) => (e instanceof Error ? `${e.name}: ${e.message}` : String(e));
function oursThrows(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    return describeError(e);
  }
  throw new Error('expected our call to throw');
}
async function theirsThrows(f: () => Promise<unknown>): Promise<string> {
  try {
    await f();
  } catch (e) {
    return describeError(e);
  }
  throw new Error('expected their call to throw');
}

const r = K.generateKeyPair();
const good = sealBase(K, r.publicKey, info, aad, pt);
const lowOrder = [new Uint8Array(32), Uint8Array.of(1, ...new Uint8Array(31))];
const withTail = (bytes: Uint8Array, from: number, tail: Uint8Array) => {
  const out = bytes.slice();
  out.set(tail, from);
  return out;
};
const flip = (bytes: Uint8Array, bit: number) => {
  const out = bytes.slice();
  out[bit >> 3]! ^= 1 << (bit & 7);
  return out;
};

/** Opening with theirs: import the key, set up the recipient context, open one message. */
async function theirOpen(enc: Uint8Array, sk: Uint8Array, ct: Uint8Array) {
  const s = suite();
  const recipientKey = await s.kem.importKey('raw', ab(sk), false);
  const recipient = await s.createRecipientContext({ recipientKey, enc: ab(enc), info });
  return recipient.open(ab(ct), ab(aad));
}
/** Sealing with theirs to raw public-key bytes. */
async function theirSeal(pk: Uint8Array) {
  const s = suite();
  const recipientPublicKey = await s.kem.importKey('raw', ab(pk), true);
  return s.seal({ recipientPublicKey, info }, ab(pt), ab(aad));
}

describe('wrong-length inputs fail in both libraries', () => {
  for (const n of [0, 32, 1215, 1217]) {
    it(`public key of ${n} bytes${n === 32 ? ' (a v1 X25519 key)' : ''}`, async () => {
      expect(() => xwingEncap(new Uint8Array(n))).toThrow(RangeError);
      const ours = oursThrows(() => sealBase(K, withLen(r.publicKey, n), info, aad, pt));
      const theirs = await theirsThrows(() => theirSeal(withLen(r.publicKey, n)));
      table.push({ case: `seal to a ${n}-byte public key`, ours, theirs });
    });
  }

  for (const n of [0, 32, 1119, 1121]) {
    it(`enc of ${n} bytes`, async () => {
      expect(() => xwingDecap(withLen(good.enc, n), r.secretKey)).toThrow(RangeError);
      expect(() => openBase(K, withLen(good.enc, n), r.secretKey, info, aad, good.ct)).toThrow(DecryptError);
      const ours = `${oursThrows(() => xwingDecap(withLen(good.enc, n), r.secretKey))} → openBase: ${oursThrows(() => openBase(K, withLen(good.enc, n), r.secretKey, info, aad, good.ct))}`;
      const theirs = await theirsThrows(() => theirOpen(withLen(good.enc, n), r.secretKey, good.ct));
      table.push({ case: `open with a ${n}-byte enc`, ours, theirs });
    });
  }

  for (const n of [31, 33, 64]) {
    it(`secret key of ${n} bytes`, async () => {
      const bad = withLen(r.secretKey, n) as XWingSecretKey;
      expect(() => xwingDecap(good.enc, bad)).toThrow(RangeError);
      const ours = oursThrows(() => openBase(K, good.enc, bad, info, aad, good.ct));
      const theirs = await theirsThrows(() => theirOpen(good.enc, withLen(r.secretKey, n), good.ct));
      table.push({ case: `open with a ${n}-byte secret key`, ours, theirs });
    });
  }
});

describe('corrupted enc fails to open in both libraries', () => {
  // Bits in ct_M (0..8703) and in ct_X (8704..8959); 8959 is the top bit of ct_X, which X25519 masks
  // (RFC 7748 §5) — the combiner still hashes ct_X as bytes, so the secret changes all the same.
  for (const bit of [0, 1000, 8703, 8704, 8800, 8958, 8959]) {
    it(`one flipped bit of enc at bit ${bit} (${bit < 8704 ? 'ML-KEM ciphertext' : 'X25519 ephemeral key'})`, async () => {
      const enc = flip(good.enc, bit);
      // ML-KEM's implicit rejection: decapsulation itself succeeds, with another secret.
      expect(xwingDecap(enc, r.secretKey)).not.toEqual(xwingDecap(good.enc, r.secretKey));
      const ours = oursThrows(() => openBase(K, enc, r.secretKey, info, aad, good.ct));
      expect(ours).toBe('DecryptError: decryption failed');
      const theirs = await theirsThrows(() => theirOpen(enc, r.secretKey, good.ct));
      table.push({ case: `open with enc bit ${bit} flipped`, ours, theirs });
    });
  }

  for (const [i, point] of lowOrder.entries()) {
    it(`ct_X replaced by the low-order point u=${i}`, async () => {
      const enc = withTail(good.enc, 1088, point);
      const ours = `${oursThrows(() => xwingDecap(enc, r.secretKey))} → openBase: ${oursThrows(() => openBase(K, enc, r.secretKey, info, aad, good.ct))}`;
      const theirs = await theirsThrows(() => theirOpen(enc, r.secretKey, good.ct));
      table.push({ case: `open with ct_X = low-order u=${i}`, ours, theirs });
    });
  }

  it('a hand-made enc with a low-order ct_X, sealed under the secret the X-Wing draft would derive: both reject it', async () => {
    // The draft's Decapsulate has no all-zero check: with ct_X = 0, ss_X = 0 and the sender, who knows
    // ss_M, can compute the combined secret. noble (ours) and @hpke/dhkem-x25519 (theirs) both refuse
    // a low-order X25519 input, so such an enc fails in both, where the letter of the draft would open it.
    const m = new Uint8Array(32).fill(9);
    const pkM = r.publicKey.subarray(0, 1184);
    const pkX = r.publicKey.subarray(1184);
    const { cipherText: ctM, sharedSecret: ssM } = ml_kem768.encapsulate(pkM, m);
    const ctX = new Uint8Array(32);
    const ss = sha3_256(concatBytes(ssM, new Uint8Array(32), ctX, pkX, Uint8Array.from([0x5c, 0x2e, 0x2f, 0x2f, 0x5e, 0x5c])));
    const enc = concatBytes(ctM, ctX);
    const ct = contextSeal(keySchedule(XWING_HPKE_SUITE_ID, 'sender', ss, info), aad, pt);
    const ours = oursThrows(() => openBase(K, enc, r.secretKey, info, aad, ct));
    expect(ours).toBe('DecryptError: decryption failed');
    const theirs = await theirsThrows(() => theirOpen(enc, r.secretKey, ct));
    table.push({ case: 'open a draft-valid enc with ct_X = 0 (ss_X = 0)', ours, theirs });
  });

  it('wrong recipient key, wrong info, wrong aad, truncated ct: DecryptError (ours) and an error (theirs)', async () => {
    const other = K.generateKeyPair();
    expect(() => openBase(K, good.enc, other.secretKey, info, aad, good.ct)).toThrow(DecryptError);
    expect(() => openBase(K, good.enc, r.secretKey, utf8ToBytes('other'), aad, good.ct)).toThrow(DecryptError);
    expect(() => openBase(K, good.enc, r.secretKey, info, utf8ToBytes('other'), good.ct)).toThrow(DecryptError);
    expect(() => openBase(K, good.enc, r.secretKey, info, aad, good.ct.subarray(1))).toThrow(DecryptError);
    const theirs = await theirsThrows(() => theirOpen(good.enc, other.secretKey, good.ct));
    table.push({ case: 'open with the wrong secret key', ours: 'DecryptError: decryption failed', theirs });
  });
});

describe('malformed public keys are refused at seal time', () => {
  it('ML-KEM encapsulation key check (FIPS 203 §7.2): a coefficient ≥ q', async () => {
    const pk = r.publicKey.slice();
    pk[0] = 0xff;
    pk[1]! |= 0x0f; // first 12-bit coefficient = 0xfff = 4095 ≥ 3329
    const ours = oursThrows(() => sealBase(K, pk, info, aad, pt));
    expect(ours).toContain('wrong publicKey modulus');
    let theirs: string;
    try {
      await theirSeal(pk);
      theirs = 'ACCEPTED (no encapsulation key check)';
    } catch (e) {
      theirs = describeError(e);
    }
    table.push({ case: 'seal to a pk whose ML-KEM part fails the modulus check', ours, theirs });
  });

  for (const [i, point] of lowOrder.entries()) {
    it(`pk_X is the low-order point u=${i}`, async () => {
      const pk = withTail(r.publicKey, 1184, point);
      const ours = oursThrows(() => sealBase(K, pk, info, aad, pt));
      const theirs = await theirsThrows(() => theirSeal(pk));
      table.push({ case: `seal to a pk with pk_X = low-order u=${i}`, ours, theirs });
    });
  }

  it('a v1 X25519 key pair cannot be used with the X-Wing KEM, nor the reverse (types and sizes)', () => {
    const v1 = X25519_KEM.generateKeyPair();
    expect(() => sealBase(K, v1.publicKey, info, aad, pt)).toThrow(RangeError);
    expect(() => sealBase(X25519_KEM, r.publicKey, info, aad, pt)).toThrow(RangeError);
    // @ts-expect-error an X25519 secret key is not an X-Wing secret key
    expect(() => openBase(K, good.enc, v1.secretKey, info, aad, good.ct)).toThrow(DecryptError);
  });
});

afterAll(() => {
  const lines = table.map((row) => `| ${row.case} | ${row.ours} | ${row.theirs} |`);
  console.log(['| case | ours | @hpke/hybridkem-x-wing |', '|---|---|---|', ...lines].join('\n'));
});

/** `bytes` cut or zero-padded to `n` bytes. */
function withLen(bytes: Uint8Array, n: number): Uint8Array {
  const out = new Uint8Array(n);
  out.set(bytes.subarray(0, Math.min(n, bytes.length)));
  return out;
}

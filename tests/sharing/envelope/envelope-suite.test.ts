/**
 * The envelope suite (issue 16, DESIGN §12): which HPKE KEM an envelope uses is named in the clear address,
 * bound as aad and covered by the signed header, and follows the recipient's pinned keys: X-Wing to a
 * contact whose pinned bundle has an X-Wing key, X25519 to one without. The attacks: a downgrade to the
 * classic suite after the sender had the X-Wing key (T11, T27), a suite rewritten in the clear address, and
 * wrong-length or corrupted encapsulations, each refused as one EnvelopeError with a coarse reason only.
 */
import { describe, expect, it } from 'vitest';
import { fromBase64, toBase64 } from '../../../lib/crypto/base64';
import { EnvelopeError, type EnvelopeErrorReason } from '../../../lib/sharing/envelope/envelope-error';
import type { EnvelopeBodyInput, EnvelopeHeader } from '../../../lib/sharing/envelope/envelope-schema';
import { envelopeSuiteFor } from '../../../lib/sharing/envelope/envelope-suite';
import { newShareId } from '../../../lib/sharing/envelope/new-share-id';
import { openEnvelope } from '../../../lib/sharing/envelope/open-envelope';
import { peekEnvelope } from '../../../lib/sharing/envelope/peek-envelope';
import { readEnvelopeAddress } from '../../../lib/sharing/envelope/read-envelope-address';
import { sealEnvelope, type EnvelopeDraft } from '../../../lib/sharing/envelope/seal-envelope';
import { bundleFingerprint } from '../../../lib/sharing/identity/bundle-fingerprint';
import type { Identity } from '../../../lib/sharing/identity/identity';
import { keyFingerprint } from '../../../lib/sharing/identity/key-fingerprint';
import { craftEnvelope, rewrite } from '../craft-envelope';
import { DAY, NOW, person, publicOf, sampleLogin } from '../fixtures';

const alice = person('alice');
const bob = person('bob');
/** Bob before bundle v2: the same X25519 and Ed25519 keys, no X-Wing key. */
const { xwingKey: _pq, xwingSecretKey: _pqSecret, ...bobClassic } = bob;
const bobV1: Identity = bobClassic;

function draft(body: EnvelopeBodyInput): EnvelopeDraft {
  return { shareId: newShareId(), itemId: 'a1b2c3d4e5f60718293a4b5c6d7e8f90', version: 1, created: NOW, body };
}
const offer = () => draft({ kind: 'share-offer', item: sampleLogin(), permission: 'view', expiresAt: null });

function refusal(action: () => unknown): EnvelopeError {
  try {
    action();
  } catch (error) {
    expect(error).toBeInstanceOf(EnvelopeError);
    return error as EnvelopeError;
  }
  throw new Error('expected a refusal');
}

/** One error, a coarse reason and nothing else: no cause, no KEM or AEAD message, no envelope bytes. */
function expectRefused(action: () => unknown, reason: EnvelopeErrorReason) {
  const error = refusal(action);
  expect(error.reason).toBe(reason);
  expect(error.message).toBe(`envelope refused (${reason})`);
  expect(error.cause).toBeUndefined();
  expect(Object.keys(error)).toEqual(['reason', 'name']);
}

/** Alice's properly signed header to bob, as her client would make it with `fingerprint` pinned for him. */
function headerTo(suite: EnvelopeHeader['suite'], fingerprint: Uint8Array): EnvelopeHeader {
  return {
    v: 2,
    suite,
    kind: 'share-offer',
    sender: { handle: 'alice', fingerprint: toBase64(keyFingerprint(alice)) },
    recipient: { fingerprint: toBase64(fingerprint) },
    shareId: newShareId(),
    itemId: 'item-1',
    version: 1,
    created: NOW,
  };
}
const offerBody = { kind: 'share-offer', item: sampleLogin(), permission: 'view', expiresAt: null };

describe('T27: the suite follows the recipient\'s pinned keys and is named in the signed header', () => {
  const bodies: EnvelopeBodyInput[] = [
    { kind: 'share-offer', item: sampleLogin(), permission: 'edit', expiresAt: null },
    { kind: 'share-update', item: sampleLogin('new'), permission: 'edit', expiresAt: null },
    { kind: 'share-revoke' },
    { kind: 'edit-proposal', item: sampleLogin('edited'), baseVersion: 1 },
    { kind: 'receipt', event: 'accepted', at: NOW },
    { kind: 'share-decline' },
  ];

  it('T27: to a contact pinned with an X-Wing key: every kind goes X-Wing (1,120-byte enc), naming his whole bundle', () => {
    for (const body of bodies) {
      const text = sealEnvelope(alice, publicOf(bob, { pq: true }), draft(body));
      const { address, enc } = readEnvelopeAddress(text);
      expect(address).toMatchObject({ suite: 'xwing', recipient: { fingerprint: toBase64(bundleFingerprint(bob)) } });
      expect(fromBase64(enc)).toHaveLength(1120);
      const opened = openEnvelope(text, bob, publicOf(alice));
      expect(opened.header.suite).toBe('xwing');
      expect(opened.body.kind).toBe(body.kind);
    }
  });

  it('T27: to a contact pinned without one (not upgraded yet): X25519 (32-byte enc), naming his X25519 and Ed25519 keys; it opens after his upgrade too', () => {
    expect(envelopeSuiteFor(publicOf(bob))).toBe('x25519');
    const text = sealEnvelope(alice, publicOf(bob), offer());
    const { address, enc } = readEnvelopeAddress(text);
    expect(address).toMatchObject({ suite: 'x25519', recipient: { fingerprint: toBase64(keyFingerprint(bob)) } });
    expect(fromBase64(enc)).toHaveLength(32);
    expect(openEnvelope(text, bobV1, publicOf(alice)).header.suite).toBe('x25519');
    // Sealed before alice saw bob's upgrade, opened after it: his X25519 key did not change.
    expect(openEnvelope(text, bob, publicOf(alice)).header.suite).toBe('x25519');
  });
});

describe('T11/T27: no downgrade', () => {
  it('T11/T27: a classic envelope naming the whole v2 bundle (the sender had the X-Wing key) is refused, properly signed or not, opened or peeked', () => {
    const downgraded = craftEnvelope({ header: headerTo('x25519', bundleFingerprint(bob)), body: offerBody, signer: alice.signingSecretKey, sealTo: bob.encryptionKey });
    expectRefused(() => openEnvelope(downgraded, bob, publicOf(alice)), 'misaddressed');
    expectRefused(() => peekEnvelope(downgraded, bob), 'misaddressed');
    // The control: the same header on the X-Wing suite opens.
    const proper = craftEnvelope({ header: headerTo('xwing', bundleFingerprint(bob)), body: offerBody, signer: alice.signingSecretKey, sealTo: bob.xwingKey! });
    expect(openEnvelope(proper, bob, publicOf(alice)).header.suite).toBe('xwing');
  });

  it('T11/T27: the suite rewritten in the clear address is refused: with the encapsulation left, and with one of the other suite\'s length', () => {
    const pq = sealEnvelope(alice, publicOf(bob, { pq: true }), offer());
    const classic = sealEnvelope(alice, publicOf(bob), offer());
    expectRefused(() => openEnvelope(rewrite(pq, (e) => void (e.address.suite = 'x25519')), bob, publicOf(alice)), 'malformed');
    expectRefused(() => openEnvelope(rewrite(classic, (e) => void (e.address.suite = 'xwing')), bob, publicOf(alice)), 'malformed');
    // A relay that swaps in a classic encapsulation of its own: the address now claims the sender did not
    // have bob's X-Wing key, which the signed fingerprint contradicts.
    const swapped = rewrite(pq, (e) => ({ ...e, address: { ...e.address, suite: 'x25519' }, enc: toBase64(person('mallory').encryptionKey) }));
    expectRefused(() => openEnvelope(swapped, bob, publicOf(alice)), 'misaddressed');
    // And the other way: X-Wing named for bob's classic fingerprint, which no sender makes.
    const upgradedAddress = rewrite(classic, (e) => ({ ...e, address: { ...e.address, suite: 'xwing' }, enc: JSON.parse(pq).enc }));
    expectRefused(() => openEnvelope(upgradedAddress, bob, publicOf(alice)), 'misaddressed');
  });

  it('T11/T27: X-Wing to a recipient without an X-Wing key (an identity before bundle v2) is refused, not opened with the X25519 key', () => {
    const header = headerTo('xwing', keyFingerprint(bob));
    const crafted = craftEnvelope({ header, body: offerBody, signer: alice.signingSecretKey, sealTo: bob.xwingKey! });
    expectRefused(() => openEnvelope(crafted, bobV1, publicOf(alice)), 'misaddressed');
  });

  it('T11/T27: the X-Wing suite named but a classic encapsulation inside is malformed before any key is touched', () => {
    const crafted = craftEnvelope({ header: headerTo('xwing', bundleFingerprint(bob)), body: offerBody, signer: alice.signingSecretKey, sealTo: bob.encryptionKey, kem: 'x25519' });
    expectRefused(() => openEnvelope(crafted, bob, publicOf(alice)), 'malformed');
  });
});

describe('T27: wrong-length and corrupted X-Wing encapsulations fail like any other envelope failure', () => {
  const text = sealEnvelope(alice, publicOf(bob, { pq: true }), offer());
  const enc = fromBase64(readEnvelopeAddress(text).enc);
  const withEnc = (bytes: Uint8Array) => rewrite(text, (e) => void (e.enc = toBase64(bytes)));
  const open = (t: string) => () => openEnvelope(t, bob, publicOf(alice));

  it('T11/T27: wrong lengths (0, 32, 1,088, 1,119, 1,121, 2,240 bytes): malformed', () => {
    for (const n of [0, 32, 1088, 1119, 1121, 2240]) {
      const other = new Uint8Array(n);
      other.set(enc.subarray(0, Math.min(n, enc.length)));
      expectRefused(open(withEnc(other)), 'malformed');
    }
    // The same for the classic suite: 31 and 33 bytes have the 44 base64 characters of 32.
    const classic = sealEnvelope(alice, publicOf(bob), offer());
    const classicEnc = fromBase64(readEnvelopeAddress(classic).enc);
    for (const bytes of [classicEnc.subarray(0, 31), new Uint8Array([...classicEnc, 0])]) {
      expectRefused(() => openEnvelope(rewrite(classic, (e) => void (e.enc = toBase64(bytes))), bob, publicOf(alice)), 'malformed');
    }
  });

  it('T11/T27: a flipped bit in the ML-KEM ciphertext or in the X25519 ephemeral key, a low-order X25519 part, all zeros, another envelope\'s encapsulation: unauthentic', () => {
    const variants: Uint8Array[] = [];
    for (const byte of [0, 500, 1087, 1088, 1119]) {
      const flipped = enc.slice();
      flipped[byte]! ^= 0x01;
      variants.push(flipped);
    }
    const lowOrder = enc.slice();
    lowOrder.fill(0, 1088);
    variants.push(lowOrder, new Uint8Array(1120));
    variants.push(fromBase64(readEnvelopeAddress(sealEnvelope(alice, publicOf(bob, { pq: true }), offer())).enc));
    for (const v of variants) expectRefused(open(withEnc(v)), 'unauthentic');
    // The control: the untouched envelope opens.
    expect(openEnvelope(text, bob, publicOf(alice)).header.suite).toBe('xwing');
  });
});

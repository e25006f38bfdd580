/**
 * sealEnvelope / openEnvelope / readEnvelopeAddress: round trips for every kind, what the relay sees
 * (T07), and refusal of every tampering — each address and sealed header field, the recipient, the
 * version, the signature, a wrong key, truncation, oversize, the old format and wrong JSON — each as an
 * EnvelopeError with a coarse reason and nothing else (S2, S6).
 */
import { utf8ToBytes } from '@noble/hashes/utils.js';
import { describe, expect, it } from 'vitest';
import { fromBase64, toBase64 } from '../../../lib/crypto/base64';
import { EnvelopeError, type EnvelopeErrorReason } from '../../../lib/sharing/envelope/envelope-error';
import { MAX_ENVELOPE_BYTES, type EnvelopeBodyInput, type EnvelopeHeader } from '../../../lib/sharing/envelope/envelope-schema';
import { keyFingerprint } from '../../../lib/sharing/identity/key-fingerprint';
import { newShareId } from '../../../lib/sharing/envelope/new-share-id';
import { openEnvelope } from '../../../lib/sharing/envelope/open-envelope';
import { readEnvelopeAddress } from '../../../lib/sharing/envelope/read-envelope-address';
import { sealEnvelope, type EnvelopeDraft } from '../../../lib/sharing/envelope/seal-envelope';
import { addressOf, craftEnvelope, rewrite } from '../craft-envelope';
import { DAY, NOW, person, publicOf, sampleLogin } from '../fixtures';

const alice = person('alice');
const bob = person('bob');
const carol = person('carol');

function draft(body: EnvelopeBodyInput, extra: Partial<EnvelopeDraft> = {}): EnvelopeDraft {
  return { shareId: newShareId(), itemId: 'a1b2c3d4e5f60718293a4b5c6d7e8f90', version: 1, created: NOW, body, ...extra };
}

const offer = (expiresAt: number | null = NOW + 7 * DAY) =>
  draft({ kind: 'share-offer', item: sampleLogin(), permission: 'autofill-only', expiresAt }, expiresAt === null ? {} : { expiresAt });

function expectRefused(action: () => unknown, reason: EnvelopeErrorReason) {
  let error: unknown;
  try {
    action();
  } catch (e) {
    error = e;
  }
  expect(error).toBeInstanceOf(EnvelopeError);
  expect((error as EnvelopeError).reason).toBe(reason);
  expect((error as EnvelopeError).message).toBe(`envelope refused (${reason})`);
}

describe('sealEnvelope / openEnvelope round trips', () => {
  const bodies: EnvelopeBodyInput[] = [
    { kind: 'share-update', item: sampleLogin('new password'), permission: 'edit', expiresAt: null },
    { kind: 'share-revoke' },
    { kind: 'edit-proposal', item: sampleLogin('edited'), baseVersion: 3 },
    { kind: 'receipt', event: 'opened', at: NOW + 5 },
    { kind: 'share-decline' },
  ];

  it('an offer opens with header and body intact, sealed to bob and signed by alice', () => {
    const d = offer();
    const text = sealEnvelope(alice, publicOf(bob), d);
    const opened = openEnvelope(text, bob, publicOf(alice));
    expect(opened.body).toEqual({ kind: 'share-offer', item: sampleLogin(), permission: 'autofill-only', expiresAt: NOW + 7 * DAY });
    expect(opened.header).toEqual({
      v: 2,
      suite: 'x25519',
      kind: 'share-offer',
      sender: { handle: 'alice', fingerprint: toBase64(keyFingerprint(alice)) },
      recipient: { fingerprint: toBase64(keyFingerprint(bob)) },
      shareId: d.shareId,
      itemId: d.itemId,
      version: 1,
      created: NOW,
      expiresAt: NOW + 7 * DAY,
    });
    expect(readEnvelopeAddress(text).address).toEqual(addressOf(opened.header));
  });

  it.each(bodies.map((b) => [b.kind, b] as const))('%s round-trips', (_, body) => {
    const text = sealEnvelope(bob, publicOf(alice), draft(body, { version: 4 }));
    expect(openEnvelope(text, alice, publicOf(bob)).body).toEqual(body);
  });

  it('keeps the item secret: the serialised envelope contains no title, username, URL or password (S1, T07)', () => {
    const text = sealEnvelope(alice, publicOf(bob), offer());
    for (const secret of ['Staging', 'deploy@example.org', 'db.example.org', 'correct horse']) expect(text).not.toContain(secret);
  });

  it('T07: shows the relay no item id, kind, share id, edit count or times: only who it is from and for, which the relay knows anyway', () => {
    const d = draft({ kind: 'share-update', item: sampleLogin(), permission: 'view', expiresAt: NOW + 7 * DAY }, { version: 73, expiresAt: NOW + 7 * DAY });
    const text = sealEnvelope(alice, publicOf(bob), d);
    // Quoted names and ids cannot turn up by chance inside base64; the clear part is checked whole below.
    for (const hidden of [d.itemId, d.shareId, 'share-update', '"kind"', '"version"', '"created"', '"expiresAt"']) expect(text).not.toContain(hidden);
    const { enc, ct, ...clear } = JSON.parse(text) as Record<string, unknown>;
    expect([typeof enc, typeof ct]).toEqual(['string', 'string']);
    expect(clear).toEqual({
      v: 2,
      address: { sender: { handle: 'alice', fingerprint: toBase64(keyFingerprint(alice)) }, recipient: { fingerprint: toBase64(keyFingerprint(bob)) }, suite: 'x25519' },
    });
  });

  it('is ASCII JSON of exactly { v, address, enc, ct }', () => {
    const text = sealEnvelope(alice, publicOf(bob), offer());
    expect(text).toMatch(/^[\x20-\x7e]+$/);
    expect(Object.keys(JSON.parse(text)).sort()).toEqual(['address', 'ct', 'enc', 'v']);
  });
});

describe('sealEnvelope refuses', () => {
  it('to seal to my own keys (T06)', () => {
    expect(() => sealEnvelope(alice, publicOf(alice), offer())).toThrow(RangeError);
  });

  it('a header and body that disagree', () => {
    expect(() => sealEnvelope(alice, publicOf(bob), { ...offer(), expiresAt: NOW + DAY })).toThrow(RangeError);
    expect(() => sealEnvelope(alice, publicOf(bob), draft({ kind: 'share-revoke' }, { expiresAt: NOW - 1 }))).toThrow(RangeError);
  });

  it('invalid fields', () => {
    expect(() => sealEnvelope(alice, publicOf(bob), { ...offer(), shareId: 'short' })).toThrow();
    expect(() => sealEnvelope(alice, publicOf(bob), { ...offer(), version: 0 })).toThrow();
    expect(() => sealEnvelope(alice, publicOf(bob), { ...offer(), itemId: 'has space' })).toThrow();
  });

  it('an envelope over 64 KiB', () => {
    const big = { ...sampleLogin(), notes: 'x'.repeat(60_000) };
    expect(() => sealEnvelope(alice, publicOf(bob), draft({ kind: 'share-offer', item: big, permission: 'view', expiresAt: null }))).toThrow(
      '64 KiB',
    );
  });
});

describe('openEnvelope refuses tampering', () => {
  const d = offer();
  const text = sealEnvelope(alice, publicOf(bob), d);
  const open = (t: string) => () => openEnvelope(t, bob, publicOf(alice));

  it('with each field of the clear address changed', () => {
    const variants: [string, string][] = [
      ['sender handle', rewrite(text, (e) => void (e.address.sender.handle = 'alicf'))],
      ['sender fingerprint', rewrite(text, (e) => void (e.address.sender.fingerprint = toBase64(keyFingerprint(carol))))],
      ['recipient fingerprint', rewrite(text, (e) => void (e.address.recipient.fingerprint = toBase64(keyFingerprint(carol))))],
    ];
    for (const [name, tampered] of variants) {
      expect(tampered, name).not.toBe(text);
      expectRefused(open(tampered), 'misaddressed');
    }
  });

  it('with each sealed header field changed under the sender’s signature of the original (only someone who can seal to bob could try)', () => {
    const header = openEnvelope(text, bob, publicOf(alice)).header;
    const body = openEnvelope(text, bob, publicOf(alice)).body;
    const { v: _v, sender: _s, recipient: _r, ...sealed } = header;
    const changes: [string, Record<string, unknown>][] = [
      ['kind', { ...sealed, kind: 'share-update' }],
      ['share id', { ...sealed, shareId: newShareId() }],
      ['item id', { ...sealed, itemId: 'ffffffffffffffffffffffffffffffff' }],
      ['version', { ...sealed, version: 2 }],
      ['created', { ...sealed, created: NOW + 1 }],
      ['expiresAt later', { ...sealed, expiresAt: NOW + 90 * DAY }],
      ['expiresAt removed', { ...sealed, expiresAt: undefined }],
      ['an extra field', { ...sealed, escrowKey: 'x' }],
      ['not an object', 'share-offer' as unknown as Record<string, unknown>],
    ];
    for (const [, changed] of changes) {
      expectRefused(open(craftEnvelope({ header, body, signer: alice.signingSecretKey, sealTo: bob.encryptionKey, sealed: changed })), 'unauthentic');
    }
    // The control: the sealed fields as signed open.
    expect(openEnvelope(craftEnvelope({ header, body, signer: alice.signingSecretKey, sealTo: bob.encryptionKey }), bob, publicOf(alice)).header).toEqual(header);
  });

  it('sent to another recipient: carol cannot open bob’s envelope, even with the header re-addressed to her (T03)', () => {
    expectRefused(() => openEnvelope(text, carol, publicOf(alice)), 'misaddressed');
    const readdressed = rewrite(text, (e) => void (e.address.recipient.fingerprint = toBase64(keyFingerprint(carol))));
    expectRefused(() => openEnvelope(readdressed, carol, publicOf(alice)), 'unauthentic');
  });

  it('checked against the wrong pinned sender', () => {
    expectRefused(() => openEnvelope(text, bob, publicOf(carol)), 'misaddressed');
    // The same handle with other keys (a swapped key the user pinned by mistake) is refused too.
    expectRefused(() => openEnvelope(text, bob, { ...publicOf(carol), handle: 'alice' }), 'misaddressed');
  });

  it('with enc or ct changed, truncated or extended', () => {
    const e = JSON.parse(text) as { enc: string; ct: string };
    const ct = fromBase64(e.ct);
    const flipped = ct.slice();
    flipped[10]! ^= 0x40;
    const variants = [
      rewrite(text, (x) => void (x.enc = toBase64(person('mallory').encryptionKey))),
      rewrite(text, (x) => void (x.ct = toBase64(flipped))),
      rewrite(text, (x) => void (x.ct = toBase64(ct.subarray(0, ct.length - 1)))),
      rewrite(text, (x) => void (x.ct = toBase64(ct.subarray(0, 70)))),
      rewrite(text, (x) => void (x.ct = toBase64(new Uint8Array([...ct, 0])))),
      rewrite(text, (x) => void (x.enc = toBase64(new Uint8Array(32)))),
    ];
    for (const v of variants) expectRefused(open(v), 'unauthentic');
  });

  it('with a signature that is not the pinned sender’s (a valid HPKE envelope signed by someone else, T02)', () => {
    const header = openEnvelope(text, bob, publicOf(alice)).header;
    const body = { kind: 'share-offer', item: sampleLogin(), permission: 'autofill-only', expiresAt: NOW + 7 * DAY };
    const mallory = person('mallory');
    expectRefused(open(craftEnvelope({ header, body, signer: mallory.signingSecretKey, sealTo: bob.encryptionKey })), 'unauthentic');
    // Alice's real signature, but made for carol's fingerprint and re-sealed to bob.
    const forCarol = craftEnvelope({ header, body, signer: alice.signingSecretKey, sealTo: bob.encryptionKey, signedFor: keyFingerprint(carol) });
    expectRefused(open(forCarol), 'unauthentic');
    // The control: the same construction with the right signer and fingerprint opens.
    expect(openEnvelope(craftEnvelope({ header, body, signer: alice.signingSecretKey, sealTo: bob.encryptionKey }), bob, publicOf(alice)).body).toEqual(body);
  });

  it('a signed body that does not match the header or the schema (a broken or malicious sender)', () => {
    const header = openEnvelope(text, bob, publicOf(alice)).header;
    const sign = (body: unknown) => craftEnvelope({ header, body, signer: alice.signingSecretKey, sealTo: bob.encryptionKey });
    const bad: unknown[] = [
      { kind: 'share-update', item: sampleLogin(), permission: 'autofill-only', expiresAt: NOW + 7 * DAY },
      { kind: 'share-offer', item: sampleLogin(), permission: 'autofill-only', expiresAt: null },
      { kind: 'share-offer', item: sampleLogin(), permission: 'admin', expiresAt: NOW + 7 * DAY },
      { kind: 'share-offer', item: sampleLogin(), permission: 'view', expiresAt: NOW + 7 * DAY, escrowKey: 'x' },
      { kind: 'share-offer', item: { type: 'login' }, permission: 'view', expiresAt: NOW + 7 * DAY },
      utf8ToBytes('not json'),
      new Uint8Array([0xc3, 0x28]),
      new Uint8Array(0),
    ];
    for (const body of bad) expectRefused(open(sign(body)), 'unauthentic');
  });

  it('wrong JSON, wrong shapes and oversize, before any cryptography', () => {
    const inputs: unknown[] = [
      '',
      'not json',
      '[]',
      'null',
      JSON.stringify({ v: 2 }),
      // The v1 format, with its header in clear, and any other version: one format opens (T11).
      rewrite(text, (e) => ({ v: 1, header: { ...e.address, v: 1 }, enc: e.enc, ct: e.ct })),
      rewrite(text, (e) => ({ ...e, v: 1 })),
      rewrite(text, (e) => ({ ...e, v: 3 })),
      rewrite(text, (e) => ({ ...e, adminKey: 'relay escrow' })), // T05: nothing the relay adds is taken
      rewrite(text, (e) => void ((e.address as unknown as Record<string, unknown>).itemId = 'x')),
      rewrite(text, (e) => void (e.address.sender.fingerprint = 'AAAA')),
      rewrite(text, (e) => void (e.enc = e.enc.slice(4))),
      rewrite(text, (e) => void (e.ct = `${e.ct}!`)),
      rewrite(text, (e) => void (e.enc = e.enc.slice(0, -2) + 'B=')),
      text.slice(0, text.length - 1),
      text + ' '.repeat(MAX_ENVELOPE_BYTES),
      42,
      null,
      { ...JSON.parse(text) },
    ];
    for (const input of inputs) expectRefused(() => openEnvelope(input, bob, publicOf(alice)), 'malformed');
  });
});

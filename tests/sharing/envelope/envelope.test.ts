/**
 * sealEnvelope / openEnvelope / readEnvelopeHeader: round trips for every kind, and refusal of every
 * tampering — each header field, the recipient, the version, the signature, a wrong key, truncation,
 * oversize and wrong JSON — each as an EnvelopeError with a coarse reason and nothing else (S2, S6).
 */
import { utf8ToBytes } from '@noble/hashes/utils.js';
import { describe, expect, it } from 'vitest';
import { fromBase64, toBase64 } from '../../../lib/crypto/base64';
import { EnvelopeError, type EnvelopeErrorReason } from '../../../lib/sharing/envelope/envelope-error';
import { MAX_ENVELOPE_BYTES, type EnvelopeBodyInput, type EnvelopeHeader } from '../../../lib/sharing/envelope/envelope-schema';
import { keyFingerprint } from '../../../lib/sharing/identity/key-fingerprint';
import { newShareId } from '../../../lib/sharing/envelope/new-share-id';
import { openEnvelope } from '../../../lib/sharing/envelope/open-envelope';
import { readEnvelopeHeader } from '../../../lib/sharing/envelope/read-envelope-header';
import { sealEnvelope, type EnvelopeDraft } from '../../../lib/sharing/envelope/seal-envelope';
import { craftEnvelope, rewrite } from '../craft-envelope';
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
      v: 1,
      kind: 'share-offer',
      sender: { handle: 'alice', fingerprint: toBase64(keyFingerprint(alice)) },
      recipient: { fingerprint: toBase64(keyFingerprint(bob)) },
      shareId: d.shareId,
      itemId: d.itemId,
      version: 1,
      created: NOW,
      expiresAt: NOW + 7 * DAY,
    });
    expect(readEnvelopeHeader(text).header).toEqual(opened.header);
  });

  it.each(bodies.map((b) => [b.kind, b] as const))('%s round-trips', (_, body) => {
    const text = sealEnvelope(bob, publicOf(alice), draft(body, { version: 4 }));
    expect(openEnvelope(text, alice, publicOf(bob)).body).toEqual(body);
  });

  it('keeps the item secret: the serialised envelope contains no title, username, URL or password (S1, T07)', () => {
    const text = sealEnvelope(alice, publicOf(bob), offer());
    for (const secret of ['Staging', 'deploy@example.org', 'db.example.org', 'correct horse']) expect(text).not.toContain(secret);
  });

  it('is ASCII JSON of exactly { v, header, enc, ct }', () => {
    const text = sealEnvelope(alice, publicOf(bob), offer());
    expect(text).toMatch(/^[\x20-\x7e]+$/);
    expect(Object.keys(JSON.parse(text)).sort()).toEqual(['ct', 'enc', 'header', 'v']);
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

  it('with each header field changed', () => {
    const changes: [string, (h: EnvelopeHeader) => void, EnvelopeErrorReason][] = [
      ['kind', (h) => void (h.kind = 'share-update'), 'unauthentic'],
      ['sender handle', (h) => void (h.sender.handle = 'alicf'), 'misaddressed'],
      ['sender fingerprint', (h) => void (h.sender.fingerprint = toBase64(keyFingerprint(carol))), 'misaddressed'],
      ['recipient fingerprint', (h) => void (h.recipient.fingerprint = toBase64(keyFingerprint(carol))), 'misaddressed'],
      ['share id', (h) => void (h.shareId = newShareId()), 'unauthentic'],
      ['item id', (h) => void (h.itemId = 'ffffffffffffffffffffffffffffffff'), 'unauthentic'],
      ['version', (h) => void (h.version = 2), 'unauthentic'],
      ['created', (h) => void (h.created = NOW + 1), 'unauthentic'],
      ['expiresAt later', (h) => void (h.expiresAt = NOW + 90 * DAY), 'unauthentic'],
      ['expiresAt removed', (h) => void delete h.expiresAt, 'unauthentic'],
    ];
    for (const [name, change, reason] of changes) {
      const tampered = rewrite(text, (e) => void change(e.header));
      expect(tampered, name).not.toBe(text);
      expectRefused(open(tampered), reason);
    }
  });

  it('sent to another recipient: carol cannot open bob’s envelope, even with the header re-addressed to her (T03)', () => {
    expectRefused(() => openEnvelope(text, carol, publicOf(alice)), 'misaddressed');
    const readdressed = rewrite(text, (e) => void (e.header.recipient.fingerprint = toBase64(keyFingerprint(carol))));
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
      JSON.stringify({ v: 1 }),
      rewrite(text, (e) => ({ ...e, v: 2 })),
      rewrite(text, (e) => ({ ...e, adminKey: 'relay escrow' })), // T05: nothing the relay adds is taken
      rewrite(text, (e) => void ((e.header as unknown as Record<string, unknown>).extra = 1)),
      rewrite(text, (e) => void (e.header.version = 0)),
      rewrite(text, (e) => void (e.header.shareId = 'AAAA')),
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

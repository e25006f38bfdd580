/**
 * Property tests (fast-check, seeded): random mutations of a sealed envelope — characters of its text,
 * bits of its decoded enc and ct, truncations — never open, and the only error ever thrown is EnvelopeError.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromBase64, toBase64 } from '../../../lib/crypto/base64';
import { EnvelopeError } from '../../../lib/sharing/envelope/envelope-error';
import { newShareId } from '../../../lib/sharing/envelope/new-share-id';
import { openEnvelope } from '../../../lib/sharing/envelope/open-envelope';
import { sealEnvelope } from '../../../lib/sharing/envelope/seal-envelope';
import { DAY, NOW, person, publicOf, sampleLogin } from '../fixtures';

const alice = person('alice');
const bob = person('bob');
const text = sealEnvelope(alice, publicOf(bob), {
  shareId: newShareId(),
  itemId: 'item-1',
  version: 3,
  created: NOW,
  expiresAt: NOW + DAY,
  body: { kind: 'share-update', item: sampleLogin(), permission: 'view', expiresAt: NOW + DAY },
});

function neverOpens(candidate: string) {
  try {
    openEnvelope(candidate, bob, publicOf(alice));
  } catch (e) {
    expect(e).toBeInstanceOf(EnvelopeError);
    return;
  }
  throw new Error('a mutated envelope opened');
}

describe('mutated envelopes never open', () => {
  it('the unmutated control opens', () => {
    expect(openEnvelope(text, bob, publicOf(alice)).header.version).toBe(3);
  });

  it('any 1–4 characters of the text replaced', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat({ max: text.length - 1 }), fc.integer({ min: 0x20, max: 0x7e })), { minLength: 1, maxLength: 4 }), (edits) => {
        const chars = [...text];
        for (const [at, code] of edits) chars[at] = String.fromCharCode(code);
        const mutated = chars.join('');
        fc.pre(mutated !== text);
        neverOpens(mutated);
      }),
      { seed: 0x7e5, numRuns: 400 },
    );
  });

  it('any bits of enc or ct flipped, re-encoded as valid base64', () => {
    const envelope = JSON.parse(text) as { enc: string; ct: string };
    const raw = [...fromBase64(envelope.enc), ...fromBase64(envelope.ct)];
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat({ max: raw.length * 8 - 1 })), { minLength: 1, maxLength: 3 }), (bits) => {
        const bytes = Uint8Array.from(raw);
        for (const [bit] of bits) bytes[bit >> 3]! ^= 1 << (bit & 7);
        fc.pre(bytes.some((b, i) => b !== raw[i]));
        neverOpens(JSON.stringify({ ...JSON.parse(text), enc: toBase64(bytes.subarray(0, 32)), ct: toBase64(bytes.subarray(32)) }));
      }),
      { seed: 0xc7, numRuns: 300 },
    );
  });

  it('any truncation, and any garbage appended', () => {
    fc.assert(
      fc.property(fc.nat({ max: text.length - 1 }), fc.string({ minLength: 1, maxLength: 8 }), (cut, tail) => {
        neverOpens(text.slice(0, cut));
        neverOpens(text + tail);
      }),
      { seed: 0x71, numRuns: 200 },
    );
  });
});

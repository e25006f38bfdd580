/** encodeAssociatedData: the committed golden encoding and its injectivity (S2, T08). */
import { bytesToHex } from '@noble/hashes/utils.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { encodeAssociatedData, FORMAT_VERSION, type CipherContext, type Purpose } from '../../lib/crypto/associated-data';
import { GOLDEN } from './fixtures';

const PURPOSES: readonly Purpose[] = ['vault-key', 'item-key', 'item', 'manifest', 'audit-event', 'settings', 'export'];

const hex = (context: CipherContext, version?: number) => bytesToHex(encodeAssociatedData(context, version));

describe('encodeAssociatedData', () => {
  // Golden: every stored ciphertext is bound to these bytes; a change here must be deliberate.
  it('encodes the golden context to the committed bytes', () => {
    expect(hex(GOLDEN.context)).toBe(GOLDEN.associatedDataHex);
  });

  it('uses FORMAT_VERSION (1) by default', () => {
    expect(FORMAT_VERSION).toBe(1);
    expect(hex(GOLDEN.context)).toBe(hex(GOLDEN.context, 1));
  });

  it('T11: binds the format version', () => {
    expect(hex(GOLDEN.context, 2)).not.toBe(hex(GOLDEN.context, 1));
  });

  it('length-prefixes UTF-8 bytes, not UTF-16 code units', () => {
    // "é" is one code unit but two UTF-8 bytes; "🔑" is two code units and four bytes.
    const encoded = hex({ purpose: 'item', recordId: 'é', fields: '🔑' });
    expect(encoded.endsWith('00000002c3a9' + '00000004f09f9491')).toBe(true);
  });

  it('encodes empty fields unambiguously', () => {
    expect(hex({ purpose: 'item', recordId: '', fields: '-' })).not.toBe(hex({ purpose: 'item', recordId: '-', fields: '' }));
  });

  it.each([
    ['record id / fields boundary', { purpose: 'item', recordId: 'abc', fields: 'login' }, { purpose: 'item', recordId: 'abcl', fields: 'ogin' }],
    ['fields / record id swap', { purpose: 'item', recordId: 'login', fields: 'abc' }, { purpose: 'item', recordId: 'abc', fields: 'login' }],
    ['purpose / record id boundary', { purpose: 'item', recordId: '-key', fields: '-' }, { purpose: 'item-key', recordId: '', fields: '-' }],
  ] satisfies [string, CipherContext, CipherContext][])('S2/T08: contexts that concatenate alike still differ (%s)', (_name, a, b) => {
    expect(hex(a)).not.toBe(hex(b));
  });

  it('S2/T08: distinct contexts never encode alike (seeded property)', () => {
    // A tiny alphabet and short strings make equal contexts and shifted boundaries ("ab"|"a" vs
    // "a"|"ba") common, which is where a naive concatenation would collide.
    const text = fc.string({ unit: fc.constantFrom('a', 'b', 'é', '\u0000', '-'), maxLength: 4 });
    const context = fc.record({ purpose: fc.constantFrom(...PURPOSES), recordId: text, fields: text });
    fc.assert(
      fc.property(context, context, (a, b) => {
        const same = a.purpose === b.purpose && a.recordId === b.recordId && a.fields === b.fields;
        expect(hex(a) === hex(b)).toBe(same);
      }),
      { seed: 0xad, numRuns: 500 },
    );
  });

  it('is deterministic and returns a fresh array each call', () => {
    const a = encodeAssociatedData(GOLDEN.context);
    const b = encodeAssociatedData(GOLDEN.context);
    expect(a).toEqual(b);
    expect(a).not.toBe(b);
  });
});

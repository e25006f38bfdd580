/** sealJson / openJson: round trip, context binding (S2), and authenticated plaintext that is not valid JSON of the shape. */
import { utf8ToBytes } from '@noble/hashes/utils.js';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { CipherContext } from '../../../lib/crypto/associated-data';
import { generateKey } from '../../../lib/crypto/generate-key';
import type { VaultKey } from '../../../lib/crypto/keys';
import { seal } from '../../../lib/crypto/seal';
import { DecryptError } from '../../../lib/crypto/sealed';
import { openJson, sealJson } from '../../../lib/vault/records/sealed-json';

const key = generateKey<VaultKey>();
const context: CipherContext = { purpose: 'settings', recordId: 'r1', fields: 'x' };
const schema = z.object({ a: z.number(), b: z.string() });

describe('sealed JSON', () => {
  it('round trips a value, unicode included', () => {
    const value = { a: 1, b: 'é 🔑 ﬁ' };
    expect(openJson(key, sealJson(key, value, context), context, schema)).toEqual(value);
  });

  it('S2: another record, purpose or key → DecryptError', () => {
    const sealed = sealJson(key, { a: 1, b: '' }, context);
    expect(() => openJson(key, sealed, { ...context, recordId: 'r2' }, schema)).toThrow(DecryptError);
    expect(() => openJson(key, sealed, { ...context, purpose: 'manifest' }, schema)).toThrow(DecryptError);
    expect(() => openJson(generateKey<VaultKey>(), sealed, context, schema)).toThrow(DecryptError);
  });

  it('authentic plaintext that is not UTF-8, not JSON, or of another shape throws', () => {
    expect(() => openJson(key, seal(key, new Uint8Array([0xff, 0xfe]), context), context, schema)).toThrow(TypeError);
    expect(() => openJson(key, seal(key, utf8ToBytes('{not json'), context), context, schema)).toThrow(SyntaxError);
    expect(() => openJson(key, sealJson(key, { a: 'x' }, context), context, schema)).toThrow(z.ZodError);
  });
});

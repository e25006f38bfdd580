/**
 * openSealed: opens the golden object, and refuses every wrong key, wrong place, tampering, downgrade
 * and malformed input with one indistinguishable DecryptError (S2, T08, T11).
 */
import { bytesToHex, hexToBytes, utf8ToBytes } from '@noble/hashes/utils.js';
import { describe, expect, it } from 'vitest';
import type { CipherContext } from '../../lib/crypto/associated-data';
import type { ItemKey } from '../../lib/crypto/keys';
import { openSealed } from '../../lib/crypto/open-sealed';
import { DecryptError, type Sealed } from '../../lib/crypto/sealed';
import { GOLDEN, goldenKey, goldenPlaintext, goldenSealed } from './fixtures';

/** Runs `open` and returns what it threw; fails the test if it returned. */
function thrownBy(open: () => unknown): unknown {
  try {
    open();
  } catch (error) {
    return error;
  }
  throw new Error('expected openSealed to throw, but it returned');
}

/** Every failure must be the same class with the same message, so none tells an attacker more (T11). */
function expectDecryptError(open: () => unknown): void {
  const error = thrownBy(open);
  expect(error).toBeInstanceOf(DecryptError);
  expect((error as DecryptError).name).toBe('DecryptError');
  expect((error as DecryptError).message).toBe('decryption failed');
}

/** The golden object with one field replaced by an arbitrary (possibly ill-typed) value. */
function goldenWith(patch: Record<string, unknown>): unknown {
  return { ...goldenSealed(), ...patch };
}

/** The golden object without one field. */
function goldenWithout(key: keyof Sealed): unknown {
  const { [key]: _dropped, ...rest } = goldenSealed();
  return rest;
}

function flipBit(bytes: Uint8Array, bit: number): Uint8Array {
  const out = bytes.slice();
  out[bit >> 3]! ^= 1 << (bit & 7);
  return out;
}

describe('openSealed', () => {
  it('opens the golden object to the golden plaintext (existing vaults keep opening)', () => {
    const plaintext = openSealed(goldenKey(), goldenSealed(), GOLDEN.context);
    expect(plaintext).toEqual(goldenPlaintext());
  });

  it('does not modify its input', () => {
    const sealed = goldenSealed();
    openSealed(goldenKey(), sealed, GOLDEN.context);
    expect(bytesToHex(sealed.nonce)).toBe(GOLDEN.nonceHex);
    expect(bytesToHex(sealed.ct)).toBe(GOLDEN.ctHex);
  });
});

describe('openSealed rejects the wrong key (S2)', () => {
  it('a key differing in one bit', () => {
    const key = flipBit(goldenKey(), 0) as ItemKey;
    expectDecryptError(() => openSealed(key, goldenSealed(), GOLDEN.context));
  });

  it('an all-zero key', () => {
    expectDecryptError(() => openSealed(new Uint8Array(32) as ItemKey, goldenSealed(), GOLDEN.context));
  });

  it('T11: a short or long key is the same DecryptError, not a different error', () => {
    expectDecryptError(() => openSealed(goldenKey().subarray(0, 16) as ItemKey, goldenSealed(), GOLDEN.context));
    expectDecryptError(() => openSealed(new Uint8Array(33) as ItemKey, goldenSealed(), GOLDEN.context));
    expectDecryptError(() => openSealed(new Uint8Array(0) as ItemKey, goldenSealed(), GOLDEN.context));
  });
});

describe('openSealed rejects the wrong place (S2, T08)', () => {
  const wrongContexts: [string, CipherContext][] = [
    ['S2: wrong purpose (an item opened as the manifest)', { ...GOLDEN.context, purpose: 'manifest' }],
    ['S2: wrong purpose (an item opened as an item key)', { ...GOLDEN.context, purpose: 'item-key' }],
    ['T08: wrong record id (ciphertext moved to another item)', { ...GOLDEN.context, recordId: '00000000-0000-4000-8000-000000000000' }],
    ['T08: record id differing in its last character', { ...GOLDEN.context, recordId: GOLDEN.context.recordId.slice(0, -1) + 'f' }],
    ['T08: wrong fields (a login ciphertext opened as a note)', { ...GOLDEN.context, fields: 'note' }],
    ['T08: fields "-"', { ...GOLDEN.context, fields: '-' }],
    ['T08: one character moved across the record id / fields boundary', { ...GOLDEN.context, recordId: GOLDEN.context.recordId + 'l', fields: 'ogin' }],
    ['T08: record id and fields swapped', { ...GOLDEN.context, recordId: GOLDEN.context.fields, fields: GOLDEN.context.recordId }],
  ];

  it.each(wrongContexts)('%s', (_name, context) => {
    expectDecryptError(() => openSealed(goldenKey(), goldenSealed(), context));
  });
});

describe('openSealed rejects tampering (S2)', () => {
  it('every single-bit flip in ct (ciphertext and tag)', () => {
    const sealed = goldenSealed();
    for (let bit = 0; bit < sealed.ct.length * 8; bit++) {
      expectDecryptError(() => openSealed(goldenKey(), { ...sealed, ct: flipBit(sealed.ct, bit) }, GOLDEN.context));
    }
  });

  it('every single-bit flip in the nonce', () => {
    const sealed = goldenSealed();
    for (let bit = 0; bit < sealed.nonce.length * 8; bit++) {
      expectDecryptError(() => openSealed(goldenKey(), { ...sealed, nonce: flipBit(sealed.nonce, bit) }, GOLDEN.context));
    }
  });

  it('ct truncated by one byte, by the whole tag, and by everything but the tag', () => {
    const { ct } = goldenSealed();
    for (const truncated of [ct.subarray(0, -1), ct.subarray(0, -16), ct.subarray(-16)]) {
      expectDecryptError(() => openSealed(goldenKey(), goldenWith({ ct: truncated }), GOLDEN.context));
    }
  });

  it('T11: ct shorter than the 16-byte tag (missing tag)', () => {
    for (const length of [0, 1, 15]) {
      expectDecryptError(() => openSealed(goldenKey(), goldenWith({ ct: hexToBytes(GOLDEN.ctHex).subarray(0, length) }), GOLDEN.context));
    }
  });

  it('ct with a byte appended', () => {
    const ct = hexToBytes(GOLDEN.ctHex + '00');
    expectDecryptError(() => openSealed(goldenKey(), goldenWith({ ct }), GOLDEN.context));
  });

  it('the nonce and ct of another object spliced together', () => {
    const other = { ...goldenSealed(), nonce: new Uint8Array(24).fill(7) };
    expectDecryptError(() => openSealed(goldenKey(), other, GOLDEN.context));
  });
});

describe('openSealed rejects downgrades and unknown formats (T11)', () => {
  it.each([
    ['v: 2 (a future version)', { v: 2 }],
    ['v: 0', { v: 0 }],
    ['v: "1" (text)', { v: '1' }],
    ['v: 1.0000001', { v: 1.0000001 }],
    ['alg: chacha20poly1305 (12-byte-nonce variant)', { alg: 'chacha20poly1305' }],
    ['alg: aes-256-gcm', { alg: 'aes-256-gcm' }],
    ['alg: XChaCha20Poly1305 (case matters)', { alg: 'XChaCha20Poly1305' }],
    ['alg: empty', { alg: '' }],
  ])('%s', (_name, patch) => {
    expectDecryptError(() => openSealed(goldenKey(), goldenWith(patch), GOLDEN.context));
  });
});

describe('openSealed rejects malformed input (S2, S8)', () => {
  it.each([
    ['null', null],
    ['undefined', undefined],
    ['a string', 'xchacha20poly1305'],
    ['a number', 1],
    ['an array', [1, 'xchacha20poly1305', new Uint8Array(24), new Uint8Array(32)]],
    ['an empty object', {}],
    ['bare bytes (no envelope)', hexToBytes(GOLDEN.nonceHex + GOLDEN.ctHex)],
  ])('%s', (_name, sealed) => {
    expectDecryptError(() => openSealed(goldenKey(), sealed, GOLDEN.context));
  });

  it.each(['v', 'alg', 'nonce', 'ct'] as const)('missing %s', (key) => {
    expectDecryptError(() => openSealed(goldenKey(), goldenWithout(key), GOLDEN.context));
  });

  it.each([
    ['nonce of 12 bytes', { nonce: hexToBytes(GOLDEN.nonceHex).subarray(0, 12) }],
    ['nonce of 23 bytes', { nonce: hexToBytes(GOLDEN.nonceHex).subarray(0, 23) }],
    ['nonce of 25 bytes', { nonce: hexToBytes(GOLDEN.nonceHex + '00') }],
    ['nonce as a number array', { nonce: Array.from(hexToBytes(GOLDEN.nonceHex)) }],
    ['nonce as hex text', { nonce: GOLDEN.nonceHex }],
    ['nonce null', { nonce: null }],
    ['ct as a number array', { ct: Array.from(hexToBytes(GOLDEN.ctHex)) }],
    ['ct as hex text', { ct: GOLDEN.ctHex }],
    ['ct as an ArrayBuffer', { ct: hexToBytes(GOLDEN.ctHex).buffer }],
    ['ct null', { ct: null }],
    ['ct as a JSON-revived object', { ct: JSON.parse(JSON.stringify(hexToBytes(GOLDEN.ctHex))) as unknown }],
  ])('wrong type or size: %s', (_name, patch) => {
    expectDecryptError(() => openSealed(goldenKey(), goldenWith(patch), GOLDEN.context));
  });

  it('every failure above carries the very same message', () => {
    // One representative of each kind: wrong key, wrong context, tampering, downgrade, malformed.
    const key = goldenKey();
    const failures = [
      thrownBy(() => openSealed(new Uint8Array(32) as ItemKey, goldenSealed(), GOLDEN.context)),
      thrownBy(() => openSealed(key, goldenSealed(), { ...GOLDEN.context, fields: 'note' })),
      thrownBy(() => openSealed(key, goldenWith({ ct: flipBit(hexToBytes(GOLDEN.ctHex), 3) }), GOLDEN.context)),
      thrownBy(() => openSealed(key, goldenWith({ v: 2 }), GOLDEN.context)),
      thrownBy(() => openSealed(key, null, GOLDEN.context)),
      thrownBy(() => openSealed(key, goldenWith({ ct: utf8ToBytes('short') }), GOLDEN.context)),
    ];
    const messages = new Set(failures.map((error) => `${(error as Error).name}: ${(error as Error).message}`));
    expect([...messages]).toEqual(['DecryptError: decryption failed']);
  });
});

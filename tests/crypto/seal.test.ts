/**
 * seal: the draft-irtf-cfrg-xchacha-03 A.3.1 vector on the primitive, the golden ciphertext of our
 * format, round trips and fresh nonces.
 */
import { xchacha20poly1305 } from '@noble/ciphers/chacha.js';
import { bytesToHex, hexToBytes, utf8ToBytes } from '@noble/hashes/utils.js';
import fc from 'fast-check';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { encodeAssociatedData, type Purpose } from '../../lib/crypto/associated-data';
import { asKey, type ItemKey } from '../../lib/crypto/keys';
import { openSealed } from '../../lib/crypto/open-sealed';
import { randomBytes } from '../../lib/crypto/random-bytes';
import { seal } from '../../lib/crypto/seal';
import { NONCE_LENGTH, SEALED_ALG, TAG_LENGTH } from '../../lib/crypto/sealed';
import xchacha from '../vectors/xchacha20poly1305.json';
import { GOLDEN, goldenKey, goldenPlaintext } from './fixtures';

// Pass-through spy on the CSPRNG wrapper, so one test can pin the nonce and reproduce the golden
// ciphertext through seal() itself; every other call still gets real random bytes.
vi.mock('../../lib/crypto/random-bytes', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../lib/crypto/random-bytes')>();
  return { ...actual, randomBytes: vi.fn(actual.randomBytes) };
});

beforeEach(() => {
  vi.mocked(randomBytes).mockClear();
});

describe('XChaCha20-Poly1305 primitive, draft-irtf-cfrg-xchacha-03 A.3.1', () => {
  const key = hexToBytes(xchacha.key);
  const nonce = hexToBytes(xchacha.nonce);
  const aad = hexToBytes(xchacha.aad);
  const plaintext = utf8ToBytes(xchacha.plaintext_utf8);

  it('encrypts to the vector ciphertext ‖ tag', () => {
    const out = xchacha20poly1305(key, nonce, aad).encrypt(plaintext);
    expect(bytesToHex(out)).toBe(xchacha.ciphertext + xchacha.tag);
  });

  it('decrypts the vector', () => {
    const out = xchacha20poly1305(key, nonce, aad).decrypt(hexToBytes(xchacha.ciphertext + xchacha.tag));
    expect(out).toEqual(plaintext);
  });

  it('rejects the vector with a flipped tag bit', () => {
    const ct = hexToBytes(xchacha.ciphertext + xchacha.tag);
    ct[ct.length - 1]! ^= 0x01;
    expect(() => xchacha20poly1305(key, nonce, aad).decrypt(ct)).toThrow();
  });
});

describe('seal', () => {
  it('produces the golden ciphertext when given the golden nonce (format is frozen)', () => {
    vi.mocked(randomBytes).mockReturnValueOnce(hexToBytes(GOLDEN.nonceHex));
    const sealed = seal(goldenKey(), goldenPlaintext(), GOLDEN.context);
    expect(randomBytes).toHaveBeenCalledWith(NONCE_LENGTH);
    expect(sealed.v).toBe(1);
    expect(sealed.alg).toBe('xchacha20poly1305');
    expect(Object.keys(sealed).sort()).toEqual(['alg', 'ct', 'nonce', 'v']);
    expect(bytesToHex(sealed.nonce)).toBe(GOLDEN.nonceHex);
    expect(bytesToHex(sealed.ct)).toBe(GOLDEN.ctHex);
  });

  it('the golden ciphertext is exactly the primitive over our encoded associated data', () => {
    const ad = encodeAssociatedData(GOLDEN.context);
    expect(bytesToHex(ad)).toBe(GOLDEN.associatedDataHex);
    const ct = xchacha20poly1305(goldenKey(), hexToBytes(GOLDEN.nonceHex), ad).encrypt(goldenPlaintext());
    expect(bytesToHex(ct)).toBe(GOLDEN.ctHex);
  });

  it('returns { v: 1, alg, 24-byte nonce, ct = plaintext + 16 }', () => {
    const plaintext = utf8ToBytes('hello');
    const sealed = seal(goldenKey(), plaintext, GOLDEN.context);
    expect(sealed.v).toBe(1);
    expect(sealed.alg).toBe(SEALED_ALG);
    expect(sealed.nonce).toHaveLength(NONCE_LENGTH);
    expect(sealed.ct).toHaveLength(plaintext.length + TAG_LENGTH);
  });

  it('uses a fresh random nonce each time, so equal plaintexts give different ciphertexts', () => {
    const a = seal(goldenKey(), goldenPlaintext(), GOLDEN.context);
    const b = seal(goldenKey(), goldenPlaintext(), GOLDEN.context);
    expect(bytesToHex(a.nonce)).not.toBe(bytesToHex(b.nonce));
    expect(bytesToHex(a.ct)).not.toBe(bytesToHex(b.ct));
  });

  it('seals an empty plaintext to a tag-only ciphertext that opens', () => {
    const sealed = seal(goldenKey(), new Uint8Array(0), GOLDEN.context);
    expect(sealed.ct).toHaveLength(TAG_LENGTH);
    expect(openSealed(goldenKey(), sealed, GOLDEN.context)).toEqual(new Uint8Array(0));
  });

  it('does not modify the plaintext', () => {
    const plaintext = goldenPlaintext();
    seal(goldenKey(), plaintext, GOLDEN.context);
    expect(plaintext).toEqual(goldenPlaintext());
  });

  it('round-trips any plaintext and context through openSealed (seeded property)', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ minLength: 32, maxLength: 32 }),
        fc.uint8Array({ maxLength: 256 }),
        fc.constantFrom<Purpose>('vault-key', 'item-key', 'item', 'manifest', 'audit-event', 'settings', 'export'),
        fc.string({ maxLength: 40 }),
        fc.string({ maxLength: 20 }),
        (keyBytes, plaintext, purpose, recordId, fields) => {
          const key = asKey<ItemKey>(keyBytes);
          const context = { purpose, recordId, fields };
          expect(openSealed(key, seal(key, plaintext, context), context)).toEqual(plaintext);
        },
      ),
      { seed: 0x5ea1, numRuns: 200 },
    );
  });

  it('throws for a key that is not 32 bytes, instead of sealing under it', () => {
    // Only a type brand guards the key length at compile time; the primitive must still refuse.
    expect(() => seal(new Uint8Array(16) as ItemKey, goldenPlaintext(), GOLDEN.context)).toThrow();
    expect(() => seal(new Uint8Array(33) as ItemKey, goldenPlaintext(), GOLDEN.context)).toThrow();
  });
});

/**
 * deriveMasterKey and the Argon2id behind it: the RFC 9106 §5.3 vector, hash-wasm against
 * @noble/hashes, known answers from the native `argon2` CLI, NFKC, and refusals before any work (S5, T10).
 */
import { argon2id as nobleArgon2id } from '@noble/hashes/argon2.js';
import { bytesToHex, hexToBytes, utf8ToBytes } from '@noble/hashes/utils.js';
import fc from 'fast-check';
import { argon2id as wasmArgon2id } from 'hash-wasm';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { deriveMasterKey } from '../../lib/crypto/derive-master-key';
import { KdfParamsError, type KdfParams } from '../../lib/crypto/kdf-params';
import rfc9106 from '../vectors/argon2id-rfc9106.json';
import { BAD_KDF_PARAMS, defaultKdfParams } from './fixtures';

// A pass-through spy: every call still runs the real hash-wasm, but the tests can see whether (and
// with what) deriveMasterKey reached the KDF, which is how "refused before any derivation" is shown
// without timing anything.
vi.mock('hash-wasm', async (importOriginal) => {
  const actual = await importOriginal<typeof import('hash-wasm')>();
  return { ...actual, argon2id: vi.fn(actual.argon2id) };
});

/** A full 64 MiB derivation takes ~300 ms alone; leave room for a busy machine running other suites. */
const FULL_DERIVATION_TIMEOUT_MS = 30_000;

/** The salt given to the native CLI, as the 16 ASCII bytes it hashes. */
const CLI_SALT = 'sealpass-kat-01!';

function cliParams(): KdfParams {
  return { ...defaultKdfParams(), salt: utf8ToBytes(CLI_SALT) };
}

beforeEach(() => {
  vi.mocked(wasmArgon2id).mockClear();
});

describe('RFC 9106 §5.3 Argon2id vector', () => {
  const password = hexToBytes(rfc9106.password);
  const salt = hexToBytes(rfc9106.salt);
  const secret = hexToBytes(rfc9106.secret);
  const ad = hexToBytes(rfc9106.associated_data);
  const cost = { t: rfc9106.passes, m: rfc9106.memory_kib, p: rfc9106.lanes, dkLen: rfc9106.tag_length };

  it('@noble/hashes argon2id with secret (key) and associated data (personalization) gives the RFC tag', () => {
    const tag = nobleArgon2id(password, salt, { ...cost, version: 0x13, key: secret, personalization: ad });
    expect(bytesToHex(tag)).toBe(rfc9106.tag);
  });

  it('the tag depends on the associated data, so the vector really exercises it', () => {
    const tag = nobleArgon2id(password, salt, { ...cost, key: secret });
    expect(bytesToHex(tag)).not.toBe(rfc9106.tag);
  });

  // hash-wasm takes a secret but no associated data, so the RFC tag itself is out of its reach. The
  // same inputs without the associated data still pin it to noble, which did pass the full vector.
  it('hash-wasm equals noble on the RFC inputs without associated data', async () => {
    const noble = nobleArgon2id(password, salt, { ...cost, key: secret });
    const wasm = await wasmArgon2id({
      password,
      salt,
      secret,
      iterations: cost.t,
      memorySize: cost.m,
      parallelism: cost.p,
      hashLength: cost.dkLen,
      outputType: 'binary',
    });
    expect(bytesToHex(wasm)).toBe(bytesToHex(noble));
    // Computed by both implementations above; pinned so a dependency update that changes it is noticed.
    expect(bytesToHex(wasm)).toBe('0034de3c8a75efc1148100eaf5ba9b1ce6d50ba5cdf6ae4018c54a4fc03ac10d');
  });
});

describe('hash-wasm (used by deriveMasterKey) equals @noble/hashes at small memory', () => {
  // Small memory keeps the pure-JS side fast; the algorithm does not change with m, t or p, but the
  // lane and segment arithmetic does, so the cases vary all three. Passwords go to hash-wasm as text
  // (as deriveMasterKey passes them) and to noble as UTF-8 bytes, which also checks hash-wasm's encoding.
  const cases = [
    { password: 'password', salt: 'somesaltsomesalt', m: 64, t: 1, p: 1 },
    { password: 'password', salt: 'somesaltsomesalt', m: 64, t: 3, p: 4 },
    { password: 'correct horse battery staple', salt: '0123456789abcdef', m: 256, t: 2, p: 2 },
    { password: 'pässwörd ﬁ 🔑 パスワード', salt: 'sealpass-salt-16', m: 512, t: 1, p: 8 },
    { password: 'x', salt: 'ffffffffffffffff', m: 1000, t: 3, p: 4 },
    { password: 'a much longer passphrase with several words in it', salt: 'AAAAAAAAAAAAAAAA', m: 1024, t: 4, p: 1 },
    { password: 'tab\tnewline\nnull\u0000', salt: 'sealpass-kat-01!', m: 1024, t: 3, p: 4 },
  ];

  it.each(cases)('m=$m t=$t p=$p password=$password', async ({ password, salt, m, t, p }) => {
    const saltBytes = utf8ToBytes(salt);
    const noble = nobleArgon2id(utf8ToBytes(password), saltBytes, { m, t, p, dkLen: 32 });
    const wasm = await wasmArgon2id({ password, salt: saltBytes, iterations: t, memorySize: m, parallelism: p, hashLength: 32, outputType: 'binary' });
    expect(bytesToHex(wasm)).toBe(bytesToHex(noble));
  });

  it('agrees on arbitrary passwords and salts (seeded, so the run is repeatable)', async () => {
    await fc.assert(
      fc.asyncProperty(
        // hash-wasm refuses an empty password, as deriveMasterKey does before reaching it.
        fc.string({ unit: 'grapheme', minLength: 1, maxLength: 40 }),
        fc.uint8Array({ minLength: 16, maxLength: 16 }),
        fc.integer({ min: 1, max: 3 }),
        fc.integer({ min: 1, max: 4 }),
        async (password, salt, t, p) => {
          const m = 64;
          const noble = nobleArgon2id(utf8ToBytes(password), salt, { m, t, p, dkLen: 32 });
          const wasm = await wasmArgon2id({ password, salt, iterations: t, memorySize: m, parallelism: p, hashLength: 32, outputType: 'binary' });
          expect(bytesToHex(wasm)).toBe(bytesToHex(noble));
        },
      ),
      { seed: 0x5ea1, numRuns: 30 },
    );
  });
});

// The only two full 64 MiB derivations in the suite. Their answers come from the native `argon2` CLI
// (the reference C implementation, independent of both JS libraries).
describe('deriveMasterKey at the default parameters (m=65536 KiB, t=3, p=4)', () => {
  it(
    'matches the native argon2 CLI',
    async () => {
      // $ printf '%s' 'password' | argon2 'sealpass-kat-01!' -id -t 3 -m 16 -p 4 -r
      const expected = 'b4f94a4089f8ce7e6803822263b7f2bc3445a0ffe6328c375d5dc5d9f20414a5';
      const key = await deriveMasterKey('password', cliParams());
      expect(key).toBeInstanceOf(Uint8Array);
      expect(key).toHaveLength(32);
      expect(bytesToHex(key)).toBe(expected);
      expect(vi.mocked(wasmArgon2id)).toHaveBeenCalledTimes(1);
      expect(vi.mocked(wasmArgon2id)).toHaveBeenCalledWith(
        expect.objectContaining({ memorySize: 65536, iterations: 3, parallelism: 4, hashLength: 32 }),
      );
    },
    FULL_DERIVATION_TIMEOUT_MS,
  );

  it(
    'NFKC-normalises the password: "ﬁancé" (ligature, decomposed é) derives the key of "fiancé"',
    async () => {
      // U+FB01 LATIN SMALL LIGATURE FI, then "ance", then e + U+0301 COMBINING ACUTE ACCENT: what some
      // keyboards and OSes produce for what the user sees as "fiancé".
      const typed = '\uFB01ance\u0301';
      expect(typed).not.toBe('fiancé');
      expect(typed.normalize('NFKC')).toBe('fiancé');
      // $ printf '%s' 'fiancé' | argon2 'sealpass-kat-01!' -id -t 3 -m 16 -p 4 -r   (é as UTF-8 c3 a9)
      const expected = '4fd69fb091e68de51d0707b0f97d93fcb2705cf8d77949ce120ea48e95c5a327';
      const key = await deriveMasterKey(typed, cliParams());
      expect(bytesToHex(key)).toBe(expected);
      // What reached the KDF: hash-wasm replaces `options.password` with its UTF-8 bytes in place, so
      // the recorded argument may be either form; both must be "fiancé" composed.
      const passed = vi.mocked(wasmArgon2id).mock.calls[0]?.[0].password;
      expect(typeof passed === 'string' ? utf8ToBytes(passed) : passed).toEqual(utf8ToBytes('fiancé'));
    },
    FULL_DERIVATION_TIMEOUT_MS,
  );
});

describe('deriveMasterKey refusals happen before any derivation', () => {
  it.each(BAD_KDF_PARAMS)('S5/T10: rejects $name with KdfParamsError', async ({ params, message }) => {
    // The cast models a tampered header: the type says KdfParams, the bytes say otherwise.
    await expect(deriveMasterKey('password', params as KdfParams)).rejects.toThrow(KdfParamsError);
    await expect(deriveMasterKey('password', params as KdfParams)).rejects.toThrow(message);
    expect(vi.mocked(wasmArgon2id)).not.toHaveBeenCalled();
  });

  it('rejects an empty password', async () => {
    await expect(deriveMasterKey('', defaultKdfParams())).rejects.toThrow(TypeError);
    await expect(deriveMasterKey('', defaultKdfParams())).rejects.toThrow(/password is empty/);
    expect(vi.mocked(wasmArgon2id)).not.toHaveBeenCalled();
  });

  it('rejects a password that is not a string', async () => {
    await expect(deriveMasterKey(undefined as unknown as string, defaultKdfParams())).rejects.toThrow(TypeError);
    await expect(deriveMasterKey(new Uint8Array(8) as unknown as string, defaultKdfParams())).rejects.toThrow(TypeError);
    expect(vi.mocked(wasmArgon2id)).not.toHaveBeenCalled();
  });

  it('checks the parameters first, so a bad header is reported as such even with an empty password', async () => {
    await expect(deriveMasterKey('', { ...defaultKdfParams(), t: 1 })).rejects.toThrow(KdfParamsError);
  });
});

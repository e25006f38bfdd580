/**
 * createArgon2idSimd (openpgp's SIMD `argon2id`, what the offscreen KDF worker runs) in Node: the RFC 9106 §5.3
 * vector through passesRfc9106, hash-wasm's output at our default parameters, the short-password path, and the
 * module's memory zeroed after a hash (S4). In Chromium the same code runs in the extension (tests/e2e).
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { bytesToHex } from '@noble/hashes/utils.js';
import { argon2id } from 'hash-wasm';
import { describe, expect, it } from 'vitest';
import { passesRfc9106 } from '../../lib/crypto/argon2id-self-test';
import { createArgon2idSimd, type Argon2idWasmLoader } from '../../lib/crypto/argon2id-simd';
import { defaultKdfParams } from './fixtures';

const require = createRequire(import.meta.url);
const wasm = (file: string): Argon2idWasmLoader => async (imports) =>
  WebAssembly.instantiate(await readFile(require.resolve(`argon2id/dist/${file}`)), imports);

/** A 64 MiB derivation takes about a second here, more on a busy machine. */
const TIMEOUT_MS = 60_000;

describe('createArgon2idSimd', () => {
  it('passes the RFC 9106 §5.3 vector (secret and associated data included)', async () => {
    const hash = await createArgon2idSimd(wasm('simd.wasm'), wasm('no-simd.wasm'));
    expect(await passesRfc9106(hash)).toBe(true);
  });

  it('the self-test fails for an implementation that gives another tag', async () => {
    expect(await passesRfc9106(async () => new Uint8Array(32))).toBe(false);
    expect(await passesRfc9106(async () => { throw new Error('no wasm'); })).toBe(false);
  });

  it('gives hash-wasm\'s key at our default parameters, and leaves the module memory zeroed', async () => {
    let memory: WebAssembly.Memory | undefined;
    const spy: Argon2idWasmLoader = async (imports) => {
      memory = (imports.env as { memory: WebAssembly.Memory }).memory;
      return wasm('simd.wasm')(imports);
    };
    const hash = await createArgon2idSimd(spy, wasm('no-simd.wasm'));
    const params = defaultKdfParams();
    const password = new TextEncoder().encode('correct horse battery staple');
    const ours = await hash({ password, salt: params.salt, m: params.m, t: params.t, p: params.p, tagLength: 32 });
    const reference = await argon2id({ password, salt: params.salt, iterations: params.t, parallelism: params.p, memorySize: params.m, hashLength: 32, outputType: 'binary' });
    expect(bytesToHex(ours)).toBe(bytesToHex(reference));
    expect(memory!.buffer.byteLength).toBeGreaterThanOrEqual(params.m * 1024);
    expect(new Uint8Array(memory!.buffer).every((b) => b === 0)).toBe(true);
  }, TIMEOUT_MS);

  it('a password under 8 bytes (below the package\'s own limit) still derives, through hash-wasm', async () => {
    const hash = await createArgon2idSimd(wasm('simd.wasm'), wasm('no-simd.wasm'));
    const params = defaultKdfParams();
    const password = new TextEncoder().encode('short');
    const ours = await hash({ password, salt: params.salt, m: params.m, t: params.t, p: params.p, tagLength: 32 });
    const reference = await argon2id({ password, salt: params.salt, iterations: params.t, parallelism: params.p, memorySize: params.m, hashLength: 32, outputType: 'binary' });
    expect(bytesToHex(ours)).toBe(bytesToHex(reference));
  }, TIMEOUT_MS);
});

/**
 * Argon2id (RFC 9106) with openpgp's `argon2id` package: WebAssembly with SIMD (plain WebAssembly where SIMD does
 * not validate), one thread. Issue 15 measured it faster than hash-wasm in Chromium (about 0.78× its time) and it
 * passes the RFC 9106 §5.3 vector, which takes a secret and associated data that the threaded candidate's API
 * cannot (see README, Performance). It runs in the offscreen document's KDF worker, never in the service worker.
 */
import setupArgon2id from 'argon2id/lib/setup.js';
import { argon2id as hashWasmArgon2id } from 'hash-wasm';
import { wipe } from './wipe';

/** Instantiates one of the package's two WebAssembly files (dist/simd.wasm, dist/no-simd.wasm) with `imports`. */
export type Argon2idWasmLoader = (imports: WebAssembly.Imports) => Promise<WebAssembly.WebAssemblyInstantiatedSource>;

/** One Argon2id computation; `m` in KiB, `t` passes, `p` lanes, `tagLength` in bytes. */
export interface Argon2idInput {
  password: Uint8Array;
  salt: Uint8Array;
  m: number;
  t: number;
  p: number;
  tagLength: number;
  secret?: Uint8Array;
  ad?: Uint8Array;
}

/** The package refuses passwords under 8 bytes (its own limit, not RFC 9106's); those go to hash-wasm. */
const MIN_PASSWORD_BYTES = 8;

/**
 * Loads the WebAssembly once and returns the hash function. After every call the module's whole linear memory
 * (the 64 MiB of Argon2 blocks at our parameters, all derived from the password) is zeroed (S4).
 * @param loadSimd - instantiates dist/simd.wasm; tried first
 * @param loadPlain - instantiates dist/no-simd.wasm where SIMD does not validate
 * @returns `hash(input)`: the `tagLength`-byte tag
 */
export async function createArgon2idSimd(loadSimd: Argon2idWasmLoader, loadPlain: Argon2idWasmLoader): Promise<(input: Argon2idInput) => Promise<Uint8Array>> {
  let memory: WebAssembly.Memory | undefined;
  // The package creates the memory and hands it to the loader: keep it, to wipe what the hash leaves there.
  const keepMemory = (load: Argon2idWasmLoader) => (imports: WebAssembly.Imports) => {
    memory = (imports.env as { memory: WebAssembly.Memory }).memory;
    return load(imports);
  };
  const hash = await setupArgon2id(keepMemory(loadSimd), keepMemory(loadPlain));
  return async (input) => {
    if (input.password.length < MIN_PASSWORD_BYTES && !input.secret && !input.ad) {
      return hashWasmArgon2id({
        password: input.password, salt: input.salt, iterations: input.t, parallelism: input.p, memorySize: input.m,
        hashLength: input.tagLength, outputType: 'binary',
      });
    }
    try {
      return hash({
        password: input.password, salt: input.salt, parallelism: input.p, passes: input.t, memorySize: input.m,
        tagLength: input.tagLength, ...(input.secret ? { secret: input.secret } : {}), ...(input.ad ? { ad: input.ad } : {}),
      });
    } finally {
      // memory.buffer is re-read: growing the memory during the hash detached the earlier one.
      if (memory) wipe(new Uint8Array(memory.buffer));
    }
  };
}

/**
 * Argon2id candidates side by side in the Chromium bench page, at our default parameters (64 MiB, t=3, p=4)
 * and the bench salt: hash-wasm (what the extension runs), openpgp's `argon2id` (WebAssembly with SIMD, one
 * thread), and the reference implementation built with SIMD and pthreads by @very-amused/argon2-wasm, whose
 * lanes run in parallel workers over shared memory (needs cross-origin isolation; the bench server sends
 * COOP/COEP). Each candidate must give hash-wasm's output; openpgp's also runs the RFC 9106 §5.3 vector
 * (it takes the secret and associated data the vector uses). The wasm files are served under /kdf/ by
 * chromium-bench.ts.
 */
import setupArgon2id from 'argon2id/lib/setup.js';
import { bytesToHex, hexToBytes } from '@noble/hashes/utils.js';
import { deriveMasterKey } from '../../../lib/crypto/derive-master-key';
import { BENCH_PASSWORD, benchKdfParams } from '../argon2-ours';
import { median, round, timeRuns } from '../stats';
import { CURVE_LANES } from './extension-kdf';
import rfc9106 from '../../vectors/argon2id-rfc9106.json';

/** Where chromium-bench.ts serves the candidates' files. */
const KDF_ROOT = '/kdf';

/** One candidate's median time, whether it matched hash-wasm, and why it did not run. */
export interface KdfCandidate {
  ms: number | null;
  matchesHashWasm: boolean | null;
  error?: string;
}

const instantiate = (file: string) => async (imports: WebAssembly.Imports) =>
  WebAssembly.instantiate(await (await fetch(`${KDF_ROOT}/${file}`)).arrayBuffer(), imports);

/** openpgp's argon2id: SIMD when the browser validates it. */
async function openpgpArgon2id(runs: number, expected: string): Promise<KdfCandidate & { rfc9106: boolean }> {
  const hash = await setupArgon2id(instantiate('simd.wasm'), instantiate('no-simd.wasm'));
  const params = benchKdfParams();
  const password = new TextEncoder().encode(BENCH_PASSWORD.normalize('NFKC'));
  const run = () => hash({ password, salt: params.salt, parallelism: params.p, passes: params.t, memorySize: params.m, tagLength: 32 });
  const output = bytesToHex(run());
  const samples = await timeRuns(runs, run);
  const tag = hash({
    password: hexToBytes(rfc9106.password), salt: hexToBytes(rfc9106.salt), secret: hexToBytes(rfc9106.secret), ad: hexToBytes(rfc9106.associated_data),
    parallelism: rfc9106.lanes, passes: rfc9106.passes, memorySize: rfc9106.memory_kib, tagLength: rfc9106.tag_length,
  });
  return { ms: round(median(samples)), matchesHashWasm: output === expected, rfc9106: bytesToHex(tag) === rfc9106.tag };
}

/** A request to the @very-amused worker and its answer. */
function ask(worker: Worker, message: unknown): Promise<{ code: number; body?: Uint8Array; message?: string }> {
  return new Promise((resolve, reject) => {
    worker.onmessage = (event: MessageEvent) => resolve(event.data as { code: number; body?: Uint8Array });
    worker.onerror = (event) => reject(new Error(event.message));
    worker.postMessage(message);
  });
}

/** The reference Argon2 with one pthread per lane (`threads` = lanes = p in this build's API). */
async function threadedReference(runs: number, expected: string): Promise<KdfCandidate & { workers: number; byLanes?: Record<string, number> }> {
  const worker = new Worker(`${KDF_ROOT}/amused/worker-4-threads.js`);
  try {
    const loaded = await ask(worker, { method: 0, params: { wasmRoot: `${KDF_ROOT}/amused`, simd: true, pthread: true } });
    if (loaded.code !== 0) return { ms: null, matchesHashWasm: null, error: `load failed: ${loaded.code} ${loaded.message ?? ''}`, workers: 0 };
    const params = benchKdfParams();
    const request = (threads = params.p) => ({ method: 5, params: { mode: '2id', password: BENCH_PASSWORD.normalize('NFKC'), salt: new Uint8Array(params.salt), timeCost: params.t, memoryCost: params.m, threads, hashLen: 32 } });
    const first = await ask(worker, request());
    if (first.code !== 0 || !first.body) return { ms: null, matchesHashWasm: null, error: `hash failed: ${first.code}`, workers: params.p };
    const samples = await timeRuns(runs, () => ask(worker, request()));
    // The lanes curve (issue 15): here lanes = threads, so p = 1, 2, 4 is also 1, 2, 4 threads on the same memory.
    const byLanes: Record<string, number> = {};
    for (const p of CURVE_LANES) byLanes[p] = round(median(await timeRuns(runs, () => ask(worker, request(p)))));
    return { ms: round(median(samples)), matchesHashWasm: bytesToHex(first.body) === expected, workers: params.p, byLanes };
  } catch (error) {
    return { ms: null, matchesHashWasm: null, error: error instanceof Error ? error.message : String(error), workers: 0 };
  } finally {
    worker.terminate();
  }
}

/**
 * Times every candidate `runs` times (median; each first runs once untimed, which also compiles its module).
 * @returns milliseconds per candidate, with hash-wasm's as the reference output
 */
export async function benchKdfCandidates(runs = 5) {
  const params = benchKdfParams();
  const reference = bytesToHex(await deriveMasterKey(BENCH_PASSWORD, params));
  const hashWasm = median(await timeRuns(runs, () => deriveMasterKey(BENCH_PASSWORD, params)));
  let openpgp: Awaited<ReturnType<typeof openpgpArgon2id>> | (KdfCandidate & { rfc9106: null });
  try {
    openpgp = await openpgpArgon2id(runs, reference);
  } catch (error) {
    openpgp = { ms: null, matchesHashWasm: null, rfc9106: null, error: error instanceof Error ? error.message : String(error) };
  }
  return {
    crossOriginIsolated: globalThis.crossOriginIsolated === true,
    cores: navigator.hardwareConcurrency,
    hashWasmMs: round(hashWasm),
    openpgpSimd: openpgp,
    referenceSimdThreads: await threadedReference(runs, reference),
  };
}

/**
 * Argon2id the way the extension runs it since issue 15: the offscreen document's KDF worker
 * (entrypoints/offscreen/kdf-worker.ts, built from the same source with its WebAssembly) asked with the wire
 * request the offscreen page relays, timed from request to key; the port hop between the service worker and the
 * offscreen page (one small JSON message each way) is not included. The first request also loads the module and
 * runs the RFC 9106 self-test, so it is reported apart (`firstMs`). `byLanes` is the same worker at p = 1, 2, 4
 * (same memory and passes): one thread does the same work whatever the lane count, which the native CLI spreads
 * over its threads.
 */
import { bytesToHex } from '@noble/hashes/utils.js';
import type { KdfReply, KdfRequest } from '../../../lib/browser/kdf-wire';
import { deriveMasterKey } from '../../../lib/crypto/derive-master-key';
import { BENCH_PASSWORD, benchKdfParams } from '../argon2-ours';
import { median, round, timeRuns } from '../stats';

/** The lane counts of the curve. */
export const CURVE_LANES = [1, 2, 4] as const;

/**
 * @param runs - timed derivations at our parameters (median); the curve takes min(runs, 3) per lane count
 * @returns median ms, the first request's ms, whether the key equals hash-wasm's, and the lanes curve
 */
export async function benchExtensionKdf(runs = 5) {
  const worker = new Worker(new URL('../../../entrypoints/offscreen/kdf-worker.ts', import.meta.url), { type: 'module' });
  let nextId = 0;
  const params = benchKdfParams();
  const ask = (p: number) =>
    new Promise<KdfReply>((resolve, reject) => {
      worker.onmessage = (event: MessageEvent<KdfReply>) => resolve(event.data);
      worker.onerror = (event) => reject(new Error(event.message));
      const request: KdfRequest = { id: nextId++, password: BENCH_PASSWORD.normalize('NFKC'), salt: [...params.salt], m: params.m, t: params.t, p };
      worker.postMessage(request);
    });
  try {
    const started = performance.now();
    const first = await ask(params.p);
    const firstMs = performance.now() - started;
    if ('failed' in first) return { ms: null, firstMs: round(firstMs), matchesHashWasm: null, byLanes: null, error: 'the KDF worker failed (RFC 9106 self-test or load)' };
    const reference = bytesToHex(await deriveMasterKey(BENCH_PASSWORD, params));
    const ms = median(await timeRuns(runs, () => ask(params.p)));
    const byLanes: Record<string, number> = {};
    for (const p of CURVE_LANES) byLanes[p] = round(median(await timeRuns(Math.min(runs, 3), () => ask(p))));
    return { ms: round(ms), firstMs: round(firstMs), matchesHashWasm: bytesToHex(Uint8Array.from(first.key)) === reference, byLanes };
  } catch (error) {
    return { ms: null, firstMs: null, matchesHashWasm: null, byLanes: null, error: error instanceof Error ? error.message : String(error) };
  } finally {
    worker.terminate();
  }
}

/** Our Argon2id derivation (hash-wasm) timed at the default parameters; no Node-only import, so the Chromium bench page runs it too. */
import { deriveMasterKey } from '../../lib/crypto/derive-master-key';
import { KDF_DEFAULT, type KdfParams } from '../../lib/crypto/kdf-params';
import { median, round, timeRuns } from './stats';

/** 16 ASCII bytes, so the native `argon2` CLI can take the very same salt as an argument. */
export const BENCH_SALT = 'sealpass-bench!!';
export const BENCH_PASSWORD = 'correct horse battery staple';

/** The default parameters (the floor) with the bench salt. */
export function benchKdfParams(): KdfParams {
  return { alg: 'argon2id', version: 0x13, ...KDF_DEFAULT, salt: new TextEncoder().encode(BENCH_SALT) };
}

/** Median milliseconds of `deriveMasterKey` over `runs` runs, with the parameters it was run at. */
export async function benchDeriveMasterKey(runs = 5) {
  const params = benchKdfParams();
  // The first run also compiles the WebAssembly module; the median keeps that one-off cost out.
  const samples = await timeRuns(runs, () => deriveMasterKey(BENCH_PASSWORD, params));
  return {
    params: { mKiB: params.m, t: params.t, p: params.p },
    hashWasmMs: round(median(samples)),
    runs,
  };
}

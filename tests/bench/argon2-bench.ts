/**
 * Argon2id at the default parameters (64 MiB, t=3, p=4): our derivation (hash-wasm), @noble/hashes and
 * the native `argon2` CLI (Debian package argon2, threaded) side by side in one run.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { argon2id } from '@noble/hashes/argon2.js';
import { KDF_DEFAULT } from '../../lib/crypto/kdf-params';
import { BENCH_PASSWORD, BENCH_SALT, benchDeriveMasterKey } from './argon2-ours';
import { median, round, timeRuns } from './stats';

/** Median milliseconds of each implementation and the ratio of ours to native. */
export async function benchArgon2(runs = 5) {
  const salt = new TextEncoder().encode(BENCH_SALT);
  const { params, hashWasmMs: ours } = await benchDeriveMasterKey(runs);
  const noble = median(await timeRuns(Math.min(runs, 3), () => argon2id(BENCH_PASSWORD, salt, { m: KDF_DEFAULT.m, t: KDF_DEFAULT.t, p: KDF_DEFAULT.p, dkLen: 32 })));
  let native: number | null = null;
  // The lanes curve (issue 15): the CLI runs one thread per lane, so p = 1, 2, 4 shows what threads buy on this machine.
  let nativeCliByLanesMs: Record<string, number> | null = null;
  if (existsSync('/usr/bin/argon2')) {
    const cli = (p: number) => () => execFileSync('/usr/bin/argon2', [BENCH_SALT, '-id', '-t', String(KDF_DEFAULT.t), '-m', String(Math.log2(KDF_DEFAULT.m)), '-p', String(p), '-r'], { input: BENCH_PASSWORD });
    native = median(await timeRuns(runs, cli(KDF_DEFAULT.p)));
    nativeCliByLanesMs = {};
    for (const p of [1, 2, 4]) nativeCliByLanesMs[p] = round(median(await timeRuns(Math.min(runs, 3), cli(p))));
  }
  return {
    params,
    hashWasmMs: ours,
    nobleMs: round(noble),
    nativeCliMs: native === null ? null : round(native),
    nativeCliByLanesMs,
    oursOverNative: native === null ? null : round(ours / native),
    target: 'ours/native <= 1.3',
  };
}

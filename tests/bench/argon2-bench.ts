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
  const native = nativeCliSamples(runs);
  // The lanes curve (issue 15): the CLI runs one thread per lane, so p = 1, 2, 4 shows what threads buy on this machine.
  const nativeCliByLanesMs = nativeCliByLanes(Math.min(runs, 3));
  return {
    params,
    hashWasmMs: ours,
    nobleMs: round(noble),
    nativeCliMs: native === null ? null : round(median(native)),
    nativeCliByLanesMs,
    oursOverNative: native === null ? null : round(ours / median(native)),
    target: 'ours/native <= 1.3',
  };
}

/** The Debian `argon2` CLI's path (scripts/ensure-argon2.mjs installs it). */
const NATIVE_CLI = '/usr/bin/argon2';

/**
 * Times the native CLI at the default memory and passes with `p` lanes (it runs one thread per lane), each run
 * including its process start (a few ms).
 * @returns the samples in ms, or null without the CLI
 */
export function nativeCliSamples(runs: number, p: number = KDF_DEFAULT.p): number[] | null {
  if (!existsSync(NATIVE_CLI)) return null;
  const args = [BENCH_SALT, '-id', '-t', String(KDF_DEFAULT.t), '-m', String(Math.log2(KDF_DEFAULT.m)), '-p', String(p), '-r'];
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    execFileSync(NATIVE_CLI, args, { input: BENCH_PASSWORD });
    samples.push(performance.now() - start);
  }
  return samples;
}

/** Median ms of the native CLI at p = 1, 2, 4, or null without the CLI. */
export function nativeCliByLanes(runs: number): Record<string, number> | null {
  const byLanes: Record<string, number> = {};
  for (const p of [1, 2, 4]) {
    const samples = nativeCliSamples(runs, p);
    if (!samples) return null;
    byLanes[p] = round(median(samples));
  }
  return byLanes;
}

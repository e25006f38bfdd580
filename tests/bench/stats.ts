/** Small statistics for benchmark figures: medians and percentiles of millisecond samples. */

/** The p-th percentile (0..100) by nearest rank; `NaN` for no samples. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank]!;
}

/** Median of the samples. */
export const median = (samples: readonly number[]) => percentile(samples, 50);

/** Rounds to 2 decimals for readable JSON. */
export const round = (n: number) => Math.round(n * 100) / 100;

/** Runs `fn` `runs` times and returns each duration in ms. */
export async function timeRuns(runs: number, fn: () => unknown): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn();
    samples.push(performance.now() - start);
  }
  return samples;
}

/**
 * One part of `npm run bench` under a time limit: a part that throws or hangs is reported on stderr and in
 * the JSON as `{ failed }`, the run goes on with the next part, and the exit code says it failed. On time
 * out the part's AbortSignal fires so it can stop what it started (servers, browsers).
 */

/** What a failed part leaves in the JSON. */
export interface PartFailure {
  failed: string;
}

/** Most a part may take unless it says otherwise, ms; generous for a shared 2-core machine. */
const DEFAULT_PART_TIMEOUT_MS = 15 * 60_000;

/**
 * @param name - the part's key in the JSON, for the message
 * @param part - the benchmark; it should stop its own processes when `signal` aborts
 * @param timeoutMs - the part's time limit, ms; BENCH_PART_TIMEOUT_S overrides every part's
 * @returns the part's figures, or `{ failed }` with why
 */
export async function runPart<T>(name: string, part: (signal: AbortSignal) => Promise<T>, timeoutMs = DEFAULT_PART_TIMEOUT_MS): Promise<T | PartFailure> {
  const override = Number(process.env.BENCH_PART_TIMEOUT_S);
  const limitMs = Number.isFinite(override) && override > 0 ? override * 1000 : timeoutMs;
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      const error = new Error(`timed out after ${Math.round(limitMs / 1000)} s`);
      controller.abort(error);
      reject(error);
    }, limitMs);
  });
  try {
    return await Promise.race([part(controller.signal), timedOut]);
  } catch (error) {
    const message = error instanceof Error ? (error.message.split('\n', 1)[0] ?? error.message) : String(error);
    console.error(`bench: ${name} failed: ${message}`);
    process.exitCode = 1;
    return { failed: message };
  } finally {
    clearTimeout(timer);
  }
}

/** True when a part's result is a failure. */
export function partFailed(result: object): result is PartFailure {
  return 'failed' in result && typeof result.failed === 'string';
}

/** The bench's per-part time limit (issue 15, item 6): a part that never ends is reported, aborted and left behind. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { partFailed, runPart } from './run-part';

describe('runPart', () => {
  afterEach(() => {
    vi.useRealTimers();
    process.exitCode = undefined;
  });

  it('gives back what the part measured', async () => {
    expect(await runPart('ok', async () => ({ figure: 1 }))).toEqual({ figure: 1 });
    expect(process.exitCode).toBeUndefined();
  });

  it('reports a part that never ends as failed, aborts its signal and marks the run failed', async () => {
    vi.useFakeTimers();
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    let seen: AbortSignal | undefined;
    const result = runPart(
      'relay',
      (signal) => {
        seen = signal;
        return new Promise<never>(() => undefined);
      },
      1000,
    );
    await vi.advanceTimersByTimeAsync(1000);
    const settled = await result;
    expect(partFailed(settled)).toBe(true);
    expect(settled).toEqual({ failed: 'timed out after 1 s' });
    expect(seen?.aborted).toBe(true);
    expect(process.exitCode).toBe(1);
    expect(console.error).toHaveBeenCalledWith('bench: relay failed: timed out after 1 s');
  });

  it('reports a part that throws with the first line of its message', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    expect(await runPart('chromium', async () => Promise.reject(new Error('no browser\nstack')))).toEqual({ failed: 'no browser' });
  });
});

/** serializeWrites: one vault's writes run one after another; a failure does not block the next. */
import { describe, expect, it } from 'vitest';
import { serializeWrites } from '../../../lib/vault/records/serialize-writes';

/** A promise the test resolves by hand (no timers). */
function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

describe('serializeWrites', () => {
  it('runs tasks for one owner in order: the second starts only after the first settled', async () => {
    const owner = {};
    const gate = deferred<void>();
    const log: string[] = [];
    const first = serializeWrites(owner, async () => {
      log.push('first start');
      await gate.promise;
      log.push('first end');
      return 1;
    });
    const second = serializeWrites(owner, async () => {
      log.push('second');
      return 2;
    });
    await Promise.resolve();
    await Promise.resolve();
    expect(log).toEqual(['first start']);
    gate.resolve();
    expect(await Promise.all([first, second])).toEqual([1, 2]);
    expect(log).toEqual(['first start', 'first end', 'second']);
  });

  it('a failed task rejects its own promise and does not block the ones after it', async () => {
    const owner = {};
    const failed = serializeWrites(owner, () => Promise.reject(new Error('boom')));
    const next = serializeWrites(owner, async () => 'ran');
    await expect(failed).rejects.toThrow('boom');
    await expect(next).resolves.toBe('ran');
  });

  it('different owners do not wait for each other', async () => {
    const gate = deferred<void>();
    const blocked = serializeWrites({}, () => gate.promise);
    await expect(serializeWrites({}, async () => 'free')).resolves.toBe('free');
    gate.resolve();
    await blocked;
  });
});

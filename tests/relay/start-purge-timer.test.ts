/** startPurgeTimer: purges with the relay's clock every interval until stopped; a failing purge is logged, not thrown. */
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { FOLDER_DELETED_RETENTION_MS } from '../../lib/relay-protocol/relay-limits';
import { startPurgeTimer } from '../../relay/start-purge-timer';
import { openSqliteStore } from '../../relay/store/sqlite-store';
import { fakeClock } from './fixtures';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

it('calls purgeExpired with the relay clock on each tick, and stops', async () => {
  const store = openSqliteStore(':memory:');
  await store.migrate();
  const purge = vi.spyOn(store, 'purgeExpired');
  const folders = vi.spyOn(store, 'purgeDeletedFolders');
  const clock = fakeClock();
  const stop = startPurgeTimer(store, clock.now, 1000);
  await vi.advanceTimersByTimeAsync(999);
  expect(purge).not.toHaveBeenCalled();
  clock.advance(5000);
  await vi.advanceTimersByTimeAsync(1);
  expect(purge).toHaveBeenCalledWith(clock.now());
  // Shared folders (issue 13): those deleted 30 days ago or earlier.
  expect(folders).toHaveBeenCalledWith(clock.now() - FOLDER_DELETED_RETENTION_MS);
  await vi.advanceTimersByTimeAsync(2000);
  expect(purge).toHaveBeenCalledTimes(3);
  stop();
  await vi.advanceTimersByTimeAsync(5000);
  expect(purge).toHaveBeenCalledTimes(3);
  await store.close();
});

it('logs a failed purge without its data and keeps going', async () => {
  const store = openSqliteStore(':memory:');
  await store.migrate();
  vi.spyOn(store, 'purgeExpired').mockRejectedValue(new Error('database is locked'));
  const log = vi.spyOn(console, 'error').mockImplementation(() => undefined);
  const stop = startPurgeTimer(store, Date.now, 1000);
  await vi.advanceTimersByTimeAsync(2000);
  expect(log).toHaveBeenCalledTimes(2);
  expect(log).toHaveBeenCalledWith('relay: purge failed: database is locked');
  stop();
  await store.close();
});

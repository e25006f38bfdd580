/** The "import progress" push from the background to extension pages, over WXT's fake browser: counts only, validated. */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { broadcastImportProgress, subscribeImportProgress } from '../../lib/messaging/import-progress-event';

describe('import-progress event', () => {
  beforeEach(() => fakeBrowser.reset());

  it('the background broadcasts { event, progress } with counts only', async () => {
    const seen: unknown[] = [];
    fakeBrowser.runtime.onMessage.addListener((message: unknown) => {
      seen.push(message);
    });
    await broadcastImportProgress({ phase: 'sealing', done: 500, total: 1_000 });
    await broadcastImportProgress({ phase: 'saving', total: 1_000 });
    expect(seen).toEqual([
      { event: 'import-progress', progress: { phase: 'sealing', done: 500, total: 1_000 } },
      { event: 'import-progress', progress: { phase: 'saving', total: 1_000 } },
    ]);
  });

  it('broadcasting with no page open is not an error', async () => {
    await expect(broadcastImportProgress({ phase: 'saving', total: 1 })).resolves.toBeUndefined();
  });

  it('a page hears valid reports from our own extension; after unsubscribing it does not', async () => {
    const listener = vi.fn();
    const unsubscribe = subscribeImportProgress(listener);
    await fakeBrowser.runtime.onMessage.trigger({ event: 'import-progress', progress: { phase: 'sealing', done: 1, total: 2 } }, { id: fakeBrowser.runtime.id });
    expect(listener).toHaveBeenCalledWith({ phase: 'sealing', done: 1, total: 2 });
    unsubscribe();
    await fakeBrowser.runtime.onMessage.trigger({ event: 'import-progress', progress: { phase: 'saving', total: 2 } }, { id: fakeBrowser.runtime.id });
    expect(listener).toHaveBeenCalledTimes(1);
  });

  it('ignores malformed reports, other events and other extensions', async () => {
    const listener = vi.fn();
    subscribeImportProgress(listener);
    const own = { id: fakeBrowser.runtime.id };
    await fakeBrowser.runtime.onMessage.trigger({ event: 'import-progress', progress: { phase: 'sealing', done: -1, total: 2 } }, own);
    await fakeBrowser.runtime.onMessage.trigger({ event: 'import-progress', progress: { phase: 'done' } }, own);
    await fakeBrowser.runtime.onMessage.trigger({ event: 'import-progress' }, own);
    await fakeBrowser.runtime.onMessage.trigger({ event: 'vault-locked' }, own);
    await fakeBrowser.runtime.onMessage.trigger({ event: 'import-progress', progress: { phase: 'saving', total: 2 } }, { id: 'another-extension' });
    expect(listener).not.toHaveBeenCalled();
  });
});

/** The "vault locked" push from the background to extension pages, over WXT's fake browser. */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { broadcastVaultLocked, subscribeVaultLocked } from '../../lib/messaging/vault-locked-event';

describe('vault-locked event', () => {
  beforeEach(() => fakeBrowser.reset());

  it('the background broadcasts exactly { event: "vault-locked" }, nothing else', async () => {
    const seen: unknown[] = [];
    fakeBrowser.runtime.onMessage.addListener((message: unknown) => {
      seen.push(message);
    });
    await broadcastVaultLocked();
    expect(seen).toEqual([{ event: 'vault-locked' }]);
  });

  it('broadcasting with no page open is not an error', async () => {
    await expect(broadcastVaultLocked()).resolves.toBeUndefined();
  });

  it('a page hears it from our own extension; after unsubscribing it does not', async () => {
    const listener = vi.fn();
    const unsubscribe = subscribeVaultLocked(listener);
    await fakeBrowser.runtime.onMessage.trigger({ event: 'vault-locked' }, { id: fakeBrowser.runtime.id });
    expect(listener).toHaveBeenCalledTimes(1);
    unsubscribe();
    await fakeBrowser.runtime.onMessage.trigger({ event: 'vault-locked' }, { id: fakeBrowser.runtime.id });
    expect(listener).toHaveBeenCalledTimes(1);
  });

  it('ignores other messages and the same event from another extension', async () => {
    const listener = vi.fn();
    subscribeVaultLocked(listener);
    await fakeBrowser.runtime.onMessage.trigger({ event: 'something-else' }, { id: fakeBrowser.runtime.id });
    await fakeBrowser.runtime.onMessage.trigger({ type: 'vaultLock', payload: {} }, { id: fakeBrowser.runtime.id });
    await fakeBrowser.runtime.onMessage.trigger({ event: 'vault-locked' }, { id: 'another-extension' });
    expect(listener).not.toHaveBeenCalled();
  });
});

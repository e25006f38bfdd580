/** The "vault changed" push from the background to extension pages (issue 17 item 9), over WXT's fake browser. */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { broadcastVaultChange, subscribeVaultChange } from '../../lib/messaging/vault-change-event';

describe('vault-changed event', () => {
  beforeEach(() => fakeBrowser.reset());

  it('the background broadcasts the kind of change and nothing else', async () => {
    const seen: unknown[] = [];
    fakeBrowser.runtime.onMessage.addListener((message: unknown) => {
      seen.push(message);
    });
    await broadcastVaultChange('items-changed');
    await broadcastVaultChange('unlocked');
    expect(seen).toEqual([{ event: 'vault-changed', change: 'items-changed' }, { event: 'vault-changed', change: 'unlocked' }]);
  });

  it('broadcasting with no page open is not an error', async () => {
    await expect(broadcastVaultChange('created')).resolves.toBeUndefined();
  });

  it('a page hears each change from our own extension; after unsubscribing it does not', async () => {
    const listener = vi.fn();
    const unsubscribe = subscribeVaultChange(listener);
    await fakeBrowser.runtime.onMessage.trigger({ event: 'vault-changed', change: 'created' }, { id: fakeBrowser.runtime.id });
    expect(listener).toHaveBeenCalledWith('created');
    unsubscribe();
    await fakeBrowser.runtime.onMessage.trigger({ event: 'vault-changed', change: 'created' }, { id: fakeBrowser.runtime.id });
    expect(listener).toHaveBeenCalledTimes(1);
  });

  it('ignores unknown changes, other events and the same event from another extension', async () => {
    const listener = vi.fn();
    subscribeVaultChange(listener);
    await fakeBrowser.runtime.onMessage.trigger({ event: 'vault-changed', change: 'item-abc-deleted' }, { id: fakeBrowser.runtime.id });
    await fakeBrowser.runtime.onMessage.trigger({ event: 'vault-changed' }, { id: fakeBrowser.runtime.id });
    await fakeBrowser.runtime.onMessage.trigger({ event: 'vault-locked' }, { id: fakeBrowser.runtime.id });
    await fakeBrowser.runtime.onMessage.trigger({ event: 'vault-changed', change: 'unlocked' }, { id: 'another-extension' });
    expect(listener).not.toHaveBeenCalled();
  });
});

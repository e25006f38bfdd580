/**
 * The background's "the vault changed" event to every open extension page (popup, vault tabs): unlocked,
 * created, or items changed (an edit, a delete, an import, a share that arrived or ended). Locking has its
 * own event (vault-locked-event), which makes pages drop what they show at once. These events carry the
 * kind of change only, never an item, an id or a title (S3); a page that hears one asks again for what it shows.
 */
import { browser } from 'wxt/browser';
import { z } from 'zod';

const EVENT = 'vault-changed';

/** What changed: the vault was unlocked or created elsewhere, or the list of items (own or received) changed. */
export const vaultChangeSchema = z.enum(['unlocked', 'created', 'items-changed']);
export type VaultChange = z.infer<typeof vaultChangeSchema>;

/** Background side: tells every open extension page. No page open is not an error. */
export async function broadcastVaultChange(change: VaultChange): Promise<void> {
  try {
    await browser.runtime.sendMessage({ event: EVENT, change });
  } catch {
    // "Receiving end does not exist": no popup or vault page is open.
  }
}

/**
 * Page side: calls `listener` with each change our own background reports. Only messages from our own
 * extension count, and only a known change: web pages cannot reach `runtime.onMessage` of extension pages.
 * @returns a function that removes the listener
 */
export function subscribeVaultChange(listener: (change: VaultChange) => void): () => void {
  const onMessage = (message: unknown, sender: { id?: string }) => {
    const event = message as { event?: unknown; change?: unknown } | null;
    if (sender.id !== browser.runtime.id || event?.event !== EVENT) return undefined;
    const change = vaultChangeSchema.safeParse(event.change);
    if (change.success) listener(change.data);
    return undefined;
  };
  browser.runtime.onMessage.addListener(onMessage);
  return () => browser.runtime.onMessage.removeListener(onMessage);
}

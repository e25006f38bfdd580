/**
 * The one event the background pushes to extension pages: "the vault just locked", so an open vault page
 * or popup drops every decrypted value at once instead of at its next request (S4). It carries nothing else.
 */
import { browser } from 'wxt/browser';

const EVENT = 'vault-locked';

/** Background side: tells every open extension page. No page open is not an error. */
export async function broadcastVaultLocked(): Promise<void> {
  try {
    await browser.runtime.sendMessage({ event: EVENT });
  } catch {
    // "Receiving end does not exist": no popup or vault page is open.
  }
}

/**
 * Page side: calls `listener` when the background says the vault locked. Only messages from our own
 * extension count; web pages cannot reach `runtime.onMessage` of extension pages.
 * @returns a function that removes the listener
 */
export function subscribeVaultLocked(listener: () => void): () => void {
  const onMessage = (message: unknown, sender: { id?: string }) => {
    if (sender.id === browser.runtime.id && (message as { event?: unknown } | null)?.event === EVENT) listener();
    return undefined;
  };
  browser.runtime.onMessage.addListener(onMessage);
  return () => browser.runtime.onMessage.removeListener(onMessage);
}

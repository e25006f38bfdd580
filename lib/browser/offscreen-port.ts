/**
 * What the background's two offscreen ports (the strength scorer and the KDF) share: the check that a port
 * comes from our own offscreen page (T21), and a timeout for waiting on it.
 */
import type { Browser } from 'wxt/browser';

/**
 * T21: only our offscreen page; a content script's port names a tab, another page or extension its own URL or id.
 * @param port - a port that just connected
 * @param ownId - this extension's id
 * @param offscreenUrl - the full URL of our offscreen page
 */
export function fromOurOffscreenPage(port: Browser.runtime.Port, ownId: string, offscreenUrl: string): boolean {
  return port.sender?.id === ownId && port.sender.url === offscreenUrl && !port.sender.tab;
}

/**
 * @param ms - how long to wait, in ms
 * @returns `promise`'s outcome, or a rejection with `reason` when it has not settled within `ms`
 */
export function withTimeout<T>(promise: Promise<T>, ms: number, reason: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(reason)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

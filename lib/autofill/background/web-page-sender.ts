/** The web page a save-flow or generator message came from, as the browser reported it (never the message). */
import { VaultError } from '../../vault/model/vault-error';

/** The sender facts a handler receives from dispatchMessage. */
export interface Sender {
  tabId?: number;
  frameId?: number;
  url?: string;
}

/**
 * The sender's tab, frame and web origin.
 * @returns the origin, and the URL without query or fragment (they may carry tokens); `frameId` 0 when unknown
 * @throws VaultError `forbidden` for anything but an http(s) page in a tab
 */
export function webPage(sender: Sender): { tabId: number; frameId: number; origin: string; url: string } {
  let url: URL | null = null;
  try {
    url = sender.url === undefined ? null : new URL(sender.url);
  } catch {
    url = null;
  }
  if (!url || sender.tabId === undefined || (url.protocol !== 'https:' && url.protocol !== 'http:')) {
    throw new VaultError('forbidden', 'This request is only allowed from a web page.');
  }
  return { tabId: sender.tabId, frameId: sender.frameId ?? 0, origin: url.origin, url: `${url.origin}${url.pathname}` };
}

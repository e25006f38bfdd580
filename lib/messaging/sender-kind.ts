/**
 * Classifies who sent a runtime message, from what the browser reports (never from the message).
 * Extension pages are our own documents; content scripts run in web pages with a tab and frame.
 */

/** The fields of `runtime.MessageSender` this decision reads. */
export interface SenderInfo {
  id?: string;
  url?: string;
  origin?: string;
  tab?: unknown;
  frameId?: number;
}

/**
 * @param sender - as given to `runtime.onMessage`
 * @param extensionId - our own runtime id
 * @param extensionOrigin - e.g. `chrome-extension://<id>` (no trailing slash)
 * @returns the kind, or `null` for anything else (other extensions, unknown origins)
 */
export function senderKind(sender: SenderInfo, extensionId: string, extensionOrigin: string): 'extension-page' | 'content-script' | null {
  if (sender.id !== extensionId || !sender.url) return null;
  let url: URL;
  try {
    url = new URL(sender.url);
  } catch {
    return null;
  }
  if (url.origin === extensionOrigin || `${url.protocol}//${url.host}` === extensionOrigin) return 'extension-page';
  if ((url.protocol === 'https:' || url.protocol === 'http:') && sender.tab !== undefined) return 'content-script';
  return null;
}

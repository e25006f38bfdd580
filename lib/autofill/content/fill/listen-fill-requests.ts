/**
 * Receives the background's fill requests (shortcut, context menu, popup) in the content script. Only our
 * own background counts (our extension id, no tab: not a page, not another content script); a page's
 * postMessage never reaches `runtime.onMessage`, and no `message` listener exists on the window (T21).
 */
import { browser } from 'wxt/browser';
import { parseFillRequest, type FillOutcome, type FillRequest } from '../../fill-request';

/**
 * @param handle - does the fill; returns null when this frame is not the one to act (it then stays silent,
 *   so the frame that does act answers the request)
 * @returns removes the listener
 */
export function listenForFillRequests(handle: (request: FillRequest) => FillOutcome | null | Promise<FillOutcome>): () => void {
  const listener = (raw: unknown, sender: { id?: string; tab?: unknown }, sendResponse: (outcome: FillOutcome) => void) => {
    if (sender.id !== browser.runtime.id || sender.tab !== undefined) return undefined;
    const request = parseFillRequest(raw);
    if (request === null) return undefined;
    const outcome = handle(request);
    if (outcome === null) return undefined;
    // sendResponse and `return true` rather than a returned promise: every Chromium version accepts it.
    void Promise.resolve(outcome).then(sendResponse, () => sendResponse('failed'));
    return true;
  };
  browser.runtime.onMessage.addListener(listener);
  return () => browser.runtime.onMessage.removeListener(listener);
}

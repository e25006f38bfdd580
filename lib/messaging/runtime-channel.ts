/**
 * The one line to the background for extension pages and content scripts, so that lib/protocol and
 * lib/autofill/content call no browser API themselves: send a message, and receive the background's own
 * requests (content scripts). Only our own background counts as a sender
 * (our extension id and no tab: not a page, not another content script); a page's postMessage never
 * reaches `runtime.onMessage`, and no `message` listener exists on the window (T21). No zod here: the
 * content script checks replies by hand to stay small.
 */
import { browser } from 'wxt/browser';

/**
 * Sends `{ type, payload }` to the background.
 * @returns the raw, unchecked reply; rejects when the background cannot be reached
 */
export function sendToBackground(type: string, payload: unknown): Promise<unknown> {
  return browser.runtime.sendMessage({ type, payload });
}

/**
 * Answers the background's requests to this frame for as long as the frame lives (content scripts have no
 * teardown, so no way to remove the listener is kept: issue 15's size budget).
 * @param handle - gets the raw message; returns the answer, or null when this frame is not the one to act
 *   (it then stays silent, so the frame that does act answers)
 * @param onFailure - the answer when `handle` rejects
 */
export function answerBackground<A>(handle: (raw: unknown) => A | null | Promise<A>, onFailure: A): void {
  browser.runtime.onMessage.addListener((raw: unknown, sender: { id?: string; tab?: unknown }, sendResponse: (answer: A) => void) => {
    if (sender.id !== browser.runtime.id || sender.tab !== undefined) return undefined;
    const answer = handle(raw);
    if (answer === null) return undefined;
    // sendResponse and `return true` rather than a returned promise: every Chromium version accepts it.
    void Promise.resolve(answer).then(sendResponse, () => sendResponse(onFailure));
    return true;
  });
}

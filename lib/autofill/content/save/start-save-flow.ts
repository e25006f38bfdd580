/**
 * The always-present half of saving and generating, in every frame. It draws nothing and watches no submits
 * itself: it asks for the offer a navigation left pending (top frame), asks for the generator menu when the
 * fill code reports a focused new-password field, and asks the background to start watching the frame's
 * submits when a password is typed or autofilled without a focus that announced the form (the browser's own
 * autofill). The background answers by injecting the prompts script (lib/autofill/content/prompts) where it is
 * needed, which keeps the save bar, the generator menu and the submit watcher out of every page's budget
 * (issue 15).
 */
import type { SendSaveMessage } from './send-save-message';
import { sendToBackground } from '../../../messaging/runtime-channel';

/**
 * Starts the save flow in one frame's document, for the frame's lifetime (a content script has no teardown).
 * @param send - the save-flow sender; default the content channel's `sendToBackground`
 * @returns asks for the generator menu: call it when a new-password or confirm-password field gets the focus
 * @example startAutofill(document, { onNewPassword: startSaveFlow(document) });
 */
export function startSaveFlow(doc: Document, send: SendSaveMessage = sendToBackground): () => void {
  const view = doc.defaultView;
  // The background shows the prompt itself; a background that does not answer shows nothing.
  const tell = (reply: Promise<unknown>): void => void reply.catch(() => undefined);
  let watching = false;
  doc.addEventListener('input', (event) => {
    const field = event.composedPath()[0];
    if (watching || !event.isTrusted || !(field instanceof HTMLInputElement) || (field.type !== 'password' && !/password/i.test(field.autocomplete))) return;
    watching = true;
    tell(send('saveWatch', {}));
  }, true);
  if (view !== null && view.top === view) tell(send('savePending', {}));
  return () => tell(send('generatorOpen', {}));
}

/**
 * The content script's one entry into saving: reports submits to the background, shows the save bar for
 * the offer it answers with (on this page, or in the top frame of the page the submit led to), and offers
 * the generator in new-password fields.
 */
import { detectForms } from '../detect/detect-forms';
import type { DetectedForm } from '../detect/form-types';
import { offerGenerator } from './generator-offer';
import { parseSaveReply } from './parse-save-reply';
import { showSaveBar } from './save-bar';
import type { SendSaveMessage } from './save-flow-types';
import { watchSubmissions } from './watch-submissions';
import { sendToBackground } from '../../../messaging/runtime-channel';

/** What the save flow takes from its surroundings; the content script passes none of it. */
export interface SaveFlowOptions {
  /** The document's forms right now; default `detectForms(doc)`. */
  detect: () => DetectedForm[];
  /** Sends a save-flow message; default the content channel's `sendToBackground`. */
  send: SendSaveMessage;
  /** True in the tab's top frame, the one that asks for the offer a navigation left pending; default from `window.top`. */
  isTopFrame: boolean;
}

/**
 * Starts the save flow in one frame's document.
 * @returns a function that stops it (listeners removed, open UI closed)
 * @example ctx.onInvalidated(startSaveFlow(document));
 */
export function startSaveFlow(doc: Document, overrides: Partial<SaveFlowOptions> = {}): () => void {
  const view = doc.defaultView;
  const options: SaveFlowOptions = {
    detect: () => detectForms(doc),
    send: sendToBackground,
    isTopFrame: view !== null && view.top === view,
    ...overrides,
  };
  const { send } = options;
  let closeBar = (): void => {};
  const show = async (reply: Promise<unknown>): Promise<void> => {
    const parsed = parseSaveReply(await reply.catch(() => null));
    if (parsed.ok && parsed.offer) closeBar = showSaveBar(doc, parsed.offer, send);
  };
  const stopWatching = watchSubmissions(doc, {
    detect: options.detect,
    onSubmit: (submission) => void show(send('saveSubmitted', { submission })),
  });
  const stopGenerator = offerGenerator(doc, { detect: options.detect, send });
  if (options.isTopFrame) void show(send('savePending', {}));
  return () => {
    stopWatching();
    stopGenerator();
    closeBar();
  };
}

/**
 * The on-demand prompts script's one entry (entrypoints/autofill-prompts.ts): the background injects it into
 * a frame with `scripting.executeScript` when that frame needs the save bar, the generator menu or the
 * watching of submits (a credential field was focused or typed into), then says what to show through the
 * runtime channel (our own background only, T21). It runs in the extension's isolated world beside the content
 * script and installs itself once per document, however often it is injected: from then on it reports the
 * frame's submits (with the page's title, for the name the bar suggests) and answers the background's prompts.
 */
import { answerBackground, sendToBackground } from '../../../messaging/runtime-channel';
import { copyText } from './copy-text';
import { detectForms } from '../detect/detect-forms';
import { watchSubmissions } from '../save/watch-submissions';
import { showGeneratorMenu } from './generator-menu';
import { parsePromptRequest } from './parse-prompt-request';
import { showSaveBar } from './save-bar';
import type { SendSaveMessage } from '../save/send-save-message';

/** Marks the isolated world's global once installed; a page cannot see or set it (another JavaScript world). */
const INSTALLED = Symbol.for('sealpass.prompts');

/** Most characters of the title reported (MAX_PAGE_TITLE of autofill-save-messages, which holds zod). */
const MAX_PAGE_TITLE = 1_024;

/**
 * Installs the prompts in `doc`'s frame, once: watches submits and answers the background's prompt requests.
 * @param send - the save-flow sender; default the runtime channel
 * @example startPrompts(document);
 */
export function startPrompts(doc: Document, send: SendSaveMessage = sendToBackground): void {
  const world = globalThis as { [INSTALLED]?: true };
  if (world[INSTALLED]) return;
  world[INSTALLED] = true;
  // The background answers a submit by showing the bar itself (a prompt request to this or the next page).
  watchSubmissions(doc, {
    detect: () => detectForms(doc),
    onSubmit: (submission) => void send('saveSubmitted', { submission, pageTitle: doc.title.slice(0, MAX_PAGE_TITLE) }).catch(() => undefined),
  });
  answerBackground((raw) => {
    const request = parsePromptRequest(raw);
    if (request === null) return null;
    if (request.prompt === 'copy') return copyText(doc, request.text);
    if (request.prompt === 'save') showSaveBar(doc, request.offer, send);
    if (request.prompt === 'generator') showGenerator(doc, send);
    return true;
  }, false);
}

/** The generator menu on the focused new-password field, if the focus is still in one. */
function showGenerator(doc: Document, send: SendSaveMessage): void {
  let active = doc.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  if (!(active instanceof HTMLInputElement)) return;
  const field = active;
  const form = detectForms(doc).find((candidate) =>
    candidate.fields.some((f) => (f.role === 'new-password' || f.role === 'confirm-password') && f.elements.includes(field)),
  );
  if (form) showGeneratorMenu(field, form, send);
}

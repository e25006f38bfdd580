/**
 * Page script for the save-flow DOM tests (bundled by chromium-page.ts): exposes the content-script modules
 * under test on `window.saveTest`. Messages to "the background" are recorded and answered from replies the
 * test queues; the real background is exercised by tests/vault-service and the E2E suite.
 */
import { detectForms } from '../../lib/autofill/content/detect/detect-forms';
import { showGeneratorMenu } from '../../lib/autofill/content/prompts/generator-menu';
import { showSaveBar } from '../../lib/autofill/content/prompts/save-bar';
import type { SendSaveMessage } from '../../lib/autofill/content/save/send-save-message';
import { watchSubmissions } from '../../lib/autofill/content/save/watch-submissions';
import type { SaveOffer, Submission } from '../../lib/autofill/autofill-save-messages';

/** What the tests reach through `page.evaluate`. */
export interface SaveTestApi {
  /** Starts watchSubmissions on the document; reports go to `reports` and to sessionStorage `saveTest.reports`. */
  watch(): void;
  stop(): void;
  reports: Submission[];
  /** Shows the save bar for `offer`. */
  showBar(offer: SaveOffer): void;
  /**
   * Opens the generator menu whenever a new-password or confirm-password field gets the focus, as the
   * background's prompt request does after the content script's `generatorOpen`.
   */
  startGenerator(): void;
  /** Messages sent to "the background", in order. */
  sent: { type: string; payload: unknown }[];
  /** Replies to give, per message type, in order; `{ ok: true }` when none is queued. */
  replies: Record<string, unknown[]>;
}

const reports: Submission[] = [];
let stop: (() => void) | null = null;
const sent: SaveTestApi['sent'] = [];
const replies: SaveTestApi['replies'] = {};
const send: SendSaveMessage = async (type, payload) => {
  sent.push({ type, payload });
  return replies[type]?.shift() ?? { ok: true };
};

const api: SaveTestApi = {
  reports,
  sent,
  replies,
  watch() {
    stop = watchSubmissions(document, {
      detect: () => detectForms(document),
      onSubmit: (submission) => {
        reports.push(submission);
        // Survives a navigation of the tab (same origin), for the pagehide case.
        sessionStorage.setItem('saveTest.reports', JSON.stringify(reports));
      },
    });
  },
  stop() {
    stop?.();
    stop = null;
  },
  showBar(offer) {
    showSaveBar(document, offer, send);
  },
  startGenerator() {
    document.addEventListener('focusin', (event) => {
      const field = event.composedPath()[0];
      if (!(field instanceof HTMLInputElement)) return;
      const form = detectForms(document).find((candidate) =>
        candidate.fields.some((f) => (f.role === 'new-password' || f.role === 'confirm-password') && f.elements.includes(field)),
      );
      if (form) showGeneratorMenu(field, form, send);
    }, true);
  },
};
(window as unknown as { saveTest: SaveTestApi }).saveTest = api;

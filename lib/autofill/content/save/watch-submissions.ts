/**
 * Notices when the user submits a credential form, for the save-and-update offer. A `<form>`'s submit
 * event counts at once. A click on a form's submit-like button, or Enter in one of its credential fields,
 * only arms a submission (values read right then, before the page can clear them); it counts when the
 * page navigates away or the form is removed or hidden, which is how single-page apps without `<form>`
 * show a successful submit. Typing into the armed form again disarms it: the submit evidently failed.
 * Only trusted events count, so a page cannot fake a submit to raise an offer.
 */
import type { Submission } from '../../autofill-save-messages';
import type { DetectedForm } from '../detect/form-types';
import { isFieldVisible } from '../detect/is-field-visible';
import { readSubmission } from './read-submission';

/** The elements detection treats as buttons: a click elsewhere cannot be a submit. */
const BUTTONS = 'button,input[type=submit],input[type=image],input[type=button],[role=button]';

/** What `watchSubmissions` needs from the content script. */
export interface WatchSubmissionsOptions {
  /** The document's forms right now (`detectForms`); called only when an event may be a submit. */
  detect: () => DetectedForm[];
  /** Called once per submit, with the values the form held when the user submitted it. */
  onSubmit: (submission: Submission) => void;
}

interface Armed {
  form: DetectedForm;
  submission: Submission;
  observer: MutationObserver;
}

/**
 * Starts watching `doc` (and the open shadow roots its events come from) for submits.
 * @returns a function that stops watching and forgets an armed submission
 * @example const stop = watchSubmissions(document, { detect: () => detectForms(document), onSubmit: report });
 */
export function watchSubmissions(doc: Document, options: WatchSubmissionsOptions): () => void {
  const view = doc.defaultView;
  let armed: Armed | null = null;

  const disarm = (): void => {
    armed?.observer.disconnect();
    armed = null;
  };
  const fire = (): void => {
    const submission = armed?.submission;
    disarm();
    if (submission) options.onSubmit(submission);
  };
  const arm = (form: DetectedForm): void => {
    const submission = readSubmission(form);
    if (!submission) return;
    disarm();
    const observer = new MutationObserver(() => {
      if (armed && isGone(armed.form)) fire();
    });
    // The document, and the form's shadow root if it has one: changes inside a shadow root are not seen
    // from the document, nor the removal of its host from inside it.
    for (const root of new Set([doc, form.container.getRootNode()])) {
      observer.observe(root, { childList: true, subtree: true, attributes: true, attributeFilter: ['style', 'class', 'hidden', 'open'] });
    }
    armed = { form, submission, observer };
  };

  const onSubmitEvent = (event: Event): void => {
    if (!event.isTrusted || !(event.target instanceof Element)) return;
    const target = event.target;
    const form = options.detect().find((candidate) => candidate.container === target || target.contains(candidate.container));
    const submission = form ? readSubmission(form) : null;
    disarm();
    if (submission) options.onSubmit(submission);
  };
  const onClick = (event: MouseEvent): void => {
    if (!event.isTrusted || event.button !== 0) return;
    const path = event.composedPath();
    // Detection runs only for clicks on what it can call a submit button (collect-detection-controls).
    if (!path.some((node) => node instanceof Element && node.matches(BUTTONS))) return;
    const form = options.detect().find((candidate) => candidate.submit !== null && path.includes(candidate.submit));
    if (form) arm(form);
  };
  const onKeyDown = (event: KeyboardEvent): void => {
    if (!event.isTrusted || event.key !== 'Enter' || event.isComposing) return;
    const field = event.composedPath()[0];
    if (!(field instanceof HTMLInputElement)) return;
    const form = options.detect().find((candidate) => candidate.fields.some((f) => f.elements.includes(field)));
    if (form) arm(form);
  };
  const onInput = (event: Event): void => {
    if (event.isTrusted && armed && event.composedPath().includes(armed.form.container)) disarm();
  };
  const onPageHide = (): void => fire();

  // One signal removes every listener at once.
  const listening = new AbortController();
  const { signal } = listening;
  doc.addEventListener('submit', onSubmitEvent, { capture: true, signal });
  doc.addEventListener('click', onClick, { capture: true, signal });
  doc.addEventListener('keydown', onKeyDown, { capture: true, signal });
  doc.addEventListener('input', onInput, { capture: true, signal });
  view?.addEventListener('pagehide', onPageHide, { signal });
  return () => {
    disarm();
    listening.abort();
  };
}

/** The form was removed, or its password field was removed or hidden. */
function isGone(form: DetectedForm): boolean {
  if (!form.container.isConnected) return true;
  const password = form.fields.find((field) => field.role !== 'username' && field.role !== 'otp')?.elements[0];
  return password !== undefined && (!password.isConnected || !isFieldVisible(password));
}

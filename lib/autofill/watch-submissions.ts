/**
 * Notices when the user submits a credential form, for the save-and-update offer. A `<form>`'s submit
 * event counts at once. A click on a form's submit-like button, or Enter in one of its credential fields,
 * only arms a submission (values read right then, before the page can clear them); it counts when the
 * page navigates away or the form is removed or hidden, which is how single-page apps without `<form>`
 * show a successful submit. Typing into the armed form again disarms it: the submit evidently failed.
 * Only trusted events count, so a page cannot fake a submit to raise an offer.
 */
import type { Submission } from '../messaging/autofill-save-messages';
import type { DetectedForm } from './form-types';
import { isFieldVisible } from './is-field-visible';
import { readSubmission } from './read-submission';

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
    // The form's own document or shadow root: a shadow DOM form's removal is not seen from the document.
    observer.observe(form.container.getRootNode(), {
      childList: true,
      subtree: true,
      attributes: true,
      attributeFilter: ['style', 'class', 'hidden', 'open'],
    });
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
    const form = options.detect().find((candidate) => candidate.submit !== null && path.includes(candidate.submit));
    if (form) arm(form);
  };
  const onKeyDown = (event: KeyboardEvent): void => {
    if (!event.isTrusted || event.key !== 'Enter' || event.isComposing) return;
    const field = event.composedPath()[0];
    const form = options.detect().find((candidate) => candidate.fields.some((f) => (f.elements as EventTarget[]).includes(field as EventTarget)));
    if (form) arm(form);
  };
  const onInput = (event: Event): void => {
    if (event.isTrusted && armed && event.composedPath().includes(armed.form.container)) disarm();
  };
  const onPageHide = (): void => fire();

  doc.addEventListener('submit', onSubmitEvent, true);
  doc.addEventListener('click', onClick, true);
  doc.addEventListener('keydown', onKeyDown, true);
  doc.addEventListener('input', onInput, true);
  view?.addEventListener('pagehide', onPageHide);
  return () => {
    disarm();
    doc.removeEventListener('submit', onSubmitEvent, true);
    doc.removeEventListener('click', onClick, true);
    doc.removeEventListener('keydown', onKeyDown, true);
    doc.removeEventListener('input', onInput, true);
    view?.removeEventListener('pagehide', onPageHide);
  };
}

/** The form was removed, or its password field was removed or hidden. */
function isGone(form: DetectedForm): boolean {
  if (!form.container.isConnected) return true;
  const password = form.fields.find((field) => field.role !== 'username' && field.role !== 'otp')?.elements[0];
  return password !== undefined && (!password.isConnected || !isFieldVisible(password));
}

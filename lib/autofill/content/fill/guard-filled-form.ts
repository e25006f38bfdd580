/**
 * After a fill, keeps the form from sending the credential to another origin (T18): when its `action` (or a
 * button's `formaction`, or the page's `<base>`) changes to point elsewhere, the filled fields are cleared at
 * once (MutationObserver); a submit towards another origin is stopped and cleared; and the `formdata` event,
 * which fires even for a script's `form.submit()` before anything is sent, drops the filled values from the
 * entry list. Reading a filled field from page script is not something a content script can stop (T19).
 */
import { postsToOtherOrigin } from './posts-to-other-origin';
import { setInputValue } from './set-input-value';

/**
 * @param container - the filled form's container; a formless group posts nowhere and needs no guard
 * @param filled - the elements written to
 * @param pageOrigin - the frame's origin
 * @returns stops guarding (call before guarding the same form again)
 */
export function guardFilledForm(container: Element, filled: readonly HTMLInputElement[], pageOrigin: string): () => void {
  const doc = container.ownerDocument;
  const view = doc.defaultView;
  if (!view || !(container instanceof view.HTMLFormElement) || filled.length === 0) return () => {};
  const leaves = () => postsToOtherOrigin(container, pageOrigin);
  const clear = () => {
    for (const input of filled) if (input.value !== '') setInputValue(input, '');
  };
  const observer = new view.MutationObserver(() => {
    if (leaves()) clear();
  });
  observer.observe(container, { attributes: true, attributeFilter: ['action', 'formaction'], subtree: true, childList: true });
  observer.observe(doc.head ?? doc.documentElement, { attributes: true, attributeFilter: ['href'], subtree: true, childList: true });
  const onSubmit = (event: Event) => {
    if (!leaves()) return;
    event.preventDefault();
    event.stopImmediatePropagation();
    clear();
  };
  const onFormData = (event: FormDataEvent) => {
    if (!leaves()) return;
    for (const input of filled) if (input.name !== '') event.formData.delete(input.name);
    clear();
  };
  container.addEventListener('submit', onSubmit, true);
  container.addEventListener('formdata', onFormData, true);
  return () => {
    observer.disconnect();
    container.removeEventListener('submit', onSubmit, true);
    container.removeEventListener('formdata', onFormData, true);
  };
}

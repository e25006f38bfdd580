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
  const watch = (node: Node, attributeFilter: string[]) => observer.observe(node, { attributes: true, attributeFilter, subtree: true, childList: true });
  watch(container, ['action', 'formaction']);
  watch(doc.head ?? doc.documentElement, ['href']);
  // The frame's own AbortController: its listeners take only that realm's signals.
  const listening = new view.AbortController();
  const options = { capture: true, signal: listening.signal };
  container.addEventListener('submit', (event) => {
    if (!leaves()) return;
    event.preventDefault();
    event.stopImmediatePropagation();
    clear();
  }, options);
  container.addEventListener('formdata', (event) => {
    if (!leaves()) return;
    for (const input of filled) if (input.name !== '') event.formData.delete(input.name);
    clear();
  }, options);
  return () => {
    observer.disconnect();
    listening.abort();
  };
}

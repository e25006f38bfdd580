/** The text a button shows, for matching submit, login and sign-up wording. */
import { normalizeDetectionText } from './normalize-detection-text';

/**
 * Reads a button's text content, else its `value` (`input[type=submit]`), `aria-label` or `title`, normalised.
 *
 * @param el - a `<button>`, button-type `<input>` or `[role=button]` element
 * @returns normalised text, at most 200 characters; empty for an icon-only button with no label
 * @example readButtonText(button); // "sign in"
 */
export function readButtonText(el: HTMLElement): string {
  return normalizeDetectionText(
    el.textContent?.trim() || (el as HTMLInputElement).value || el.getAttribute('aria-label') || el.title,
  );
}

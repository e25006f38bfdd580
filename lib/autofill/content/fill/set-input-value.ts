/**
 * Writes a value into an input so that the page's framework notices, as if the user had typed it: React
 * keeps its own copy of `value` (its "value tracker", an own property on the element) and only fires
 * onChange when the element's real value differs from it, so the value goes through the native setter of
 * `HTMLInputElement.prototype`, past any own property; then the events that Vue (`input`), Angular
 * (`input`, `blur` for touched) and plain pages (`change`, key events) listen for.
 */

/** The events, in order, around the value change; the value itself is set between `keypress` and `input`. */
export const FILL_EVENT_SEQUENCE = ['focus', 'keydown', 'keypress', 'input', 'keyup', 'change', 'blur'] as const;

/**
 * Sets `input.value` to `value` and dispatches focus, keydown, keypress, input, keyup, change and blur. Key
 * events carry no key and the input event no data, so a listener learns nothing it could not read from the
 * field itself.
 * @param input - a text-like input in any document (the events are built in that document's window)
 * @param value - the new value; '' clears the field
 * @example setInputValue(usernameInput, 'ann@example.com');
 */
export function setInputValue(input: HTMLInputElement, value: string): void {
  const view = input.ownerDocument.defaultView;
  if (!view) return;
  const setter = Object.getOwnPropertyDescriptor(view.HTMLInputElement.prototype, 'value')?.set;
  if (!setter) return;
  const key = (type: string) => input.dispatchEvent(new view.KeyboardEvent(type, { bubbles: true, cancelable: true, composed: true }));
  // focus() fires focus/focusin itself when the element can take the focus; a page that blocks it still gets the value.
  input.focus({ preventScroll: true });
  key('keydown');
  key('keypress');
  setter.call(input, value);
  input.dispatchEvent(new view.InputEvent('input', { bubbles: true, composed: true, inputType: 'insertReplacementText' }));
  key('keyup');
  input.dispatchEvent(new view.Event('change', { bubbles: true }));
  input.blur();
}

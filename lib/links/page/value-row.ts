/** A value row of the link page: label, the value (masked until asked when concealed), Show and Copy. */
import { el } from './dom';

const MASK = '••••••••••••';

/**
 * @param label - what the value is
 * @param value - the secret value
 * @param concealed - mask it until the reader presses Show
 * @returns a `<div>` with a term, the value and its buttons
 */
export function valueRow(label: string, value: string, concealed: boolean): HTMLElement {
  const output = el('output', { class: concealed ? 'value concealed' : 'value', 'aria-label': label }, concealed ? MASK : value);
  const buttons: HTMLElement[] = [];
  if (concealed) {
    const toggle = el('button', { type: 'button', 'aria-pressed': 'false' }, `Show ${label.toLowerCase()}`);
    toggle.addEventListener('click', () => {
      const hidden = toggle.getAttribute('aria-pressed') === 'false';
      output.textContent = hidden ? value : MASK;
      toggle.setAttribute('aria-pressed', hidden ? 'true' : 'false');
      toggle.textContent = `${hidden ? 'Hide' : 'Show'} ${label.toLowerCase()}`;
    });
    buttons.push(toggle);
  }
  const copy = el('button', { type: 'button' }, `Copy ${label.toLowerCase()}`);
  copy.addEventListener('click', () => {
    navigator.clipboard.writeText(value).then(
      () => (copy.textContent = 'Copied'),
      () => (copy.textContent = 'Copy failed: select the text instead'),
    );
  });
  buttons.push(copy);
  return el('div', { class: 'row' }, el('h3', {}, label), output, el('div', { class: 'buttons' }, ...buttons));
}

// @vitest-environment jsdom
/**
 * isFillable: the fill-time visibility rule (T15). jsdom has no layout, so each test gives the elements their
 * boxes and says what `elementsFromPoint` finds; computed style (opacity, visibility, display) is jsdom's own.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { isFillable, MIN_EFFECTIVE_OPACITY } from '../../../../lib/autofill/content/fill/is-fillable';
import { overlayHosts } from '../../../../lib/autofill/content/overlay/overlay-hosts';

type Box = { x: number; y: number; width: number; height: number };
const FIELD: Box = { x: 20, y: 40, width: 240, height: 32 };

function place(el: Element, box: Box): void {
  el.getBoundingClientRect = () => DOMRect.fromRect(box);
}

/** What the hit test finds, topmost first, at any point. */
function hits(root: Document | ShadowRoot, elements: () => Element[]): void {
  (root as { elementsFromPoint?: (x: number, y: number) => Element[] }).elementsFromPoint = () => elements();
}

function field(html = '<input id="f">'): HTMLInputElement {
  document.body.innerHTML = html;
  const input = document.getElementById('f') as HTMLInputElement;
  place(input, FIELD);
  hits(document, () => [input, document.body, document.documentElement]);
  return input;
}

afterEach(() => {
  document.body.replaceChildren();
  delete (document as { elementsFromPoint?: unknown }).elementsFromPoint;
});

describe('isFillable', () => {
  it('a plain visible field is fillable', () => {
    expect(isFillable(field())).toBe(true);
  });

  it.each([
    ['zero size', { ...FIELD, width: 0, height: 0 }],
    ['1 × 1 px (visually hidden)', { ...FIELD, width: 1, height: 1 }],
    ['3 px high', { ...FIELD, height: 3 }],
    ['left of the viewport', { ...FIELD, x: -9999 }],
    ['below the viewport', { ...FIELD, y: 5000 }],
    ['right of the viewport', { ...FIELD, x: 2000 }],
  ])('%s → not fillable', (_label, box) => {
    const input = field();
    place(input, box);
    expect(isFillable(input)).toBe(false);
  });

  it('partly on screen is fillable (the user can see it)', () => {
    const input = field();
    place(input, { ...FIELD, y: -10 });
    expect(isFillable(input)).toBe(true);
  });

  it.each([
    ['opacity 0', '<input id="f" style="opacity:0">', false],
    ['opacity 0.5', '<input id="f" style="opacity:0.5">', false],
    [`opacity ${MIN_EFFECTIVE_OPACITY}`, `<input id="f" style="opacity:${MIN_EFFECTIVE_OPACITY}">`, true],
    ['ancestors 0.8 × 0.8 = 0.64', '<div style="opacity:0.8"><div style="opacity:0.8"><input id="f"></div></div>', false],
    ['ancestors 0.9 × 0.9 = 0.81', '<div style="opacity:0.9"><div style="opacity:0.9"><input id="f"></div></div>', true],
    ['body at opacity 0.01', '<div><input id="f"></div>', false],
    ['visibility hidden', '<input id="f" style="visibility:hidden">', false],
    ['inside visibility hidden', '<div style="visibility:hidden"><input id="f"></div>', false],
    ['inside display none', '<div style="display:none"><input id="f"></div>', false],
    ['disabled', '<input id="f" disabled>', false],
    ['read-only', '<input id="f" readonly>', false],
  ])('%s → %s', (label, html, expected) => {
    const input = field(html);
    if (label.startsWith('body')) document.body.style.opacity = '0.01';
    expect(isFillable(input)).toBe(expected);
    document.body.style.opacity = '';
  });

  it('covered by another element at its centre → not fillable', () => {
    const input = field('<input id="f"><div id="cover"></div>');
    const cover = document.getElementById('cover')!;
    hits(document, () => [cover, input, document.body]);
    expect(isFillable(input)).toBe(false);
  });

  it('its own label drawn over it (floating label) does not count as covering', () => {
    const input = field('<label for="f" id="l">Email</label><input id="f">');
    hits(document, () => [document.getElementById('l')!, input]);
    expect(isFillable(input)).toBe(true);
  });

  it("Sealpass's own overlay host over it does not count as covering", () => {
    const input = field('<input id="f">');
    const host = document.documentElement.appendChild(document.createElement('sealpass-test'));
    overlayHosts.add(host);
    hits(document, () => [host, input]);
    expect(isFillable(input)).toBe(true);
    host.remove();
  });

  it('a page without a hit test (no layout) cannot be verified → not fillable', () => {
    const input = field();
    delete (document as { elementsFromPoint?: unknown }).elementsFromPoint;
    expect(isFillable(input)).toBe(false);
  });

  it('inside an open shadow root: checked with that root\'s hit test, and through the host\'s opacity', () => {
    document.body.innerHTML = '<login-box id="host"></login-box>';
    const host = document.getElementById('host')!;
    const root = host.attachShadow({ mode: 'open' });
    root.innerHTML = '<input id="f">';
    const input = root.getElementById('f') as HTMLInputElement;
    place(input, FIELD);
    hits(root, () => [input]);
    hits(document, () => [host]);
    expect(isFillable(input)).toBe(true);
    host.style.opacity = '0.3';
    expect(isFillable(input)).toBe(false);
  });
});

// @vitest-environment jsdom
/** isFieldVisible: the style rules (what jsdom can compute) and the layout rules (with boxes stubbed in jsdom). */
import { afterEach, describe, expect, it } from 'vitest';
import { isFieldVisible } from '../../../../lib/autofill/content/detect/is-field-visible';
import { htmlDocument } from '../../jsdom-document';

type Box = { left: number; top: number; width: number; height: number };

/** Properties the tests override on long-lived objects (the window, <html>), with what to put back after each test. */
const stubbed: Array<[object, string, PropertyDescriptor | undefined]> = [];

function stub(target: object, key: string, value: unknown): void {
  stubbed.push([target, key, Object.getOwnPropertyDescriptor(target, key)]);
  Object.defineProperty(target, key, { value, configurable: true });
}

/** Gives `el` a layout box, as a browser would; jsdom reports 0 × 0 for everything. */
function setBox(el: Element, { left, top, width, height }: Box): void {
  const rect = { left, top, width, height, right: left + width, bottom: top + height, x: left, y: top };
  stub(el, 'getBoundingClientRect', () => ({ ...rect, toJSON: () => rect }));
}

const input = (doc: Document, id: string) => doc.getElementById(id) as HTMLInputElement;

afterEach(() => {
  for (const [target, key, original] of stubbed.splice(0).reverse()) {
    if (original) Object.defineProperty(target, key, original);
    else delete (target as Record<string, unknown>)[key];
  }
});

describe('isFieldVisible without a layout engine (style rules)', () => {
  it('rejects display:none on the field or an ancestor, visibility:hidden, opacity 0, aria-hidden', async () => {
    const doc = await htmlDocument(`<style>.gone{display:none}.ghost{visibility:hidden}.clear{opacity:0}</style>
      <input id="shown"><input id="self" class="gone"><div class="gone"><div><input id="parent"></div></div>
      <div class="ghost"><input id="ghost"></div><div class="clear"><input id="clear"></div>
      <section aria-hidden="true"><input id="aria"></section><input id="inline" style="display: none">`);
    expect(isFieldVisible(input(doc, 'shown'))).toBe(true);
    for (const id of ['self', 'parent', 'ghost', 'clear', 'aria', 'inline']) expect(isFieldVisible(input(doc, id)), id).toBe(false);
  });

  it('rejects everything in a frame that its same-origin parent hides', async () => {
    const doc = await htmlDocument('<iframe id="shown"></iframe><div style="display:none"><iframe id="hidden"></iframe></div>');
    const inFrame = (id: string) => {
      const frameDoc = (doc.getElementById(id) as HTMLIFrameElement).contentDocument!;
      frameDoc.body.innerHTML = '<input id="f">';
      return input(frameDoc, 'f');
    };
    expect(isFieldVisible(inFrame('shown'))).toBe(true);
    expect(isFieldVisible(inFrame('hidden'))).toBe(false);
  });

  it('rejects everything in a frame without size (a hidden iframe)', async () => {
    const doc = await htmlDocument('<input id="a">');
    stub(window, 'innerWidth', 0);
    expect(isFieldVisible(input(doc, 'a'))).toBe(false);
  });
});

describe('isFieldVisible with a layout engine (boxes)', () => {
  async function laidOut(html: string): Promise<Document> {
    const doc = await htmlDocument(html);
    setBox(doc.documentElement, { left: 0, top: 0, width: 1024, height: 3000 });
    return doc;
  }

  it('accepts a normal field, also below the fold and scrolled out of view upwards', async () => {
    const doc = await laidOut('<input id="a"><input id="b"><input id="c">');
    setBox(input(doc, 'a'), { left: 10, top: 10, width: 200, height: 30 });
    setBox(input(doc, 'b'), { left: 10, top: 2500, width: 200, height: 30 });
    setBox(input(doc, 'c'), { left: 10, top: -400, width: 200, height: 30 });
    stub(window, 'scrollY', 800);
    for (const id of ['a', 'b', 'c']) expect(isFieldVisible(input(doc, id)), id).toBe(true);
  });

  it('rejects empty and tiny boxes, off-screen fields, and small fields out of the tab order', async () => {
    const doc = await laidOut('<input id="zero"><input id="px"><input id="left"><input id="above"><input id="right"><input id="trap" tabindex="-1"><input id="ok" tabindex="-1">');
    setBox(input(doc, 'zero'), { left: 10, top: 10, width: 200, height: 0 });
    setBox(input(doc, 'px'), { left: 10, top: 10, width: 1, height: 1 });
    setBox(input(doc, 'left'), { left: -9999, top: 10, width: 200, height: 30 });
    setBox(input(doc, 'above'), { left: 10, top: -5000, width: 200, height: 30 });
    setBox(input(doc, 'right'), { left: 99999, top: 10, width: 200, height: 30 });
    setBox(input(doc, 'trap'), { left: 10, top: 10, width: 6, height: 6 });
    setBox(input(doc, 'ok'), { left: 10, top: 10, width: 200, height: 30 });
    for (const id of ['zero', 'px', 'left', 'above', 'right', 'trap']) expect(isFieldVisible(input(doc, id)), id).toBe(false);
    expect(isFieldVisible(input(doc, 'ok'))).toBe(true);
  });

  it('still applies the style rules', async () => {
    const doc = await laidOut('<input id="a" style="visibility:hidden"><input id="b" style="opacity:0">');
    setBox(input(doc, 'a'), { left: 10, top: 10, width: 200, height: 30 });
    setBox(input(doc, 'b'), { left: 10, top: 50, width: 200, height: 30 });
    expect(isFieldVisible(input(doc, 'a'))).toBe(false);
    expect(isFieldVisible(input(doc, 'b'))).toBe(false);
  });
});

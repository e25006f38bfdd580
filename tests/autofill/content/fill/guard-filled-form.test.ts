/**
 * guardFilledForm (T18): after a fill, a change of the action to another origin clears the filled fields, and a
 * submit towards another origin is stopped and cleared. (jsdom has no `formdata` event; the E2E suite checks
 * a script's `form.submit()` right after changing the action.)
 */
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { guardFilledForm } from '../../../../lib/autofill/content/fill/guard-filled-form';

function page() {
  const dom = new JSDOM('<!doctype html><form action="/session"><input id="u" name="u"><input id="p" name="p" type="password"><button>Go</button></form>', { url: 'https://shop.example/login' });
  const doc = dom.window.document;
  const form = doc.querySelector('form')!;
  const filled = [doc.getElementById('u') as HTMLInputElement, doc.getElementById('p') as HTMLInputElement];
  filled[0]!.value = 'ann';
  filled[1]!.value = 'pw';
  return { dom, doc, form, filled, flush: () => new Promise((resolve) => dom.window.setTimeout(resolve, 0)) };
}

describe('guardFilledForm', () => {
  it('the action moving to another origin clears the filled fields', async () => {
    const { form, filled, flush } = page();
    guardFilledForm(form, filled, 'https://shop.example');
    form.setAttribute('action', 'https://evil.example/steal');
    await flush();
    expect(filled.map((i) => i.value)).toEqual(['', '']);
  });

  it('a change within the same origin keeps them', async () => {
    const { form, filled, flush } = page();
    guardFilledForm(form, filled, 'https://shop.example');
    form.setAttribute('action', '/session/v2');
    await flush();
    expect(filled.map((i) => i.value)).toEqual(['ann', 'pw']);
  });

  it('a button given a formaction elsewhere later also clears them', async () => {
    const { doc, form, filled, flush } = page();
    guardFilledForm(form, filled, 'https://shop.example');
    doc.querySelector('button')!.setAttribute('formaction', 'https://evil.example/x');
    await flush();
    expect(filled.map((i) => i.value)).toEqual(['', '']);
  });

  it('a submit towards another origin is cancelled and the fields cleared', () => {
    const { dom, form, filled } = page();
    guardFilledForm(form, filled, 'https://shop.example');
    // Changed and submitted in one task, before any observer runs.
    form.setAttribute('action', 'https://evil.example/steal');
    const submit = new dom.window.Event('submit', { cancelable: true });
    form.dispatchEvent(submit);
    expect(submit.defaultPrevented).toBe(true);
    expect(filled.map((i) => i.value)).toEqual(['', '']);
  });

  it('after stop() nothing is watched any more', async () => {
    const { form, filled, flush } = page();
    guardFilledForm(form, filled, 'https://shop.example')();
    form.setAttribute('action', 'https://evil.example/steal');
    await flush();
    expect(filled.map((i) => i.value)).toEqual(['ann', 'pw']);
  });
});

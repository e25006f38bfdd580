/** postsToOtherOrigin: the form's action and buttons' formaction, resolved like the browser does (T18). */
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { postsToOtherOrigin } from '../../../../lib/autofill/content/fill/posts-to-other-origin';

const PAGE = 'https://shop.example/login';

function container(html: string, url = PAGE): Element {
  const dom = new JSDOM(`<!doctype html>${html}`, { url });
  return dom.window.document.querySelector('form, #formless')!;
}

describe('postsToOtherOrigin', () => {
  it.each([
    ['no action', '<form><input></form>', false],
    ['empty action', '<form action=""><input></form>', false],
    ['relative action', '<form action="/session"><input></form>', false],
    ['same origin, absolute', '<form action="https://shop.example/session"><input></form>', false],
    ['javascript: (single-page apps)', '<form action="javascript:void(0)"><input></form>', false],
    ['another host', '<form action="https://evil.example/steal"><input></form>', true],
    ['another scheme (http)', '<form action="http://shop.example/session"><input></form>', true],
    ['another port', '<form action="https://shop.example:8443/session"><input></form>', true],
    ['protocol-relative to another host', '<form action="//evil.example/x"><input></form>', true],
    ['mailto:', '<form action="mailto:thief@evil.example"><input></form>', true],
    ['a button with formaction elsewhere', '<form action="/ok"><input><button formaction="https://evil.example/x">Go</button></form>', true],
    ['a button with formaction here', '<form action="/ok"><input><button formaction="/other">Go</button></form>', false],
    ['a relative action under a <base> elsewhere', '<base href="https://evil.example/"><form action="session"><input></form>', true],
    ['an input named "action" does not hide the real one', '<form action="https://evil.example/x"><input name="action"></form>', true],
    ['a formless group posts nowhere', '<div id="formless"><input></div>', false],
  ])('%s → %s', (_label, html, expected) => {
    expect(postsToOtherOrigin(container(html), 'https://shop.example')).toBe(expected);
  });
});

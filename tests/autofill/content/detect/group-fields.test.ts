// @vitest-environment jsdom
/** groupFields: by <form>, by submit-like buttons between inputs, by dialog; containers and submit buttons. */
import { describe, expect, it } from 'vitest';
import { collectDetectionControls } from '../../../../lib/autofill/content/detect/collect-detection-controls';
import { groupFields } from '../../../../lib/autofill/content/detect/group-fields';
import { htmlDocument } from '../../jsdom-document';

const always = () => true;
const ids = (els: Element[]) => els.map((el) => el.id);

async function groupsOf(html: string, isVisible: (el: HTMLElement) => boolean = always) {
  return groupFields(collectDetectionControls(await htmlDocument(html)), isVisible);
}

describe('groupFields', () => {
  it('makes one group per form, with the form as container', async () => {
    const groups = await groupsOf('<form id="a"><input id="a1"><input id="a2"></form><form id="b"><input id="b1"></form>');
    expect(groups.map((g) => ids(g.inputs))).toEqual([['a1', 'a2'], ['b1']]);
    expect(groups.map((g) => g.container.id)).toEqual(['a', 'b']);
  });

  it('splits formless inputs at a submit-like button and uses their nearest common container', async () => {
    const groups = await groupsOf(`<div id="page">
      <div id="login"><input id="u"><input id="p" type="password"><div role="button">Log in</div></div>
      <div id="join"><input id="e"><input id="n" type="password"><button>Sign up</button></div></div>`);
    expect(groups.map((g) => ids(g.inputs))).toEqual([['u', 'p'], ['e', 'n']]);
    expect(groups.map((g) => g.container.id)).toEqual(['login', 'join']);
    expect(groups.map((g) => g.submit?.textContent)).toEqual(['Log in', 'Sign up']);
  });

  it('does not split at a button that neither submits nor says so (a show-password toggle)', async () => {
    const groups = await groupsOf('<div><input id="u"><button type="button">Show</button><input id="p" type="password"><button>Continue</button></div>');
    expect(groups.map((g) => ids(g.inputs))).toEqual([['u', 'p']]);
  });

  it('does not split a form at a button without a type that does not say submit (a "delete" or eye icon beside a field)', async () => {
    const groups = await groupsOf(`<form id="f"><input id="u"><button>delete</button><button aria-label="Show password"></button>
      <input id="p" type="password"><button id="go">Sign up</button></form>`);
    expect(groups.map((g) => ids(g.inputs))).toEqual([['u', 'p']]);
    expect(groups[0]!.submit?.id).toBe('go');
  });

  it('skips a disabled password (a hidden twin) but keeps a disabled identifier (the account on a password step)', async () => {
    const [group] = await groupsOf('<form><input id="u" value="alice" disabled><input id="twin" type="password" disabled><input id="p" type="password"></form>');
    expect(ids(group!.inputs)).toEqual(['u', 'p']);
  });

  it('prefers the button that submits by type over an earlier one that only says "create account"', async () => {
    const [group] = await groupsOf('<form><input id="u"><input id="p" type="password"><button type="button">Create an account</button><button type="submit" id="go">Login</button></form>');
    expect(group!.submit?.id).toBe('go');
  });

  it('puts a dialog in its own group', async () => {
    const groups = await groupsOf('<div><input id="a"><div role="dialog"><input id="b" type="password"></div><input id="c"></div>');
    expect(groups.map((g) => ids(g.inputs))).toEqual([['a'], ['b'], ['c']]);
  });

  it('skips invisible inputs, and invisible buttons do not split', async () => {
    const visible = (el: HTMLElement) => !el.classList.contains('hidden');
    const groups = await groupsOf('<div><input id="u"><input id="trap" class="hidden"><button class="hidden">Next</button><input id="p" type="password"></div>', visible);
    expect(groups.map((g) => ids(g.inputs))).toEqual([['u', 'p']]);
    expect(groups[0]!.submit).toBeNull();
  });

  it('gives a lone formless input its parent as container', async () => {
    const [group] = await groupsOf('<section id="s"><div id="wrap"><input id="only"></div></section>');
    expect(group!.container.id).toBe('wrap');
  });
});

/**
 * Saving in real Chromium: the generator fills a sign-up form's new and confirm fields with a password that
 * meets the field's passwordrules; the sign-up submit navigates and the next page's bar saves the login
 * (right username, password and URL); a change-password submit updates it and keeps the old password in its
 * history; a formless sign-up submitted while locked (click, then navigation) waits in the bar until the popup
 * unlocks. Pages served on 127.0.0.1; our UI is read and clicked through its closed shadow root with the DevTools
 * protocol and the real mouse (tests/autofill/closed-shadow.ts). One browser, steps in order.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect } from 'vitest';
import { pressOurButton, readOurUi } from '../autofill/closed-shadow';
import { head, startPageServer, type PageServer } from './autofill-pages';
import { orderedSteps, popupSession } from './ordered-steps';
import { createVaultInPopup, POLL, request, strongMasterPassword, token, unlockWith } from './popup-steps';

/** The sign-up field's rules: 16 characters exactly, from lower, upper, digits and `-_` only, each present. */
const RULES = 'minlength: 16; maxlength: 16; required: lower; required: upper; required: digit; required: [-_];';
/** What a password meeting RULES looks like (checked independently of the generator). */
const MEETS_RULES = /^(?=.*[a-z])(?=.*[A-Z])(?=.*\d)(?=.*[-_])[A-Za-z0-9\-_]{16}$/;

const SIGNUP = () =>
  `${head('Create account')}<form id="signup" action="/welcome" method="post">` +
  '<label>Email <input id="email" name="email" type="email" autocomplete="username"></label>' +
  `<label>Password <input id="pw" name="password" type="password" autocomplete="new-password" passwordrules="${RULES}"></label>` +
  '<label>Confirm password <input id="pw2" name="confirm" type="password" autocomplete="new-password"></label>' +
  '<button type="submit">Create account</button></form>';

const CHANGE = () =>
  `${head('Change password')}<form id="change" action="/welcome" method="post">` +
  '<label>Current password <input id="old" name="old" type="password" autocomplete="current-password"></label>' +
  '<label>New password <input id="new" name="new" type="password" autocomplete="new-password"></label>' +
  '<label>Confirm new password <input id="new2" name="new2" type="password" autocomplete="new-password"></label>' +
  '<button type="submit">Change password</button></form>';

/** A single-page app's sign-up: no `<form>`; the button's script navigates once "the server" said yes. */
const SPA_SIGNUP = () =>
  `${head('Join')}<div id="join">` +
  '<label>Email <input id="email" type="email" autocomplete="username"></label>' +
  '<label>Password <input id="pw" type="password" autocomplete="new-password"></label>' +
  '<label>Confirm password <input id="pw2" type="password" autocomplete="new-password"></label>' +
  '<button id="join-button" type="button">Create account</button></div>' +
  "<script>document.getElementById('join-button').addEventListener('click', () => { location.href = '/welcome'; });</script>";

const WELCOME = () => `${head('Welcome')}<h1 id="welcome">Welcome!</h1>`;

interface Login {
  id: string;
  title: string;
  username: string;
  password: string;
  urls: string[];
  passwordHistory: { password: string }[];
}

describe('autofill: save and update in Chromium', () => {
  const session = popupSession();
  const master = strongMasterPassword();
  const email = `dana.${token(8)}@mail.test`;
  let server: PageServer | undefined;
  let page: Page | undefined;
  let generated = '';
  const step = orderedSteps('autofill-save-', () => [['page', page], ['popup', session.popup]]);
  const srv = () => {
    if (!server) throw new Error('no page server');
    return server;
  };

  beforeAll(async () => {
    server = await startPageServer({ '/signup': SIGNUP, '/change': CHANGE, '/spa-signup': SPA_SIGNUP, '/welcome': WELCOME });
  });
  afterAll(async () => {
    await server?.close();
  });

  async function open(path: string): Promise<Page> {
    await page?.close();
    page = await session.launched().context.newPage();
    await page.setViewportSize({ width: 1000, height: 700 });
    await page.goto(`${srv().origin}${path}`);
    return page;
  }

  /** Every login in the vault, opened. */
  async function logins(): Promise<Login[]> {
    const { items } = (await request(session.launched(), 'itemList')) as { items: { id: string }[] };
    const opened = await Promise.all(items.map((row) => request(session.launched(), 'itemGet', { id: row.id })));
    return opened.map((reply) => {
      const item = reply.item as { id: string; content: Omit<Login, 'id'> };
      return { id: item.id, ...item.content };
    });
  }

  /** The bar's text once it shows on `p`. */
  async function barText(p: Page): Promise<string> {
    let text = '';
    await expect
      .poll(async () => {
        text = (await readOurUi(p)).map((ui) => ui.text).join(' ');
        return text.includes('Sealpass');
      }, POLL)
      .toBe(true);
    return text;
  }

  step('a new vault, empty', async () => {
    await createVaultInPopup(session.page(), master);
  });

  step('generator: the new-password field offers it; one click fills new and confirm with a password meeting passwordrules', async () => {
    const p = await open('/signup');
    await p.locator('#pw').click();
    await pressOurButton(p, 'generate', async () => (await p.locator('#pw').inputValue()) !== '', POLL.timeout);
    generated = await p.locator('#pw').inputValue();
    expect(generated).toMatch(MEETS_RULES);
    expect(await p.locator('#pw2').inputValue()).toBe(generated);
  });

  step('save after sign-up: the page the submit leads to shows "Save"; Save stores username, password and URL', async () => {
    const p = page!;
    await p.locator('#email').fill(email);
    await p.getByRole('button', { name: 'Create account' }).click();
    await p.locator('#welcome').waitFor();
    const text = await barText(p);
    expect(text).toContain(`Save this login for ${new URL(srv().origin).hostname}?`);
    expect(text).toContain(email);
    await pressOurButton(p, 'accept', async () => (await logins()).length === 1, POLL.timeout);
    const [login] = await logins();
    expect(login).toMatchObject({ title: '127.0.0.1', username: email, password: generated, urls: [`${srv().origin}/signup`] });
    await expect.poll(async () => (await readOurUi(p)).map((ui) => ui.text).join(' '), POLL).toContain('Login saved in Sealpass.');
  });

  step('update after change-password: "Update" replaces the password and keeps the old one in the history', async () => {
    const p = await open('/change');
    const next = `Next-${token(10)}-Pw9`;
    await p.locator('#old').fill(generated);
    await p.locator('#new').fill(next);
    await p.locator('#new2').fill(next);
    await p.getByRole('button', { name: 'Change password' }).click();
    await p.locator('#welcome').waitFor();
    expect(await barText(p)).toContain('Update the saved password for 127.0.0.1?');
    await pressOurButton(p, 'accept', async () => (await logins())[0]?.password === next, POLL.timeout);
    const [login, ...others] = await logins();
    expect(others).toEqual([]);
    expect(login).toMatchObject({ username: email, password: next });
    expect(login!.passwordHistory[0]?.password).toBe(generated);
    const { events } = (await request(session.launched(), 'auditList')) as { events: { type: string }[] };
    expect(events.map((e) => e.type).filter((t) => t.startsWith('item-'))).toEqual(['item-created', 'item-edited']);
  });

  step('locked, formless: a click then navigation keeps the save pending; the bar says to unlock; after unlock Save stores it', async () => {
    await request(session.launched(), 'vaultLock');
    const p = await open('/spa-signup');
    const other = `erin.${token(8)}@mail.test`;
    const password = `Spa-${token(12)}-Pw1`;
    await p.locator('#email').fill(other);
    await p.locator('#pw').fill(password);
    await p.locator('#pw2').fill(password);
    await p.locator('#join-button').click();
    await p.waitForURL(`${srv().origin}/welcome`);
    const text = await barText(p);
    expect(text).toContain('Sealpass is locked.');
    expect(text).not.toContain('Never');
    // Unlock in the popup, as the bar says; the same bar then saves.
    await unlockWith(session.page(), master);
    await session.page().getByTestId('item-list').waitFor();
    await pressOurButton(p, 'accept', async () => (await logins()).some((l) => l.username === other), POLL.timeout);
    expect((await logins()).find((l) => l.username === other)).toMatchObject({ password, urls: [`${srv().origin}/spa-signup`] });
  });
});

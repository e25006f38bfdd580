/**
 * Saving in real Chromium: the generator menu of a sign-up form's new-password field shows the suggested password
 * and the rules it follows, and one click fills the new and confirm fields with it (it meets the field's
 * passwordrules); the sign-up submit navigates and the next page's bar saves the login under the name typed
 * there (suggested from the page's title) in the folder chosen there (right username, password and URL); a
 * sign-up that fails does not lose its generated password (the menu's history); the bar's Edit… opens the vault
 * page's editor with the values filled in and no password in its address; a change-password submit updates the
 * login and keeps the old password in its history; a formless sign-up submitted while locked (click, then
 * navigation) waits in the bar until the popup unlocks. The save bar and the generator menu are injected by the
 * background on demand (entrypoints/autofill-prompts.ts). Pages served on 127.0.0.1; our UI is read and clicked
 * through its closed shadow root with the DevTools protocol and the real mouse (tests/autofill/closed-shadow.ts).
 * One browser, steps in order.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect } from 'vitest';
import { clickOurElement, pressOurButton, readOurUi } from '../autofill/closed-shadow';
import { head, startPageServer, type PageServer } from './autofill-pages';
import { orderedSteps, popupSession } from './ordered-steps';
import { createVaultInPopup, POLL, request, strongMasterPassword, token, unlockWith } from './popup-steps';

/** The sign-up field's rules: 16 characters exactly, from lower, upper, digits and `-_` only, each present. */
const RULES = 'minlength: 16; maxlength: 16; required: lower; required: upper; required: digit; required: [-_];';
/** What a password meeting RULES looks like (checked independently of the generator). */
const MEETS_RULES = /^(?=.*[a-z])(?=.*[A-Z])(?=.*\d)(?=.*[-_])[A-Za-z0-9\-_]{16}$/;

/** What the generator menu says of RULES. */
const RULES_TEXT = '16 characters: a–z, A–Z, 0–9 and -_. This page’s password rules.';

const SIGNUP = () =>
  `${head('Create account – Shop Test')}<form id="signup" action="/welcome" method="post">` +
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
  type: string;
  folder: string;
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

  /** Every login in the vault (not the notes), opened. */
  async function logins(): Promise<Login[]> {
    const { items } = (await request(session.launched(), 'itemList')) as { items: { id: string }[] };
    const opened = await Promise.all(items.map((row) => request(session.launched(), 'itemGet', { id: row.id })));
    return opened
      .map((reply) => {
        const item = reply.item as { id: string; content: Omit<Login, 'id'> };
        return { id: item.id, ...item.content };
      })
      .filter((item) => item.type === 'login');
  }

  /** Our UI's text on `p` (every host), '' when none shows. */
  const ourText = async (p: Page) => (await readOurUi(p)).map((ui) => ui.text).join(' ');

  /**
   * The generator menu of the focused confirm field covers the form's button: waits for it (it comes from the
   * background a moment after the focus) and closes it with Escape, as a user would.
   */
  async function closeGenerator(p: Page): Promise<void> {
    await expect.poll(() => ourText(p), POLL).toContain('Suggested password');
    await p.keyboard.press('Escape');
    await expect.poll(async () => (await readOurUi(p)).length, POLL).toBe(0);
  }

  /**
   * Focuses a new-password field and waits for the generator menu the background injects there: from then on
   * the frame's submits are watched too (the same on-demand script).
   */
  async function focusNewPassword(p: Page, selector: string): Promise<void> {
    // Focused from the keyboard's side: an inline menu of the field above may cover it.
    await p.locator(selector).focus();
    // The menu shows its head at once and "Generating…" until the suggestion and the page's rules arrive.
    await expect.poll(async () => {
      const text = await ourText(p);
      return text.includes('Suggested password') && !text.includes('Generating…');
    }, POLL).toBe(true);
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

  step('a new vault with one folder (a note in "Shopping")', async () => {
    await createVaultInPopup(session.page(), master);
    await request(session.launched(), 'itemCreate', { item: { type: 'note', title: 'Receipts', folder: 'Shopping' } });
  });

  step('generator: the new-password field shows the suggested password and its rules; one click fills new and confirm (meets passwordrules)', async () => {
    const p = await open('/signup');
    await focusNewPassword(p, '#pw');
    const menu = await ourText(p);
    expect(menu).toContain(RULES_TEXT);
    const shown = /Suggested password (\S+)/.exec(menu)?.[1] ?? '';
    expect(shown).toMatch(MEETS_RULES);
    await pressOurButton(p, 'Fill', async () => (await p.locator('#pw').inputValue()) !== '', POLL.timeout);
    generated = await p.locator('#pw').inputValue();
    expect(generated).toBe(shown);
    expect(await p.locator('#pw2').inputValue()).toBe(generated);
  });

  step('a sign-up that fails loses nothing: after a reload the menu lists the password generated before, and fills it on a click', async () => {
    const p = page!;
    await p.reload();
    await focusNewPassword(p, '#pw');
    await expect.poll(() => ourText(p), POLL).toContain('Generated here before');
    expect(await ourText(p)).not.toContain(generated);
    await pressOurButton(p, 'history', async () => (await p.locator('#pw').inputValue()) === generated, POLL.timeout);
    expect(await p.locator('#pw2').inputValue()).toBe(generated);
  });

  step('save after sign-up: the next page shows "Save" with the name from the page title; Save stores the name and folder chosen there', async () => {
    const p = page!;
    await p.locator('#email').fill(email);
    await p.getByRole('button', { name: 'Create account' }).click();
    await p.locator('#welcome').waitFor();
    const text = await barText(p);
    expect(text).toContain(`Save this login for ${new URL(srv().origin).hostname}?`);
    expect(text).toContain(email);
    // The folder list is asked for once the bar shows.
    await expect.poll(() => ourText(p), POLL).toContain('Shopping');
    await clickOurElement(p, '[data-field="name"]');
    expect(await p.evaluate(() => document.activeElement?.tagName)).toMatch(/^SEALPASS-/);
    await p.keyboard.press('End');
    await p.keyboard.type(' (mine)');
    await clickOurElement(p, '[data-field="folder"]');
    await p.keyboard.press('ArrowDown');
    await p.keyboard.press('Enter');
    await pressOurButton(p, 'accept', async () => (await logins()).length === 1, POLL.timeout);
    const [login] = await logins();
    expect(login).toMatchObject({ title: 'Shop Test (mine)', folder: 'Shopping', username: email, password: generated, urls: [`${srv().origin}/signup`] });
    await expect.poll(() => ourText(p), POLL).toContain('Login saved in Sealpass.');
  });

  step('Edit… in the bar opens the vault page’s editor with the values filled in; the address never holds the password', async () => {
    const p = await open('/signup');
    const other = `fay.${token(8)}@mail.test`;
    const password = `Edit-${token(12)}-Pw3`;
    await focusNewPassword(p, '#pw');
    await p.locator('#email').fill(other);
    await p.locator('#pw').fill(password);
    await p.locator('#pw2').fill(password);
    await closeGenerator(p);
    await p.getByRole('button', { name: 'Create account' }).click();
    await p.locator('#welcome').waitFor();
    await barText(p);
    const opened = session.launched().context.waitForEvent('page');
    await pressOurButton(p, 'edit', async () => (await ourText(p)).includes('Opened in the Sealpass editor'), POLL.timeout);
    const editorPage = await opened;
    const addresses: string[] = [editorPage.url()];
    editorPage.on('framenavigated', (frame) => addresses.push(frame.url()));
    const editor = editorPage.getByTestId('item-editor');
    await editor.waitFor();
    expect(await editor.getByLabel('Title').inputValue()).toBe('Shop Test');
    expect(await editor.getByLabel('Username').inputValue()).toBe(other);
    expect(await editor.getByLabel('Password', { exact: true }).inputValue()).toBe(password);
    addresses.push(editorPage.url());
    for (const address of addresses) {
      expect(address).not.toContain(password);
      expect(address).not.toContain(encodeURIComponent(password));
    }
    expect(editorPage.url()).not.toContain('#draft=');
    expect((await logins()).some((l) => l.username === other)).toBe(false);
    await editor.getByRole('button', { name: 'Save', exact: true }).click();
    await expect.poll(async () => (await logins()).find((l) => l.username === other)?.password, POLL).toBe(password);
    await editorPage.close();
  });

  step('update after change-password: "Update" replaces the password and keeps the old one in the history', async () => {
    const p = await open('/change');
    const next = `Next-${token(10)}-Pw9`;
    await p.locator('#old').fill(generated);
    await focusNewPassword(p, '#new');
    await p.locator('#new').fill(next);
    await p.locator('#new2').fill(next);
    await closeGenerator(p);
    await p.getByRole('button', { name: 'Change password' }).click();
    await p.locator('#welcome').waitFor();
    expect(await barText(p)).toContain('Update the saved password for 127.0.0.1?');
    await pressOurButton(p, 'accept', async () => (await logins()).find((l) => l.username === email)?.password === next, POLL.timeout);
    const login = (await logins()).find((l) => l.username === email);
    expect((await logins()).filter((l) => l.username === email)).toHaveLength(1);
    expect(login).toMatchObject({ username: email, password: next });
    expect(login!.passwordHistory[0]?.password).toBe(generated);
    const { events } = (await request(session.launched(), 'auditList')) as { events: { type: string }[] };
    expect(events.map((e) => e.type).filter((t) => t.startsWith('item-'))).toEqual(['item-created', 'item-created', 'item-created', 'item-edited']);
  });

  step('locked, formless: a click then navigation keeps the save pending; the bar says to unlock; after unlock Save stores it', async () => {
    await request(session.launched(), 'vaultLock');
    const p = await open('/spa-signup');
    const other = `erin.${token(8)}@mail.test`;
    const password = `Spa-${token(12)}-Pw1`;
    await focusNewPassword(p, '#pw');
    await p.locator('#email').fill(other);
    await p.locator('#pw').fill(password);
    await p.locator('#pw2').fill(password);
    await closeGenerator(p);
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

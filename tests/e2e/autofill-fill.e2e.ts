/**
 * Filling in real Chromium (S3, S7): the inline menu, the keyboard shortcut, the context menu and the popup's
 * Fill on a login page served from 127.0.0.1 (an IP and port: exact-origin matching); a React-controlled form;
 * a two-step login that remembers the account; a form in a shadow root; same-origin and cross-origin frames
 * (the latter only after a confirmation); one-time codes (filled, or copied after a password fill); "never
 * show here" and its removal in Settings. One browser and one page server for the whole file; steps in order.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect } from 'vitest';
import { startPageServer, type PageServer } from './autofill-pages';
import {
  chooseContextMenuFill,
  clickConfirm,
  clickMenuRow,
  filledCount,
  menuBox,
  openPopupWindow,
  pickUntil,
  pressFillShortcut,
  renderFrames,
  saveLogin,
  waitForMenu,
} from './autofill-steps';
import { buildReactPage } from './build-react-page';
import { openExtensionPage, readClipboard } from './harness';
import { orderedSteps, popupSession } from './ordered-steps';
import { createVaultInPopup, POLL, rfc6238Code, strongMasterPassword, token, openView } from './popup-steps';

const TOTP_SECRET = 'JBSWY3DPEHPK3PXP';
const marker = token(6);
/** Titles sort in this order in the menu (by title): Alpha, Bravo, Tango. */
const alpha = { title: `Alpha ${marker}`, username: `alpha.${marker}@mail.test`, password: `Pw-${token(12)}-a` };
const bravo = { title: `Bravo ${marker}`, username: `bravo.${marker}@mail.test`, password: `Pw-${token(12)}-b` };
const tango = { title: `Tango ${marker}`, username: `tango.${marker}@mail.test`, password: `Pw-${token(12)}-t` };
const framed = { title: `Framed ${marker}`, username: `framed.${marker}@mail.test`, password: `Pw-${token(12)}-f` };

describe('autofill: fill in Chromium', () => {
  const session = popupSession();
  let server: PageServer | undefined;
  let page: Page | undefined;
  const step = orderedSteps('autofill-', () => [['page', page], ['popup', session.popup]]);
  const srv = () => {
    if (!server) throw new Error('no page server');
    return server;
  };

  beforeAll(async () => {
    server = await startPageServer();
    server.add('/react-login.js', await buildReactPage());
  });
  afterAll(async () => {
    await server?.close();
  });

  /** A fresh tab on `path` of the main origin (a new tab: multi-step memory is per tab). */
  async function open(path: string): Promise<Page> {
    await page?.close();
    page = await session.launched().context.newPage();
    await page.setViewportSize({ width: 1000, height: 700 });
    await page.goto(`${srv().origin}${path}`);
    return page;
  }

  const value = (p: Page, selector: string) => p.locator(selector).inputValue();
  const filled = async (p: Page, login: { username: string; password: string }) =>
    (await value(p, '#user')) === login.username && (await value(p, '#pass')) === login.password;

  step('a vault with one login for the test origin', async () => {
    await createVaultInPopup(session.page(), strongMasterPassword());
    await saveLogin(session.launched(), { ...alpha, urls: [`${srv().origin}/login`] });
  });

  step('inline menu: focus shows it in a closed shadow root; a trusted click fills username and password', async () => {
    const p = await open('/login');
    // Nothing is filled on page load (T16, T19).
    expect(await value(p, '#user')).toBe('');
    await p.locator('#user').click();
    await waitForMenu(p);
    // The page can see our host but not into it.
    expect(await p.evaluate(() => [...document.documentElement.children].filter((el) => el.localName.startsWith('sealpass-')).map((el) => el.shadowRoot))).toEqual([null]);
    await pickUntil(p, 0, () => filled(p, alpha));
    expect(await filledCount(session.launched())).toBe(1);
    await expect.poll(() => menuBox(p), POLL).toBeNull();
  });

  step('keyboard shortcut (fill-login) fills the focused form', async () => {
    const p = await open('/login');
    await p.locator('#pass').click();
    await pressFillShortcut(session.launched(), p);
    await expect.poll(() => filled(p, alpha), POLL).toBe(true);
  });

  step('context menu "Fill login with Sealpass" fills the form of the clicked field', async () => {
    const p = await open('/login');
    await p.locator('#user').click({ button: 'right' });
    await chooseContextMenuFill(session.launched(), p, 0);
    await expect.poll(() => filled(p, alpha), POLL).toBe(true);
  });

  step("popup: the page's logins are listed, and Fill fills the page", async () => {
    const p = await open('/login');
    const popup = await openPopupWindow(session.launched());
    const section = popup.getByTestId('tab-logins');
    await section.getByText(alpha.title).waitFor();
    await expect.poll(async () => (await section.textContent()) ?? '', POLL).toContain(new URL(srv().origin).host);
    const closed = popup.waitForEvent('close');
    await section.getByRole('button', { name: `Fill ${alpha.title}` }).click();
    await expect.poll(() => filled(p, alpha), POLL).toBe(true);
    // The popup closes itself so the page is in view.
    await closed;
  });

  step('React-controlled inputs: React state sees the filled values', async () => {
    const p = await open('/react');
    await p.locator('#user').click();
    await waitForMenu(p);
    await pickUntil(p, 0, () => filled(p, alpha));
    expect(JSON.parse((await p.locator('#seen').textContent()) ?? '{}')).toEqual({ username: alpha.username, password: alpha.password });
  });

  step('a form inside an open shadow root', async () => {
    const p = await open('/shadow');
    await p.locator('login-box #user').click();
    await waitForMenu(p);
    await pickUntil(p, 0, async () => (await value(p, 'login-box #user')) === alpha.username && (await value(p, 'login-box #pass')) === alpha.password);
  });

  step('a same-origin frame: the menu opens in the frame and fills it', async () => {
    const p = await open('/frame-host');
    const frame = p.frame({ url: `${srv().origin}/login` });
    if (!frame) throw new Error('no frame');
    await frame.locator('#user').click();
    await waitForMenu(p, frame);
    await pickUntil(p, 0, async () => (await frame.locator('#user').inputValue()) === alpha.username && (await frame.locator('#pass').inputValue()) === alpha.password, frame);
  });

  step('a cross-origin frame: a pick first asks to confirm, naming the frame origin; only then fills', async () => {
    await saveLogin(session.launched(), { ...framed, urls: [`${srv().otherOrigin}/login`] });
    const p = await open('/cross-frame-host');
    const frame = p.frame({ url: `${srv().otherOrigin}/login` });
    if (!frame) throw new Error('no frame');
    await frame.locator('#user').click();
    await waitForMenu(p, frame);
    await renderFrames(frame);
    // A pick only turns the menu into the confirmation naming the frame's origin; nothing is filled yet.
    await clickMenuRow(p, 0, frame);
    await renderFrames(frame);
    expect(await frame.locator('#user').inputValue()).toBe('');
    const done = async () => (await frame.locator('#user').inputValue()) === framed.username && (await frame.locator('#pass').inputValue()) === framed.password;
    await expect
      .poll(async () => {
        if (await done()) return true;
        // Either stage may be showing: a click on the confirmation's text, or on the list's empty footer corner, does nothing.
        await clickMenuRow(p, 0, frame);
        await renderFrames(frame);
        await clickConfirm(p, frame);
        return done();
      }, POLL)
      .toBe(true);
  });

  step('one-time code: copied after a password fill when the form has no code field; filled into a code field', async () => {
    await saveLogin(session.launched(), { ...tango, urls: [`${srv().origin}/login`], totp: TOTP_SECRET });
    const p = await open('/login');
    await p.locator('#user').click();
    await waitForMenu(p);
    // Alpha, Tango: Tango is the second row.
    await pickUntil(p, 1, () => filled(p, tango));
    const reader = await openExtensionPage(session.launched().context, session.launched().extensionId, 'manifest.json', { width: 400, height: 300 });
    const now = Date.now();
    await expect.poll(() => readClipboard(reader), POLL).toMatch(new RegExp(`^(${rfc6238Code(TOTP_SECRET, now)}|${rfc6238Code(TOTP_SECRET, now - 30_000)}|${rfc6238Code(TOTP_SECRET, now + 30_000)})$`));
    await reader.close();
    const otp = await open('/otp');
    await otp.locator('#otp').click();
    await waitForMenu(otp);
    await pickUntil(otp, 1, async () => /^\d{6}$/.test(await value(otp, '#otp')));
    const at = Date.now();
    expect([rfc6238Code(TOTP_SECRET, at), rfc6238Code(TOTP_SECRET, at - 30_000)]).toContain(await value(otp, '#otp'));
  });

  step('two-step login: the account picked on the username page comes first on the password page', async () => {
    await saveLogin(session.launched(), { ...bravo, urls: [`${srv().origin}/two-step`] });
    const p = await open('/two-step');
    await p.locator('#user').click();
    await waitForMenu(p);
    // Alpha, Bravo, Tango: pick Bravo (row 1). The username page gets no password (S3).
    await pickUntil(p, 1, async () => (await value(p, '#user')) === bravo.username);
    await p.getByRole('button', { name: 'Next' }).click();
    await p.waitForURL(/\/two-step\/password/);
    await p.locator('#pass').click();
    await waitForMenu(p);
    await pickUntil(p, 0, async () => (await value(p, '#pass')) === bravo.password);
  });

  step('"Never show here" hides the menu on this origin; Settings lists the site and brings it back', async () => {
    const p = await open('/login');
    await p.locator('#user').click();
    await waitForMenu(p);
    const box = await menuBox(p);
    if (!box) throw new Error('no menu');
    await expect
      .poll(async () => {
        if ((await menuBox(p)) !== null) await p.mouse.click(box.x + 50, box.y + box.height - 14);
        return (await menuBox(p)) === null;
      }, POLL)
      .toBe(true);
    const popup = session.page();
    await popup.reload();
    await openView(popup, 'Settings');
    const settings = popup.getByTestId('autofill-settings');
    await settings.getByText(srv().origin).waitFor();
    const again = await open('/login');
    await again.locator('#user').click();
    // Focus alone shows nothing here now; the shortcut, an explicit request, still offers the logins.
    await pressFillShortcut(session.launched(), again);
    await waitForMenu(again);
    await settings.getByRole('button', { name: `Show again on ${srv().origin}` }).click();
    await settings.getByText('No sites.', { exact: false }).waitFor();
    const back = await open('/login');
    await back.locator('#user').click();
    await waitForMenu(back);
  });

  step('the global switch in Settings turns the menu off everywhere; explicit requests still work', async () => {
    const settings = session.page().getByTestId('autofill-settings');
    const toggle = settings.getByLabel('Show the Sealpass menu in login fields');
    await toggle.uncheck();
    await expect.poll(() => toggle.isChecked(), POLL).toBe(false);
    const p = await open('/login');
    await p.locator('#user').click();
    await pressFillShortcut(session.launched(), p);
    // Several logins here: the shortcut opens the menu to pick from, which focus alone no longer does.
    await waitForMenu(p);
    await toggle.check();
    await expect.poll(() => toggle.isChecked(), POLL).toBe(true);
    const again = await open('/login');
    await again.locator('#user').click();
    await waitForMenu(again);
  });
});

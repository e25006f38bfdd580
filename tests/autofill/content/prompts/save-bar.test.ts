/**
 * The save bar in headless Chromium: shown in the top layer inside a closed shadow root; Save / Update /
 * Propose / Edit / Never / Not now send the right message for a real click, Save with the name (suggested from
 * the page's title) and the folder chosen in the bar; the locked and expired replies; and T14 clickjacking,
 * each technique before and after the bar renders: nothing is sent.
 */
import { describe, expect, it } from 'vitest';
import type { SaveOffer } from '../../../../lib/autofill/autofill-save-messages';
import { useTestPage } from '../../chromium-page';
import { clickOurElement, ourHosts, pressOurButton, readOurUi } from '../../closed-shadow';
import type { SaveTestApi } from '../../save-page-entry';

const test = useTestPage('tests/autofill/save-page-entry.ts');

const OFFER: SaveOffer = { id: 'ab'.repeat(16), action: 'save', host: 'shop.example.com', username: 'dana@example.com', title: 'Example Shop' };

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

/** What the bar sent, without its request for the folder list (made as soon as a new login's bar shows). */
function sent(): Promise<SaveTestApi['sent']> {
  return test.page.evaluate(() => (window as unknown as { saveTest: SaveTestApi }).saveTest.sent.filter((m) => m.type !== 'saveFolders'));
}

/** Text shown by our UI, '' when no bar is shown. */
async function barText(): Promise<string> {
  return (await readOurUi(test.page)).map((ui) => ui.text).join(' ');
}

/** Whether `sent()` has reached `count` messages. */
const sentCount = (count: number) => async () => (await sent()).length >= count;

/** Clicks, with the real mouse, the bar's name field or folder list (`data-field`), inside the closed shadow root. */
const clickOurControl = (name: 'name' | 'folder') => clickOurElement(test.page, `[data-field="${name}"]`);

/** Our host as page script finds it (by its `sealpass-` tag prefix). */
const HOST = `[...document.querySelectorAll('*')].find((el) => el.tagName.startsWith('SEALPASS-'))`;

describe('save bar (Chromium)', () => {
  it('renders in the top layer in a closed shadow root, naming the host and username, with Save, Edit…, Never and Not now', async () => {
    await showBar();
    expect(await ourHosts(test.page)).toEqual({ count: 1, open: true, shadowVisibleToPage: false });
    expect(await barText()).toContain('Save this login for shop.example.com?');
    expect(await barText()).toContain('dana@example.com');
    const [ui] = await readOurUi(test.page);
    expect(ui!.buttons.map((b) => b.text)).toEqual(['Save', 'Edit…', 'Never for this site', 'Not now']);
    // The page's own fixed button lies under the bar: the bar is drawn above it.
    expect(await test.page.evaluate(() => document.elementsFromPoint(innerWidth - 40, 40)[0]?.tagName)).toMatch(/^SEALPASS-/);
  });

  it('Save → saveAccept with the offer id and the suggested name; "created" → saved message', async () => {
    await showBar(OFFER, { saveAccept: [{ ok: true, outcome: 'created' }] });
    await pressOurButton(test.page, 'accept', sentCount(1));
    await expect.poll(sent).toEqual([{ type: 'saveAccept', payload: { id: OFFER.id, title: 'Example Shop' } }]);
    await expect.poll(barText).toContain('Login saved in Sealpass.');
  });

  it('a new login: the name field holds the suggestion, the folder list the vault’s folders; Save sends what the user chose', async () => {
    await showBar(OFFER, { saveFolders: [{ ok: true, folders: ['Banking', 'Work'] }], saveAccept: [{ ok: true, outcome: 'created' }] });
    await expect.poll(barText).toContain('Banking');
    const all = await test.page.evaluate(() => (window as unknown as { saveTest: SaveTestApi }).saveTest.sent);
    expect(all[0]).toEqual({ type: 'saveFolders', payload: { id: OFFER.id } });
    // Typed and chosen with the real keyboard, inside the closed shadow root.
    await clickOurControl('name');
    await test.page.keyboard.press('ControlOrMeta+A');
    await test.page.keyboard.type('Shop – work account');
    await clickOurControl('folder');
    await test.page.keyboard.press('ArrowDown');
    await test.page.keyboard.press('ArrowDown');
    await test.page.keyboard.press('Enter');
    await pressOurButton(test.page, 'accept', sentCount(1));
    expect(await sent()).toEqual([{ type: 'saveAccept', payload: { id: OFFER.id, title: 'Shop – work account', folder: 'Work' } }]);
  });

  it('Edit… → saveEdit with the name and folder; the bar says to finish in the editor', async () => {
    await showBar(OFFER, { saveEdit: [{ ok: true }] });
    await pressOurButton(test.page, 'edit', sentCount(1));
    expect(await sent()).toEqual([{ type: 'saveEdit', payload: { id: OFFER.id, title: 'Example Shop' } }]);
    await expect.poll(barText).toContain('Opened in the Sealpass editor');
  });

  it('a shared login with an edit grant → "Propose update" naming the owner, no name, folder, Edit or Never', async () => {
    await showBar({ id: OFFER.id, action: 'propose', host: 'db.example.org', username: 'deploy', owner: 'alice' }, { saveAccept: [{ ok: true, outcome: 'proposed' }] });
    expect(await barText()).toContain('alice shared this login with you. Send the new password to alice to update it?');
    expect((await readOurUi(test.page))[0]!.buttons.map((b) => b.text)).toEqual(['Propose update', 'Not now']);
    await pressOurButton(test.page, 'accept', sentCount(1));
    expect(await sent()).toEqual([{ type: 'saveAccept', payload: { id: OFFER.id } }]);
    await expect.poll(barText).toContain('Sent to alice.');
  });

  it('update offer → "Update" button; "updated" → updated message', async () => {
    await showBar({ ...OFFER, action: 'update' }, { saveAccept: [{ ok: true, outcome: 'updated' }] });
    expect(await barText()).toContain('Update the saved password for shop.example.com?');
    await pressOurButton(test.page, 'Update', sentCount(1));
    await expect.poll(barText).toContain('Password updated in Sealpass.');
  });

  it('locked offer → says to unlock first, no Never; Save while still locked keeps saying so; after unlock it saves', async () => {
    const locked = { ok: false, error: { code: 'locked', message: 'The vault is locked.' } };
    await showBar({ ...OFFER, action: 'locked' }, { saveAccept: [locked, { ok: true, outcome: 'created' }] });
    expect(await barText()).toContain('Sealpass is locked. Unlock it');
    expect((await readOurUi(test.page))[0]!.buttons.map((b) => b.act)).toEqual(['accept', 'close']);
    await pressOurButton(test.page, 'accept', sentCount(1));
    await expect.poll(barText).toContain('Sealpass is locked.');
    await pressOurButton(test.page, 'accept', sentCount(2));
    await expect.poll(barText).toContain('Login saved in Sealpass.');
  });

  it('an expired offer → says so; another error shows the background’s message and keeps the buttons', async () => {
    await showBar(OFFER, { saveAccept: [{ ok: false, error: { code: 'conflict', message: 'This item changed meanwhile.' } }, { ok: false, error: { code: 'not-found', message: 'gone' } }] });
    await pressOurButton(test.page, 'accept', sentCount(1));
    await expect.poll(barText).toContain('This item changed meanwhile.');
    await pressOurButton(test.page, 'accept', sentCount(2));
    await expect.poll(barText).toContain('This offer to save has expired.');
  });

  it('Never for this site → saveDismiss with never: true', async () => {
    await showBar();
    await pressOurButton(test.page, 'never', sentCount(1));
    await expect.poll(sent).toEqual([{ type: 'saveDismiss', payload: { id: OFFER.id, never: true } }]);
    await expect.poll(barText).toContain('will not offer to save logins on shop.example.com again');
  });

  it('Not now → closes the bar and drops the offer (saveDismiss never: false)', async () => {
    await showBar();
    await pressOurButton(test.page, 'close', sentCount(1));
    await expect.poll(() => ourHosts(test.page)).toMatchObject({ count: 0 });
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
    await test.page.evaluate(({ x, y, host }) => {
      (eval(host) as HTMLElement).click();
      document.elementFromPoint(x, y)?.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true, clientX: x, clientY: y, detail: 1 }));
    }, { ...save, host: HOST });
    expect(await sent()).toEqual([]);
    // The bar still works for the user.
    await pressOurButton(test.page, 'accept', sentCount(1));
    expect(await sent()).toEqual([{ type: 'saveAccept', payload: { id: OFFER.id, title: 'Example Shop' } }]);
  });

  it.each([
    ['opacity on our host', `${HOST}.style.setProperty('opacity', '0.01', 'important')`],
    ['opacity on html', `document.documentElement.style.opacity = '0.1'`],
    ['opacity on body', `document.body.style.opacity = '0.1'`],
    ['a filter on html', `document.documentElement.style.filter = 'opacity(0)'`],
    ['visibility on our host', `${HOST}.style.setProperty('visibility', 'hidden', 'important')`],
    ['a class added to our host', `${HOST}.classList.add('x')`],
    ['a page popover opened over the bar, letting clicks through', `
      const p = document.createElement('div'); p.popover = 'manual';
      p.style.cssText = 'inset:0;width:100vw;height:100vh;pointer-events:none;background:white;border:0;margin:0';
      document.body.append(p); p.showPopover();`],
    ['a modal dialog opened over the bar', `
      const d = document.createElement('dialog'); d.textContent = 'Click here'; document.body.append(d); d.showModal();`],
    ['our host moved elsewhere in the page', `document.body.append(${HOST})`],
    ['our popover hidden by the page', `${HOST}.hidePopover()`],
    ['a stylesheet making html transparent', `const s = document.createElement('style'); s.textContent = 'html { opacity: 0.05 }'; document.head.append(s);`],
  ])('after render: %s → the bar closes', async (_name, attack) => {
    await showBar();
    const save = await savePosition();
    await test.page.evaluate(attack);
    await expect.poll(() => ourHosts(test.page)).toMatchObject({ open: false });
    await clickAt(save);
    expect(await sent()).toEqual([]);
  });

  it.each([
    ['opacity on html', `document.documentElement.style.opacity = '0.1'`],
    ['opacity on body', `document.body.style.opacity = '0'`],
    ['a filter on body', `document.body.style.filter = 'opacity(0.1)'`],
  ])('before render: %s → no bar at all', async (_name, attack) => {
    await test.load('<main><h1>Welcome</h1></main>');
    await test.page.evaluate(attack);
    await test.page.evaluate((offer) => (window as unknown as { saveTest: SaveTestApi }).saveTest.showBar(offer), OFFER);
    expect(await ourHosts(test.page)).toMatchObject({ open: false });
    expect(await readOurUi(test.page)).toEqual([]);
    expect(await sent()).toEqual([]);
  });
});

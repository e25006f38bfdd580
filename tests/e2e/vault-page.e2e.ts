/**
 * The full-page vault (vault.html) next to the popup: opened from the popup's "Open vault page", it shares the
 * unlocked vault; items, folders, tags and favourites added there, and settings changed there, show in the popup;
 * locking there locks the popup. Leaves `vault-page.png` in SCREENSHOT_DIR (1280×800, an item open). Steps run in
 * order on one profile; after a failed step the rest are skipped so the first failure is the one reported.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { describe, expect } from 'vitest';
import { openPopup, readClipboard, screenshot, SCREENSHOT_DIR, sendExtensionMessage } from './harness';
import { orderedSteps, popupSession } from './ordered-steps';
import { backToList, createVaultInPopup, itemOption, itemOptions, POLL, strongMasterPassword, token, typedLogin, openView, optionName } from './popup-steps';

const master = strongMasterPassword();
const login = { ...typedLogin('Workmail'), folder: `Work ${token(6)}`, tags: [`team-${token(4)}`, `mail-${token(4)}`] } as const;
const note = {
  title: `Door codes ${token(8)}`,
  notes: `Front ${token(6)}\nBack ${token(6)}`,
  folder: `Home ${token(6)}`,
  tags: [`house-${token(4)}`],
} as const;

/** Width and height of a PNG from its IHDR chunk. */
function pngSize(png: Buffer): { width: number; height: number } {
  expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

describe('vault page (vault.html)', () => {
  const session = popupSession();
  const { launched } = session;
  let vaultPage: Page | undefined;
  const step = orderedSteps('vault-page-', () => [
    ['popup', session.popup],
    ['page', vaultPage],
  ]);

  function vault(): Page {
    if (!vaultPage) throw new Error('the vault page is not open');
    return vaultPage;
  }

  /** The popup, reopened fresh (its state comes from the background on load, as when the toolbar button is clicked). */
  async function freshPopup(): Promise<Page> {
    const { context, extensionId } = launched();
    if (session.popup && !session.popup.isClosed()) await session.popup.close();
    const popup = await openPopup(context, extensionId);
    session.popup = popup;
    return popup;
  }

  /** Saves the vault page's editor and waits for the saved item in the side panel and the list. */
  async function saveAndWait(title: string): Promise<Locator> {
    await vault().getByTestId('item-editor').getByRole('button', { name: 'Save', exact: true }).click();
    const view = vault().getByTestId('item-view');
    await view.getByRole('heading', { name: title }).waitFor();
    await itemOption(vault(), title).waitFor();
    return view;
  }

  step('"Open vault page" in the popup opens vault.html in a new tab, already unlocked', async () => {
    const { context, origin } = launched();
    const opener = session.popup;
    if (!opener) throw new Error('the popup is not open');
    await createVaultInPopup(opener, master);
    const [opened] = await Promise.all([
      context.waitForEvent('page', { predicate: (p) => p.url().startsWith(`${origin}/vault.html`) }),
      opener.getByRole('button', { name: 'Open vault page', exact: true }).click(),
    ]);
    vaultPage = opened;
    await vault().setViewportSize({ width: 1280, height: 800 });
    await vault().getByTestId('item-list').getByText('Your vault is empty.', { exact: false }).waitFor();
    expect(await vault().getByTestId('unlock').count()).toBe(0);
    // The popup closes itself so it does not cover the new tab.
    await expect.poll(() => opener.isClosed(), POLL).toBe(true);
  });

  step('adds a favourite login with a folder and tags in the page editor', async () => {
    await vault().getByRole('button', { name: 'Add item', exact: true }).click();
    const editor = vault().getByTestId('item-editor');
    await editor.getByLabel('Title', { exact: true }).fill(login.title);
    await editor.getByLabel('Username', { exact: true }).fill(login.username);
    await editor.getByLabel('Password', { exact: true }).fill(login.password);
    await editor.getByLabel('URL', { exact: true }).fill(login.url);
    await editor.getByLabel('Folder', { exact: true }).fill(login.folder);
    await editor.getByLabel('Tags', { exact: true }).fill(login.tags.join(', '));
    await editor.getByLabel('Favourite', { exact: true }).check();
    const view = await saveAndWait(login.title);
    await view.getByText(login.folder, { exact: true }).waitFor();
    for (const tag of login.tags) await view.getByRole('listitem').filter({ hasText: tag }).waitFor();
    expect(await view.getByRole('button', { name: /Favourite/ }).getAttribute('aria-pressed')).toBe('true');
  });

  step('adds a secure note with another folder and a tag', async () => {
    await vault().getByRole('button', { name: 'Add item', exact: true }).click();
    const editor = vault().getByTestId('item-editor');
    await editor.getByRole('radio', { name: 'Secure note', exact: true }).check();
    await editor.getByLabel('Title', { exact: true }).fill(note.title);
    await editor.getByLabel('Notes', { exact: true }).fill(note.notes);
    await editor.getByLabel('Folder', { exact: true }).fill(note.folder);
    await editor.getByLabel('Tags', { exact: true }).fill(note.tags.join(', '));
    const view = await saveAndWait(note.title);
    await view.getByText(note.folder, { exact: true }).waitFor();
    await view.getByRole('listitem').filter({ hasText: note.tags[0] }).waitFor();
    expect(await view.getByRole('button', { name: /Favourite/ }).getAttribute('aria-pressed')).toBe('false');
    await expect.poll(() => itemOptions(vault()).count(), POLL).toBe(2);
    // Favourites first.
    expect(await optionName(itemOptions(vault()).first())).toMatch(new RegExp(`^${login.title}.*, favourite$`));
  });

  step('the folder filter and the favourites toggle narrow the list', async () => {
    const list = vault().getByTestId('item-list');
    const folderFilter = list.getByLabel('Filter by folder', { exact: true });
    const titles = async (): Promise<string[]> => list.locator('[role="option"] .item-title').allTextContents();
    await folderFilter.selectOption({ label: login.folder });
    await expect.poll(titles, POLL).toEqual([login.title]);
    await folderFilter.selectOption({ label: note.folder });
    await expect.poll(titles, POLL).toEqual([note.title]);
    await folderFilter.selectOption({ label: 'No folder' });
    await expect.poll(titles, POLL).toEqual([]);
    await list.getByText('No items in this view.').waitFor();
    await folderFilter.selectOption({ label: 'All folders' });
    await expect.poll(titles, POLL).toEqual([login.title, note.title]);
    const favourites = list.getByLabel('Favourites only', { exact: true });
    await favourites.check();
    await expect.poll(titles, POLL).toEqual([login.title]);
    await favourites.uncheck();
    await expect.poll(titles, POLL).toEqual([login.title, note.title]);
  });

  step('screenshot: the vault page at 1280×800 with the login open', async () => {
    await itemOption(vault(), login.title).click();
    const view = vault().getByTestId('item-view');
    await view.getByRole('heading', { name: login.title }).waitFor();
    await view.getByText(login.username, { exact: true }).waitFor();
    const path = await screenshot(vault(), 'vault-page');
    expect(path).toBe(join(SCREENSHOT_DIR, 'vault-page.png'));
    expect(pngSize(await readFile(path))).toEqual({ width: 1280, height: 800 });
  });

  step('the new items appear in the popup, favourite first, with folder and tags', async () => {
    const shown = await freshPopup();
    await shown.getByTestId('item-list').waitFor();
    await expect.poll(() => itemOptions(shown).count(), POLL).toBe(2);
    expect(await optionName(itemOptions(shown).first())).toMatch(new RegExp(`^${login.title}.*, favourite$`));
    // Search covers folders and tags.
    const search = shown.getByTestId('item-list').getByLabel('Search', { exact: true });
    await search.fill(note.tags[0]);
    await expect.poll(() => itemOptions(shown).count(), POLL).toBe(1);
    await itemOption(shown, note.title).waitFor();
    await search.fill(login.folder);
    await expect.poll(() => itemOptions(shown).count(), POLL).toBe(1);
    await itemOption(shown, login.title).click();
    const view = shown.getByTestId('item-view');
    await view.getByRole('heading', { name: login.title }).waitFor();
    await view.getByText(login.folder, { exact: true }).waitFor();
    for (const tag of login.tags) await view.getByRole('listitem').filter({ hasText: tag }).waitFor();
    await backToList(shown);
  });

  step('settings changed on the vault page (auto-lock 5 minutes, clipboard 10 s) show in the popup', async () => {
    const { context, extensionId } = launched();
    await vault().bringToFront();
    await openView(vault(), 'Settings');
    const settings = vault().getByTestId('settings');
    await settings.waitFor();
    await settings.getByLabel('Auto-lock after', { exact: true }).selectOption('5');
    await settings.getByText('Saved.', { exact: true }).waitFor();
    await settings.getByLabel('Clear clipboard after', { exact: true }).selectOption('10');
    await expect
      .poll(() => sendExtensionMessage(context, extensionId, { type: 'settingsGet', payload: {} }), POLL)
      .toEqual({ ok: true, settings: { autoLockMinutes: 5, clipboardSeconds: 10 } });
    await settings.getByText('Saved.', { exact: true }).waitFor();

    const shown = await freshPopup();
    await shown.getByTestId('item-list').waitFor();
    await openView(shown, 'Settings');
    const popupSettings = shown.getByTestId('settings');
    const autoLock = popupSettings.getByLabel('Auto-lock after', { exact: true });
    const clipboard = popupSettings.getByLabel('Clear clipboard after', { exact: true });
    await expect.poll(() => autoLock.inputValue(), POLL).toBe('5');
    await expect.poll(() => clipboard.inputValue(), POLL).toBe('10');
    expect(await autoLock.locator('option:checked').textContent()).toBe('5 minutes');
    expect(await clipboard.locator('option:checked').textContent()).toBe('10 seconds');
    // The copy toast in the popup announces the new delay.
    await backToList(shown);
    await itemOption(shown, login.title).click();
    await shown.getByTestId('item-view').getByRole('button', { name: 'Copy password', exact: true }).click();
    await shown.getByTestId('toast').getByText('Password copied — clears in 10 s').waitFor();
    expect(await readClipboard(shown)).toBe(login.password);
  });

  step('locking on the vault page locks the popup too', async () => {
    const { context, extensionId } = launched();
    await vault().bringToFront();
    await vault().getByRole('button', { name: 'Lock', exact: true }).click();
    await vault().getByTestId('unlock').waitFor();
    expect(await vault().getByTestId('item-list').count()).toBe(0);
    const shown = await freshPopup();
    await shown.getByTestId('unlock').waitFor();
    expect(await shown.getByTestId('item-list').count()).toBe(0);
    expect(await sendExtensionMessage(context, extensionId, { type: 'itemList', payload: {} })).toMatchObject({
      ok: false,
      error: { code: 'locked' },
    });
  });
});

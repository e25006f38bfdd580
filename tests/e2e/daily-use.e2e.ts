/**
 * Issue 17's daily-use points in real Chromium, one profile, the popup and the vault page open side by side:
 * item 9 — a vault tab left on "Create your vault" follows the popup's create, unlock, adds and deletes without
 * a reload; item 5 — the popup's Add item takes the title and address from the page it was opened over; item 8 —
 * Enter in the search fills that page when the login is saved for it, opens the item otherwise, and every toast
 * names what was copied; the smaller defects — a Trash with Restore, a favourite audited as such, failed unlocks
 * in the audit log, the generator remembering its options, Restore under Import, panels opening at their top, a
 * grouped header. axe-core runs over each main state of both pages: 0 serious or critical violations.
 */
import type { Page } from 'playwright-core';
import { afterAll, describe, expect } from 'vitest';
import { startPageServer, type PageServer } from './autofill-pages';
import { openPopupWindow } from './autofill-steps';
import { seriousViolations } from './axe-check';
import { openPopup, openVaultPage, readClipboard } from './harness';
import { orderedSteps, popupSession } from './ordered-steps';
import {
  backToList, createVaultInPopup, itemOption, lockFromHeader, openItem, openView, POLL, request, strongMasterPassword, token, unlockWith,
} from './popup-steps';

const master = strongMasterPassword();
const username = `dana.${token(6)}@corp.test`;
const password = `Pw-${token(14)}-daily!`;

describe('daily use (issue 17 items 5, 8, 9 and the smaller defects)', () => {
  const session = popupSession();
  const { launched, page } = session;
  let vaultPage: Page | undefined;
  let site: Page | undefined;
  let pages: PageServer | undefined;
  const step = orderedSteps('daily-', () => [['popup', session.popup], ['vault', vaultPage], ['site', site]]);
  const vault = (): Page => {
    if (!vaultPage) throw new Error('the vault page is not open');
    return vaultPage;
  };
  /** The login saved from the page: its title is the page's title. */
  let title = '';

  afterAll(async () => {
    await pages?.close();
  });

  /** axe-core over `target` as it is now: no serious or critical violation. */
  async function expectAccessible(target: Page, state: string): Promise<void> {
    expect(await seriousViolations(target), `axe: ${state}`).toEqual([]);
  }

  step('item 9: a vault tab on "Create your vault" follows the popup: created there, the tab shows the vault by itself', async () => {
    pages = await startPageServer();
    const { context, extensionId } = launched();
    vaultPage = await openVaultPage(context, extensionId);
    await vault().getByTestId('onboarding').waitFor();
    await expectAccessible(vault(), 'vault page, onboarding');
    await expectAccessible(page(), 'popup, onboarding');
    await createVaultInPopup(page(), master);
    await vault().getByTestId('item-list').getByText('Your vault is empty.', { exact: false }).waitFor();
    await expectAccessible(page(), 'popup, empty vault');
    await expectAccessible(vault(), 'vault page, empty vault');
  });

  step('item 5: the popup opened over a page prefills Add item with the page\'s title and address', async () => {
    site = await launched().context.newPage();
    await site.goto(`${pages!.origin}/login?next=%2Fhome&token=${token(10)}#top`);
    title = await site.title();
    expect(title).toBe('Sign in');
    await site.bringToFront();
    const popup = await openPopupWindow(launched());
    await popup.getByRole('button', { name: 'Add item', exact: true }).click();
    const editor = popup.getByTestId('item-editor');
    await expect.poll(() => editor.getByLabel('Title', { exact: true }).inputValue(), POLL).toBe(title);
    // Origin and path only: the query and fragment (which may hold tokens) stay out.
    expect(await editor.getByLabel('URL', { exact: true }).inputValue()).toBe(`${pages!.origin}/login`);
    await editor.getByText('Title and address are from the current tab', { exact: false }).waitFor();
    await expectAccessible(popup, 'popup, new item editor');
    await editor.getByLabel('Username', { exact: true }).fill(username);
    await editor.getByLabel('Password', { exact: true }).fill(password);
    await editor.getByRole('button', { name: 'Save', exact: true }).click();
    await popup.getByTestId('item-view').getByRole('heading', { name: title }).waitFor();
    await expectAccessible(popup, 'popup, item view');
    await popup.close();
  });

  step('item 9: the login added in the popup is listed on the vault page without a reload', async () => {
    await itemOption(vault(), title).waitFor();
    await expectAccessible(vault(), 'vault page, list');
  });

  step('item 8: in the popup over that page, Enter on the search fills the page (the popup closes)', async () => {
    await site!.bringToFront();
    const popup = await openPopupWindow(launched());
    const search = popup.getByTestId('item-list').getByLabel('Search', { exact: true });
    await popup.getByTestId('tab-logins').getByText(title).waitFor();
    await search.fill(title);
    await itemOption(popup, title).waitFor();
    const closed = popup.waitForEvent('close');
    await search.press('Enter');
    await closed;
    await expect.poll(async () => ({ user: await site!.locator('#user').inputValue(), pass: await site!.locator('#pass').inputValue() }), POLL).toEqual({ user: username, pass: password });
  });

  step('item 8: elsewhere Enter opens the item, and each copy names what was copied', async () => {
    await page().bringToFront();
    // Opened afresh, as a popup is each time: its active tab is now itself, not the login page, so the list
    // asks again and no "On this page" login remains for Enter to fill.
    await page().reload();
    const search = page().getByTestId('item-list').getByLabel('Search', { exact: true });
    await search.fill(title);
    await itemOption(page(), title).waitFor();
    await search.press('Enter');
    const view = page().getByTestId('item-view');
    await view.getByRole('heading', { name: title }).waitFor();
    await view.getByRole('button', { name: 'Copy username', exact: true }).click();
    await page().getByTestId('toast').getByText('Username copied — clears in 30 s').waitFor();
    expect(await readClipboard(page())).toBe(username);
    await view.getByRole('button', { name: 'Copy password', exact: true }).click();
    await page().getByTestId('toast').getByText('Password copied — clears in 30 s').waitFor();
    expect(await readClipboard(page())).toBe(password);
    await expectAccessible(page(), 'popup, item view with a toast');
  });

  step('a favourite toggle is audited as such, not as an edit', async () => {
    const view = page().getByTestId('item-view');
    await view.getByRole('button', { name: 'Favourite' }).click();
    await expect.poll(() => view.getByRole('button', { name: 'Favourite' }).getAttribute('aria-pressed'), POLL).toBe('true');
    const { events } = (await request(launched(), 'auditList')) as { events: { type: string }[] };
    expect(events.at(-1)?.type).toBe('item-favourited');
    expect(events.filter((e) => e.type === 'item-edited')).toEqual([]);
    await backToList(page());
  });

  step('the popup header: primary actions, the rest in "More"; both pages pass axe with the menu open', async () => {
    const nav = page().getByRole('navigation', { name: 'Vault' });
    const more = nav.getByRole('button', { name: /^More/ });
    expect(await more.getAttribute('aria-expanded')).toBe('false');
    await more.click();
    expect(await more.getAttribute('aria-expanded')).toBe('true');
    for (const name of ['Contacts', 'Trash', 'Audit log', 'Settings']) await nav.getByRole('button', { name, exact: true }).waitFor();
    await expectAccessible(page(), 'popup, More menu open');
    await page().keyboard.press('Escape');
    expect(await more.getAttribute('aria-expanded')).toBe('false');
    // The vault page: a handful of buttons in view, not ten of equal weight.
    const pageNav = vault().getByRole('navigation', { name: 'Vault' });
    const visible = await pageNav.getByRole('button').evaluateAll((buttons) => buttons.filter((b) => (b as HTMLElement).offsetParent !== null).length);
    expect(visible).toBeLessThanOrEqual(5);
    await pageNav.getByRole('button', { name: /^More/ }).click();
    await expectAccessible(vault(), 'vault page, More menu open');
    await vault().keyboard.press('Escape');
  });

  step('item 9: a delete on the vault page drops the item from the popup; Trash lists it for 30 days and Restore brings it back', async () => {
    const view = await openItem(vault(), title);
    await view.getByRole('button', { name: 'Delete', exact: true }).click();
    await vault().getByTestId('toast').getByText(`Deleted “${title}”`).waitFor();
    await expect.poll(() => itemOption(page(), title).count(), POLL).toBe(0);
    await openView(vault(), 'Trash');
    const entry = vault().getByTestId('trash').getByTestId('trash-entry').filter({ hasText: title });
    await entry.getByText(/removed for good on/).waitFor();
    await expectAccessible(vault(), 'vault page, trash');
    await entry.getByRole('button', { name: `Restore ${title}` }).click();
    await vault().getByTestId('trash').getByText('The trash is empty.').waitFor();
    await itemOption(vault(), title).waitFor();
    await itemOption(page(), title).waitFor();
  });

  step('Restore sits under Import, not Export; each panel opens at its top, not where the last one was scrolled', async () => {
    await vault().setViewportSize({ width: 1280, height: 500 });
    await openView(vault(), 'Import');
    await vault().getByTestId('import-view').waitFor();
    await vault().getByTestId('restore-export').waitFor();
    await expectAccessible(vault(), 'vault page, import');
    const panel = vault().locator('.column-panel');
    await panel.evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
    expect(await panel.evaluate((el) => el.scrollTop)).toBeGreaterThan(0);
    await openView(vault(), 'Export');
    await vault().getByTestId('export-view').waitFor();
    expect(await vault().getByTestId('restore-export').count()).toBe(0);
    expect(await panel.evaluate((el) => el.scrollTop)).toBe(0);
    await expectAccessible(vault(), 'vault page, export');
    await vault().setViewportSize({ width: 1280, height: 800 });
  });

  step('the generator remembers its options, also in a freshly opened popup', async () => {
    await openView(page(), 'Generator');
    const generator = page().getByTestId('generator');
    await generator.getByRole('radio', { name: 'Passphrase' }).check();
    const words = generator.getByRole('spinbutton', { name: 'Words' });
    await words.fill('8');
    await words.blur();
    await expect.poll(async () => ((await request(launched(), 'settingsGet')).settings as { generator?: { mode: string; words: number } }).generator, POLL)
      .toMatchObject({ mode: 'passphrase', words: 8 });
    await expectAccessible(page(), 'popup, generator');
    await page().close();
    session.popup = await openPopup(launched().context, launched().extensionId);
    await openView(page(), 'Generator');
    const again = page().getByTestId('generator');
    expect(await again.getByRole('radio', { name: 'Passphrase' }).isChecked()).toBe(true);
    expect(await again.getByRole('spinbutton', { name: 'Words' }).inputValue()).toBe('8');
    await expect.poll(async () => ((await again.getByTestId('generated-password').textContent()) ?? '').split('-').length, POLL).toBe(8);
    await backToList(page());
  });

  step('item 9 and the audit log: a lock in the vault page locks the popup; failed unlocks are recorded at the next unlock, which also unlocks the vault page', async () => {
    await lockFromHeader(vault());
    await page().getByTestId('unlock').waitFor();
    await expectAccessible(page(), 'popup, unlock');
    const unlock = page().getByTestId('unlock');
    await unlock.getByLabel('Master password', { exact: true }).fill(`${master}-typo`);
    await unlock.getByRole('button', { name: 'Unlock', exact: true }).click();
    await unlock.getByText('Wrong master password.').waitFor();
    await unlockWith(page(), master);
    await page().getByTestId('failed-unlocks').getByText('Someone tried to unlock this vault once', { exact: false }).waitFor();
    // The vault tab follows the popup's unlock without a reload.
    await vault().getByTestId('item-list').waitFor();
    await itemOption(vault(), title).waitFor();
    await openView(vault(), 'Audit log');
    const log = vault().getByTestId('audit-log');
    await log.getByText('Unlock failed (wrong master password)').waitFor();
    // Written at the next unlock, it is listed at the time it happened and marked as late (issue 17 item 4's event order).
    expect(await log.locator('tbody tr').filter({ hasText: 'Unlock failed' }).first().textContent()).toContain('arrived late, listed at the time it reports');
    await log.getByText('Marked as favourite').waitFor();
    await expectAccessible(vault(), 'vault page, audit log');
    for (const view of ['Health', 'Contacts', 'Inbox', 'Settings'] as const) {
      await openView(vault(), view);
      await vault().locator('.column-panel > *').first().waitFor();
      await expectAccessible(vault(), `vault page, ${view}`);
    }
    for (const view of ['Inbox', 'Settings', 'Trash'] as const) {
      await openView(page(), view);
      await page().getByRole('button', { name: 'Back', exact: true }).waitFor();
      await expectAccessible(page(), `popup, ${view}`);
      await backToList(page());
    }
  });
});

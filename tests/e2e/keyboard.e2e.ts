/**
 * The popup is keyboard-first: the search box has focus on open, the arrow keys move the selection, Enter opens the
 * item (or fills the current tab when the login is saved for it: autofill-fill.e2e), Ctrl+Enter copies a login's
 * password, Escape clears the search. Also checks in the browser
 * that the generator's defaults meet T22 (passwords of 20+ characters, passphrases of 5+ words). Steps run in order
 * on one profile; after a failed step the rest are skipped so the first failure is the one reported.
 */
import type { Locator } from 'playwright-core';
import { describe, expect } from 'vitest';
import { openPopup, readClipboard } from './harness';
import { orderedSteps, popupSession } from './ordered-steps';
import { addLoginInPopup, backToList, createVaultInPopup, itemOption, itemOptions, POLL, strongMasterPassword, token, typedLogin, type TypedLogin, openView } from './popup-steps';

/** Two logins share this word in their titles; the third login and the note do not. */
const shared = `kb${token(8)}`;
const bank: TypedLogin = { ...typedLogin('Bank'), title: `Bank ${shared}` };
const mail: TypedLogin = { ...typedLogin('Mail'), title: `Mail ${shared}` };
const shop: TypedLogin = typedLogin('Shop');
const note = { title: `Recovery codes ${token(8)}`, notes: `codes ${token(12)}` } as const;
const master = strongMasterPassword();

describe('keyboard use of the popup', () => {
  const session = popupSession();
  const { launched, page } = session;
  const step = orderedSteps('keyboard-', () => session.popup);

  function search(): Locator {
    return page().getByTestId('item-list').getByLabel('Search', { exact: true });
  }

  /** True when the search box is the focused element of the page. */
  function searchFocused(): Promise<boolean> {
    return search().evaluate((element) => element === document.activeElement);
  }

  /** The title of the option marked `aria-selected="true"`, checked to be the one the search box points at. */
  async function selectedTitle(): Promise<string> {
    const selected = itemOptions(page()).and(page().locator('[aria-selected="true"]'));
    await expect.poll(() => selected.count(), POLL).toBe(1);
    const [optionId, activeDescendant] = await Promise.all([selected.getAttribute('id'), search().getAttribute('aria-activedescendant')]);
    expect(activeDescendant).toBe(optionId);
    return (await selected.locator('.item-title').textContent()) ?? '';
  }

  async function expectSelected(title: string): Promise<void> {
    await expect.poll(selectedTitle, POLL).toBe(title);
  }

  /** Replaces the search text with the keyboard only: select all, then type. */
  async function typeQuery(query: string): Promise<void> {
    await page().keyboard.press('ControlOrMeta+A');
    await page().keyboard.type(query);
    await expect.poll(() => search().inputValue(), POLL).toBe(query);
  }

  step('creates a vault with three logins and a secure note', async () => {
    await createVaultInPopup(page(), master);
    for (const login of [bank, mail, shop]) await addLoginInPopup(page(), login);
    await page().getByRole('button', { name: 'Add item', exact: true }).click();
    const editor = page().getByTestId('item-editor');
    await editor.getByRole('radio', { name: 'Secure note', exact: true }).check();
    await editor.getByLabel('Title', { exact: true }).fill(note.title);
    await editor.getByLabel('Notes', { exact: true }).fill(note.notes);
    await editor.getByRole('button', { name: 'Save', exact: true }).click();
    await page().getByTestId('item-view').getByRole('heading', { name: note.title }).waitFor();
    await backToList(page());
    await expect.poll(() => itemOptions(page()).count(), POLL).toBe(4);
  });

  step('on reopening the popup (still unlocked) the search box has focus without a click', async () => {
    const { context, extensionId } = launched();
    await page().close();
    session.popup = await openPopup(context, extensionId);
    await page().getByTestId('item-list').waitFor();
    await expect.poll(() => itemOptions(page()).count(), POLL).toBe(4);
    await expect.poll(searchFocused, POLL).toBe(true);
  });

  step('typing narrows the list; ArrowDown and ArrowUp move the selection and stop at the ends', async () => {
    await page().keyboard.type(shared);
    await expect.poll(() => search().inputValue(), POLL).toBe(shared);
    await expect.poll(() => itemOptions(page()).count(), POLL).toBe(2);
    // Sorted by title, the first match is selected as soon as the list is filtered.
    await expectSelected(bank.title);
    await page().keyboard.press('ArrowDown');
    await expectSelected(mail.title);
    await page().keyboard.press('ArrowDown');
    await expectSelected(mail.title);
    await page().keyboard.press('ArrowUp');
    await expectSelected(bank.title);
    await page().keyboard.press('ArrowUp');
    await expectSelected(bank.title);
    await page().keyboard.press('ArrowDown');
    await expectSelected(mail.title);
    expect(await searchFocused()).toBe(true);
  });

  step('Ctrl+Enter on a login copies its password, and the toast names what was copied (issue 17 item 8)', async () => {
    await page().keyboard.press('Control+Enter');
    await page().getByTestId('toast').getByText(`Password of “${mail.title}” copied — clears in 30 s`).waitFor();
    expect(await readClipboard(page())).toBe(mail.password);
    // Copying leaves the user where they were: the list, with the selection and the focus unchanged.
    expect(await page().getByTestId('item-view').count()).toBe(0);
    await expectSelected(mail.title);
    expect(await searchFocused()).toBe(true);
  });

  step('Enter opens the selected login (issue 17 item 8); Back returns to the same search with the focus in it', async () => {
    await page().keyboard.press('Enter');
    await page().getByTestId('item-view').getByRole('heading', { name: mail.title }).waitFor();
    await backToList(page());
    expect(await search().inputValue()).toBe(shared);
    await expectSelected(mail.title);
    await expect.poll(searchFocused, POLL).toBe(true);
  });

  step('an opened item takes the focus on Back, and Escape returns to the list with the search focused', async () => {
    await page().keyboard.press('Enter');
    await page().getByTestId('item-view').getByRole('heading', { name: mail.title }).waitFor();
    await expect.poll(() => page().evaluate(() => document.activeElement?.textContent?.includes('Back') ?? false), POLL).toBe(true);
    await page().keyboard.press('Escape');
    await page().getByTestId('item-list').waitFor();
    expect(await search().inputValue()).toBe(shared);
    await expect.poll(searchFocused, POLL).toBe(true);
  });

  step('Escape clears the search and lists every item again', async () => {
    await page().keyboard.press('Escape');
    await expect.poll(() => search().inputValue(), POLL).toBe('');
    await expect.poll(() => itemOptions(page()).count(), POLL).toBe(4);
    expect(await searchFocused()).toBe(true);
  });

  step('Enter on a secure note opens it and copies nothing', async () => {
    await typeQuery(note.title);
    await expect.poll(() => itemOptions(page()).count(), POLL).toBe(1);
    await expectSelected(note.title);
    await page().keyboard.press('Enter');
    const view = page().getByTestId('item-view');
    await view.getByRole('heading', { name: note.title }).waitFor();
    await view.getByText(note.notes, { exact: true }).waitFor();
    expect(await readClipboard(page())).toBe(mail.password);
    await backToList(page());
    await itemOption(page(), note.title).waitFor();
  });

  step('T22: the generator opens with a random password of at least 20 characters', async () => {
    await openView(page(), 'Generator');
    const generator = page().getByTestId('generator');
    const output = generator.getByTestId('generated-password');
    await output.filter({ hasText: /\S/ }).waitFor();
    expect(await generator.getByRole('radio', { name: 'Random password', exact: true }).isChecked()).toBe(true);
    expect(Number(await generator.getByRole('spinbutton', { name: 'Length' }).inputValue())).toBeGreaterThanOrEqual(20);
    const password = (await output.textContent()) ?? '';
    expect([...password].length).toBeGreaterThanOrEqual(20);
    expect(password).toMatch(/^\S+$/);
    // The default mixes every character class (T22's alphabet), so each appears at least once.
    expect(password).toMatch(/[a-z]/);
    expect(password).toMatch(/[A-Z]/);
    expect(password).toMatch(/[0-9]/);
    expect(password).toMatch(/[^a-zA-Z0-9]/);
  });

  step('T22: passphrase mode defaults to at least 5 words', async () => {
    const generator = page().getByTestId('generator');
    await generator.getByRole('radio', { name: 'Passphrase', exact: true }).check();
    const words = generator.getByRole('spinbutton', { name: 'Words' });
    await words.waitFor();
    expect(Number(await words.inputValue())).toBeGreaterThanOrEqual(5);
    const separator = await generator.getByLabel('Separator', { exact: true }).inputValue();
    expect(separator).not.toBe('');
    const output = generator.getByTestId('generated-password');
    // Lowercase words joined by the separator: waits for the passphrase to replace the password.
    const shape = new RegExp(`^[a-z]+(?:${separator.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}[a-z]+)+$`);
    await expect.poll(async () => shape.test((await output.textContent()) ?? ''), POLL).toBe(true);
    const passphrase = (await output.textContent()) ?? '';
    expect(passphrase.split(separator).length).toBeGreaterThanOrEqual(5);
    expect(passphrase.split(separator).length).toBe(Number(await words.inputValue()));
  });
});

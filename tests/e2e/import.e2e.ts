/**
 * Import through the vault page (vault.html → Import): the empty vault offers Import, and the popup's Import opens the
 * vault page on Import (a file dialog would close the popup); a Bitwarden CSV (the picker then names the loaded file),
 * then a 1Password CSV with a duplicate of a login added in the popup that the user chooses to replace (the table says
 * the passwords differ), then a file with bad rows whose valid rows still import and a file of another kind that is
 * refused, then a spreadsheet whose columns the user maps, then a Firefox export whose sync-account row is left out
 * with a notice and a 1Password 7 for Mac export with backslash-escaped quotes, then a KeePassXC export whose row with
 * no name and no password is reported (issue 17) and whose 2024 "Last Modified" date Health counts as old. The imported items show in the popup;
 * the replaced login keeps its old password in its history and its replace is audited as such. A generated 2,000-row
 * file imports in one go while the background reports its progress. Files are set on the page's file input
 * (Playwright setInputFiles), as a user choosing them.
 * Steps run in order on one profile; after a failed step the rest are skipped so the first failure is the one reported.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { describe, expect } from 'vitest';
import { openPopup, REPO_ROOT } from './harness';
import { orderedSteps, popupSession } from './ordered-steps';
import { addLoginInPopup, createVaultInPopup, itemIdsByTitle, itemOption, itemOptions, POLL, request, strongMasterPassword, openView } from './popup-steps';

const FIXTURES = join(REPO_ROOT, 'tests', 'fixtures', 'import');
const master = strongMasterPassword();
/** Rows of the generated large file: four progress reports of 500, then the write. */
const LARGE_ROWS = 2_000;
/** Same site and username as the 1Password fixture's row 2, so that row is a duplicate. */
const existing = { title: 'GitHub (old)', username: 'octo@example.com', password: 'Old-GitHub-pw-1', url: 'https://github.com/login' } as const;
/** A KeePassXC row last modified in 2024 (Health must count it old), and the username of a row with no name and no password. */
const dated = { title: 'Old router', password: 'R0uter-2024-pw!kq', url: 'https://router.old.example/' } as const;
const nameless = 'nameless.user@corp.test';

describe('import (vault page)', () => {
  const session = popupSession();
  const { launched } = session;
  let vaultPage: Page | undefined;
  const step = orderedSteps('import-', () => [
    ['popup', session.popup],
    ['page', vaultPage],
  ]);

  function vault(): Page {
    if (!vaultPage) throw new Error('the vault page is not open');
    return vaultPage;
  }

  /** The Import section, opened from the vault page's navigation when it is not showing. */
  async function importView(): Promise<Locator> {
    const view = vault().getByTestId('import-view');
    if (!(await view.isVisible())) await openView(vault(), 'Import');
    await view.waitFor();
    return view;
  }

  /** Chooses a fixture in the file input and waits until it was read (or refused). */
  async function chooseFile(name: string): Promise<Locator> {
    const view = await importView();
    await view.getByLabel('Choose a file to import', { exact: true }).setInputFiles(join(FIXTURES, name));
    await view.getByTestId('import-format').or(view.getByTestId('import-file-error')).waitFor();
    return view;
  }

  /** Back to the file choice after a finished import (a refused or cancelled file is already there). */
  async function startOver(): Promise<Locator> {
    const view = await importView();
    const another = view.getByRole('button', { name: 'Import another file', exact: true });
    if (await another.isVisible()) await another.click();
    await view.getByLabel('Choose a file to import', { exact: true }).waitFor();
    return view;
  }

  /** Clicks the import button (whose name carries the count) and waits for the summary. */
  async function runImport(view: Locator, count: number): Promise<Locator> {
    await view.getByRole('button', { name: `Import ${count} ${count === 1 ? 'item' : 'items'}`, exact: true }).click();
    const done = view.getByTestId('import-done');
    await done.waitFor();
    return done;
  }

  step('the empty vault offers Import; the popup\'s Import opens the vault page on Import', async () => {
    const { context, origin } = launched();
    const popup = session.page();
    await createVaultInPopup(popup, master);
    await popup.getByTestId('item-list').getByRole('button', { name: 'Import from another password manager', exact: true }).waitFor();
    const [opened] = await Promise.all([
      context.waitForEvent('page', { predicate: (p) => p.url().startsWith(`${origin}/vault.html`) }),
      openView(popup, 'Import'),
    ]);
    vaultPage = opened;
    expect(new URL(vault().url()).hash).toBe('#import');
    await vault().setViewportSize({ width: 1280, height: 800 });
    const view = vault().getByTestId('import-view');
    await view.waitFor();
    expect(await view.getByTestId('import-file-name').textContent()).toBe('No file chosen yet');
    // The page's own empty list offers it too.
    await vault().getByTestId('item-list').getByRole('button', { name: 'Import from another password manager', exact: true }).waitFor();
  });

  step('a login added in the popup shows on the vault page, still on Import', async () => {
    const { context, extensionId } = launched();
    const popup = await openPopup(context, extensionId);
    session.popup = popup;
    await popup.getByTestId('item-list').waitFor();
    await addLoginInPopup(popup, existing);
    await vault().reload();
    await itemOption(vault(), existing.title).waitFor();
    await vault().getByTestId('import-view').waitFor();
  });

  step('a Bitwarden CSV is detected, imported, and the reminder to delete the file is shown', async () => {
    const view = await chooseFile('bitwarden.csv');
    await expect.poll(() => view.getByTestId('import-format').textContent(), POLL).toBe('bitwarden.csv: Bitwarden (CSV), 3 rows ready to import.');
    // The picker names the file it read, not the browser's "No file chosen".
    expect(await view.getByTestId('import-file-name').textContent()).toBe('Loaded: “bitwarden.csv”');
    expect(await view.textContent()).not.toContain('No file chosen');
    expect(await view.getByTestId('import-problems').count()).toBe(0);
    expect(await view.getByTestId('import-duplicates').count()).toBe(0);
    const done = await runImport(view, 3);
    await done.getByText('Imported 3 items.', { exact: true }).waitFor();
    const reminder = done.getByTestId('import-delete-reminder');
    await reminder.getByText('Now delete “bitwarden.csv”.', { exact: true }).waitFor();
    expect(await reminder.textContent()).toMatch(/anyone who gets the file can read every\s+one of them/);
    expect(await reminder.textContent()).toMatch(/backups or\s+synced folders/);
    // The list beside the panel has them at once.
    for (const title of ['Twitter, personal', 'Zürich Bank – Ålesund', 'Wi-Fi 密码']) await itemOption(vault(), title).waitFor();
  });

  step('a 1Password CSV: the duplicate of the popup login is listed and replaced, the other rows added', async () => {
    await startOver();
    const view = await chooseFile('1password.csv');
    await expect.poll(() => view.getByTestId('import-format').textContent(), POLL).toBe('1password.csv: 1Password (CSV), 3 rows ready to import.');
    const duplicates = view.getByTestId('import-duplicates');
    await duplicates.getByRole('heading', { name: 'Duplicates (1)' }).waitFor();
    await duplicates.getByText(`“${existing.title}” in your vault`, { exact: true }).waitFor();
    // The table says whether the passwords are the same (the background compared them; the page never saw the old one).
    await expect.poll(() => duplicates.getByRole('row').nth(1).getByRole('cell').nth(3).textContent(), POLL).toBe('Different');
    const choice = duplicates.getByLabel('Choice for row 2', { exact: true });
    expect(await choice.inputValue()).toBe('skip');
    // Skipping by default means 2 items; replacing counts the row again.
    await view.getByRole('button', { name: 'Import 2 items', exact: true }).waitFor();
    await choice.selectOption('replace');
    const done = await runImport(view, 3);
    await done.getByText('Imported 3 items: 2 new, 1 replaced.', { exact: true }).waitFor();
  });

  step('a file with bad rows lists each by row and column, and its valid rows import', async () => {
    await startOver();
    const view = await chooseFile('bad/bitwarden-bad-rows.csv');
    await expect.poll(() => view.getByTestId('import-format').textContent(), POLL).toContain('3 rows ready to import');
    const problems = view.getByTestId('import-problems');
    await problems.getByText('4 rows will not be imported; the others will.', { exact: false }).waitFor();
    const items = await problems.getByRole('listitem').allTextContents();
    expect(items).toEqual([
      'Row 3: has 12 fields, but the header has 11.',
      'Row 4, column “type”: is neither "login" nor "note", so the row was not imported.',
      'Row 5, column “login_totp”: is not a valid one-time-code secret; it was kept as a hidden custom field "TOTP".',
      'Row 6, column “login_password”: is longer than 4,096 characters, so the row was not imported.',
      'Row 8: a quoted field is not closed properly, so this row and everything after it could not be read.',
    ]);
    expect(items.join('\n')).not.toContain('not-base32!');
    const done = await runImport(view, 3);
    await done.getByText('Imported 3 items. 4 rows could not be imported.', { exact: true }).waitFor();
  });

  step('a file of another kind is refused with a message that says what it is', async () => {
    await startOver();
    const view = await chooseFile('bad/page.html');
    const error = view.getByTestId('import-file-error');
    expect(await error.textContent()).toContain('This looks like an HTML or XML file');
    expect(await view.getByTestId('import-format').count()).toBe(0);
    await chooseFile('bad/empty.csv');
    await expect.poll(() => error.textContent(), POLL).toBe('The file is empty.');
  });

  step('a spreadsheet of no known manager: columns guessed, remapped by the user, the password masked in the preview', async () => {
    const view = await chooseFile('generic.csv');
    await expect.poll(() => view.getByTestId('import-format').textContent(), POLL).toBe('generic.csv: Other CSV or spreadsheet, 2 rows ready to import.');
    const mapping = view.getByTestId('import-mapping');
    const selected = (label: string) =>
      mapping.getByLabel(label, { exact: true }).evaluate((select) => (select as HTMLSelectElement).selectedOptions[0]?.textContent ?? null);
    expect(await selected('Title column')).toBe('Account name');
    expect(await selected('Username column')).toBe('Login');
    expect(await selected('Password column')).toBe('Password');
    expect(await selected('URL column')).toBe('Website');
    expect(await selected('TOTP secret column')).toBe('(none)');
    const preview = await mapping.getByRole('table').textContent();
    expect(preview).toContain('kunde@example.com');
    expect(preview).not.toContain('geheim;pw');
    expect(preview).not.toContain('4711');
    expect(preview).toContain('••••••');
    // Without a title column, each row is named after its site.
    await mapping.getByLabel('Title column', { exact: true }).selectOption({ label: '(none)' });
    const done = await runImport(view, 2);
    await done.getByText('Imported 2 items.', { exact: true }).waitFor();
    const titles = await itemIdsByTitle(launched());
    expect(titles.has('shop.example.com') && titles.has('vpn.example.net')).toBe(true);
  });

  step('a file dropped on the drop zone is read like a chosen one; Cancel imports nothing', async () => {
    const view = await startOver();
    const dataTransfer = await vault().evaluateHandle((text) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([text], 'dropped.csv', { type: 'text/csv' }));
      return transfer;
    }, 'name,url,username,password,note\r\ndropped.example,https://dropped.example/,d,"p,w",\r\nGitHub again,https://github.com/login,octo@example.com,"gh,pw""1",\r\n');
    await view.getByTestId('import-drop-zone').dispatchEvent('drop', { dataTransfer });
    await expect.poll(() => view.getByTestId('import-format').textContent(), POLL).toBe('dropped.csv: Chrome or Edge (CSV), 2 rows ready to import.');
    // The same password as the login the 1Password file replaced: the table says so.
    const duplicates = view.getByTestId('import-duplicates');
    await expect.poll(() => duplicates.getByRole('row').nth(1).getByRole('cell').nth(3).textContent(), POLL).toBe('Same');
    await view.getByRole('button', { name: 'Cancel', exact: true }).click();
    await view.getByLabel('Choose a file to import', { exact: true }).waitFor();
    expect(await view.getByTestId('import-format').count()).toBe(0);
    expect((await itemIdsByTitle(launched())).has('dropped.example')).toBe(false);
  });

  step('a Firefox export of a signed-in profile: the sync-account row is left out with a notice, the HTTP realm kept', async () => {
    const view = await chooseFile('firefox-sync-account.csv');
    await expect.poll(() => view.getByTestId('import-format').textContent(), POLL).toBe('firefox-sync-account.csv: Firefox (CSV), 2 rows ready to import.');
    const problems = view.getByTestId('import-problems');
    await problems.getByText('1 row is left out on purpose (nothing to fix); every other row will be imported.', { exact: true }).waitFor();
    expect(await problems.getByRole('listitem').allTextContents()).toEqual([
      'Row 3, column “url”: is Firefox’s own Mozilla account entry (the keys Firefox Sync uses, not a website login), so it was left out.',
    ]);
    const done = await runImport(view, 2);
    await done.getByText('Imported 2 items. Left out 1 row that is not an item to import.', { exact: true }).waitFor();
    const titles = await itemIdsByTitle(launched());
    const { item } = (await request(launched(), 'itemGet', { id: titles.get('intranet.example.net') })) as { item: { content: { fields: unknown[] } } };
    expect(item.content.fields).toEqual([{ name: 'HTTP realm', value: 'Restricted Area', hidden: false }]);
    expect([...titles.keys()].some((title) => title.includes('FirefoxAccounts'))).toBe(false);
  });

  step('a 1Password 7 for Mac export (quotes escaped with a backslash): every row read, the card number hidden', async () => {
    await startOver();
    const view = await chooseFile('1password7-mac.csv');
    await expect.poll(() => view.getByTestId('import-format').textContent(), POLL).toBe('1password7-mac.csv: 1Password 7 (CSV, Windows or Mac), 4 rows ready to import.');
    expect(await view.getByTestId('import-problems').count()).toBe(0);
    const done = await runImport(view, 4);
    await done.getByText('Imported 4 items.', { exact: true }).waitFor();
    const titles = await itemIdsByTitle(launched());
    const { item } = (await request(launched(), 'itemGet', { id: titles.get('Visa') })) as { item: { content: { fields: { name: string; hidden: boolean }[] } } };
    expect(item.content.fields.filter((field) => field.hidden).map((field) => field.name)).toEqual(['number', 'PIN', 'verification number']);
    expect(titles.has('The "Editor" licence')).toBe(true);
  });

  step('a KeePassXC export: a row with no name and no password is reported, not imported silently; Health counts the old "Last Modified" as old', async () => {
    const file = join(await mkdtemp(join(tmpdir(), 'sealpass-import-')), 'keepassxc-dated.csv');
    await writeFile(file, [
      '"Group","Title","Username","Password","URL","Notes","TOTP","Icon","Last Modified","Created"',
      `"Root","${dated.title}","admin","${dated.password}","${dated.url}","","","0","2024-02-01T10:00:00Z","2023-01-01T09:00:00Z"`,
      `"Root","","${nameless}","","","","","0","2026-11-01T10:00:00Z","2026-11-01T10:00:00Z"`,
    ].join('\r\n'));
    const view = await startOver();
    await view.getByLabel('Choose a file to import', { exact: true }).setInputFiles(file);
    await expect.poll(() => view.getByTestId('import-format').textContent(), POLL).toBe('keepassxc-dated.csv: KeePassXC (CSV), 2 rows ready to import.');
    expect(await view.getByTestId('import-problems').getByRole('listitem').allTextContents()).toEqual([
      'Row 3: has no name and no password; it was imported under its username.',
    ]);
    const done = await runImport(view, 2);
    await done.getByText('Imported 2 items.', { exact: false }).waitFor();
    await itemOption(vault(), nameless).waitFor();
    // The export's date, not the import's, is when the password was set: 2024 is past the 90-day rotation.
    await openView(vault(), 'Health');
    const old = vault().getByTestId('health-old').getByTestId('health-finding').locator('.finding-title');
    await expect.poll(() => old.allTextContents(), POLL).toContain(dated.title);
    expect(await old.allTextContents()).not.toContain(nameless);
    await rm(dirname(file), { recursive: true, force: true });
  });

  step('the popup shows every imported item; the replaced login keeps its old password in its history', async () => {
    const { context, extensionId } = launched();
    const popup = await openPopup(context, extensionId);
    session.popup = popup;
    await popup.getByTestId('item-list').waitFor();
    const expected = [
      'Twitter, personal', 'Zürich Bank – Ålesund', 'Wi-Fi 密码', 'GitHub, work', 'Ŝpëcïål Ñame', 'Server notes', 'Good one', 'Bad TOTP', 'Good two',
      'shop.example.com', 'vpn.example.net', 'example.com', 'intranet.example.net', 'Mail – Ünïcode', 'Visa', 'The "Editor" licence', 'Flat',
      dated.title, nameless,
    ];
    await expect.poll(() => itemOptions(popup).count(), POLL).toBe(expected.length);
    // "example.com" (the Firefox login's host) is part of other rows' text: that one is found by its whole name.
    for (const title of expected.filter((title) => title !== 'example.com')) await itemOption(popup, title).waitFor();
    await popup.getByRole('option', { name: /^example\.com\s*,\s*alice@example\.com$/ }).waitFor();
    expect(await itemOption(popup, existing.title).count()).toBe(0);

    const id = (await itemIdsByTitle(launched())).get('GitHub, work');
    if (id === undefined) throw new Error('the replaced login is not listed');
    const { item } = (await request(launched(), 'itemGet', { id })) as { item: { rev: number; content: Record<string, unknown> } };
    expect(item.rev).toBe(2);
    expect(item.content).toMatchObject({ username: existing.username, password: 'gh,pw"1', urls: ['https://github.com/login'] });
    expect(item.content.passwordHistory).toEqual([{ password: existing.password, changedAt: expect.any(Number) }]);

    await itemOption(popup, 'GitHub, work').click();
    const view = popup.getByTestId('item-view');
    await view.getByRole('heading', { name: 'GitHub, work' }).waitFor();
    await view.getByText('Password history (1)', { exact: true }).waitFor();
  });

  step('a 2,000-row file imports in one go, the background reporting its progress to the page', async () => {
    const file = join(await mkdtemp(join(tmpdir(), 'sealpass-import-')), 'chrome-2000.csv');
    const rows = Array.from({ length: LARGE_ROWS }, (_, i) => `Site ${i},https://login.bulk${i}.example/,user${i},"pw-${i},x",`);
    await writeFile(file, ['name,url,username,password,note', ...rows].join('\r\n'));
    await vault().bringToFront();
    // Every report the background sends, recorded in the page: a check on what was sent, not on when it showed.
    await vault().evaluate(() => {
      const recorded: unknown[] = [];
      Object.assign(window, { importReports: recorded });
      (globalThis as unknown as { chrome: { runtime: { onMessage: { addListener(f: (m: { event?: string; progress?: unknown }) => void): void } } } })
        .chrome.runtime.onMessage.addListener((message) => {
          if (message?.event === 'import-progress') recorded.push(message.progress);
        });
    });
    const view = await startOver();
    await view.getByLabel('Choose a file to import', { exact: true }).setInputFiles(file);
    await expect.poll(() => view.getByTestId('import-format').textContent(), POLL).toBe('chrome-2000.csv: Chrome or Edge (CSV), 2,000 rows ready to import.');
    await view.getByRole('button', { name: 'Import 2,000 items', exact: true }).click();
    await view.getByTestId('import-done').getByText('Imported 2,000 items.', { exact: true }).waitFor({ timeout: 60_000 });
    expect(await vault().evaluate(() => (window as unknown as { importReports: unknown[] }).importReports)).toEqual([
      { phase: 'sealing', done: 500, total: LARGE_ROWS },
      { phase: 'sealing', done: 1_000, total: LARGE_ROWS },
      { phase: 'sealing', done: 1_500, total: LARGE_ROWS },
      { phase: 'sealing', done: 2_000, total: LARGE_ROWS },
      { phase: 'saving', total: LARGE_ROWS },
    ]);
    // The list renders 200 rows at a time; the background's list has them all.
    expect((await itemIdsByTitle(launched())).has(`Site ${LARGE_ROWS - 1}`)).toBe(true);
    expect(((await request(launched(), 'itemList')).items as unknown[]).length).toBe(19 + LARGE_ROWS);
    await rm(dirname(file), { recursive: true, force: true });
  });

  step('the audit log has one "Items imported" event per import, with its count; the replace is its own event, not an edit', async () => {
    const { events } = (await request(launched(), 'auditList')) as { events: { type: string; count?: number; itemTitle?: string }[] };
    expect(events.filter((event) => event.type === 'items-imported').map((event) => event.count)).toEqual([3, 3, 3, 2, 2, 4, 2, LARGE_ROWS]);
    expect(events.filter((event) => event.type === 'item-replaced').map((event) => event.itemTitle)).toEqual(['GitHub, work']);
    expect(events.filter((event) => event.type === 'item-edited')).toEqual([]);
    // The audit log view names it in words.
    await openView(vault(), 'Audit log');
    await vault().getByText('Item replaced by import', { exact: true }).first().waitFor();
  });
});

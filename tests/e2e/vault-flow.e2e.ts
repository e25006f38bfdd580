/**
 * The daily vault flow in real Chromium, through the popup as a user drives it: create, add, search, copy, lock,
 * unlock, edit, delete and undo, change the master password, restart the browser; then every storage area is
 * dumped and searched for what was typed (T07, T13, S1, S4). Steps run in order and share one browser profile;
 * after a failed step the rest are skipped so the first failure is the one reported.
 */
import { randomBytes } from 'node:crypto';
import type { Locator } from 'playwright-core';
import { describe, expect } from 'vitest';
import {
  dumpExtensionStorage,
  launchExtension,
  openPopup,
  readClipboard,
  readStorageArea,
  scanProfileFiles,
  screenshot,
  sendExtensionMessage,
} from './harness';
import { findKeyLikeValues, findLeaks, type Secret } from './leak-checks';
import { orderedSteps, popupSession } from './ordered-steps';
import { openView, optionName } from './popup-steps';

/** Random lowercase letters and digits, so every run types values no earlier run (or the code) contains. */
function token(length: number): string {
  return randomBytes(length).toString('base64url').replace(/[^a-z0-9]/gi, '').slice(0, length).toLowerCase().padEnd(length, 'q');
}

/** A login as typed in the editor, with the hostname and registrable domain of its URL. */
interface TypedLogin {
  title: string;
  username: string;
  password: string;
  url: string;
  hostname: string;
  domain: string;
}

/** A login whose every field carries `marker`, so search and leak checks can tell it apart. */
function typedLogin(name: string, marker: string, password: string): TypedLogin {
  const domain = `${name.toLowerCase()}-${marker}.com`;
  return {
    title: `${name} Portal ${marker}`,
    username: `${name.toLowerCase()}.user.${marker}@mail-${marker}.net`,
    password,
    url: `https://login.${domain}/signin`,
    hostname: `login.${domain}`,
    domain,
  };
}

const markerA = token(10);
const markerB = token(10);
const loginA = typedLogin('Aardvark', markerA, `Pw-${token(14)}-A!${token(6)}`);
/** Item B's password comes from the generator; filled in when generated. */
const loginB = typedLogin('Bison', markerB, '');
const renamedTitleA = `Aardvark Renamed ${markerA}`;
const firstMaster = `Orbit ${token(6)} quartz Lantern ${token(6)}!`;
const secondMaster = `Harbor ${token(6)} violet Ember ${token(6)}?`;

/** Everything typed that must never be stored in clear, labelled for failure messages. */
function typedSecrets(): Secret[] {
  const secrets: Secret[] = [
    { label: 'first master password', value: firstMaster },
    { label: 'second master password', value: secondMaster },
    { label: 'item A renamed title', value: renamedTitleA },
  ];
  for (const [name, login] of [['item A', loginA], ['item B', loginB]] as const) {
    secrets.push(
      { label: `${name} title`, value: login.title },
      { label: `${name} username`, value: login.username },
      { label: `${name} password`, value: login.password },
      { label: `${name} URL`, value: login.url },
      { label: `${name} hostname`, value: login.hostname },
      { label: `${name} registrable domain`, value: login.domain },
    );
  }
  return secrets;
}

/** Generous bound for `expect.poll` on list contents: a condition, not a delay. */
const POLL = { timeout: 15_000 } as const;

describe('vault flow in the popup', () => {
  const session = popupSession();
  const { launched, page } = session;
  const step = orderedSteps('failed-step-', () => session.popup);

  /** The list's options, whose accessible names start with the item title. */
  function options(): Locator {
    return page().getByTestId('item-list').getByRole('listbox', { name: 'Items' }).getByRole('option');
  }

  function option(title: string): Locator {
    return options().filter({ hasText: title });
  }

  /** Waits until a strength meter inside `scope` rates the typed password at least "Strong" (score 3). */
  async function waitForStrongRating(scope: Locator): Promise<void> {
    await scope.locator('[role="meter"][aria-valuenow="3"], [role="meter"][aria-valuenow="4"]').waitFor();
  }

  /** Back from an open panel to the list (the popup shows one at a time). */
  async function backToList(): Promise<void> {
    const list = page().getByTestId('item-list');
    if (await list.isVisible()) return;
    await page().getByRole('button', { name: 'Back', exact: true }).click();
    await list.waitFor();
  }

  async function unlockWith(password: string): Promise<void> {
    const unlock = page().getByTestId('unlock');
    await unlock.getByLabel('Master password', { exact: true }).fill(password);
    await unlock.getByRole('button', { name: 'Unlock', exact: true }).click();
  }

  async function lock(): Promise<void> {
    await page().getByRole('button', { name: 'Lock', exact: true }).click();
    await page().getByTestId('unlock').waitFor();
  }

  /** Expects the unlock screen to refuse `password` with a visible "wrong password" error. */
  async function expectRefused(password: string): Promise<void> {
    await unlockWith(password);
    const unlock = page().getByTestId('unlock');
    await unlock.getByText('Wrong master password.').waitFor();
    expect(await unlock.getByLabel('Master password', { exact: true }).getAttribute('aria-invalid')).toBe('true');
    expect(await page().getByTestId('item-list').count()).toBe(0);
  }

  /** Fills and saves the editor for a new login, returning to the list. */
  async function addLogin(login: TypedLogin, options: { generatePassword?: boolean } = {}): Promise<string> {
    await page().getByRole('button', { name: 'Add item', exact: true }).click();
    const editor = page().getByTestId('item-editor');
    await editor.waitFor();
    await editor.getByLabel('Title', { exact: true }).fill(login.title);
    await editor.getByLabel('Username', { exact: true }).fill(login.username);
    await editor.getByLabel('URL', { exact: true }).fill(login.url);
    const passwordInput = editor.getByLabel('Password', { exact: true });
    let password = login.password;
    if (options.generatePassword) {
      await editor.getByRole('button', { name: 'Generate', exact: true }).click();
      const generator = editor.getByTestId('generator');
      await generator.waitFor();
      await generator.getByTestId('generated-password').filter({ hasText: /\S{8,}/ }).waitFor();
      await generator.getByRole('button', { name: 'Use', exact: true }).click();
      await generator.waitFor({ state: 'detached' });
      password = await passwordInput.inputValue();
      expect(password.length).toBeGreaterThanOrEqual(20);
    } else {
      await passwordInput.fill(password);
      await screenshot(page(), 'popup-editor');
    }
    await editor.getByRole('button', { name: 'Save', exact: true }).click();
    const view = page().getByTestId('item-view');
    await view.getByRole('heading', { name: login.title }).waitFor();
    await backToList();
    await option(login.title).waitFor();
    return password;
  }

  step('onboarding refuses a weak password, a wrong confirmation and a missing acknowledgement, and creates nothing', async () => {
    const onboarding = page().getByTestId('onboarding');
    await onboarding.waitFor();
    const create = onboarding.getByRole('button', { name: 'Create vault', exact: true });
    await onboarding.getByLabel('Master password', { exact: true }).fill('password123');
    await onboarding.getByLabel('Confirm master password', { exact: true }).fill('password124');
    await create.click();
    await onboarding.getByText(/Too weak/).waitFor();
    await onboarding.getByText('The two passwords do not match.').waitFor();
    await onboarding.getByText(/Tick this box/).waitFor();
    const status = (await sendExtensionMessage(launched().context, launched().extensionId, { type: 'vaultStatus', payload: {} })) as { state?: string };
    expect(status.state).toBe('none');
    await onboarding.getByLabel('Master password', { exact: true }).fill('');
    await onboarding.getByLabel('Confirm master password', { exact: true }).fill('');
  });

  step('onboarding creates a vault with a strong master password', async () => {
    const onboarding = page().getByTestId('onboarding');
    await onboarding.waitFor();
    await screenshot(page(), 'popup-onboarding');
    await onboarding.getByLabel('Master password', { exact: true }).fill(firstMaster);
    await onboarding.getByLabel('Confirm master password', { exact: true }).fill(firstMaster);
    await waitForStrongRating(onboarding);
    await onboarding.getByLabel(/^I understand/).check();
    await onboarding.getByRole('button', { name: 'Create vault', exact: true }).click();
    // A new vault may open unlocked or ask for the password once; both are fine designs.
    const list = page().getByTestId('item-list');
    await list.or(page().getByTestId('unlock')).waitFor();
    if (!(await list.isVisible())) {
      await unlockWith(firstMaster);
      await list.waitFor();
    }
    await list.getByText('Your vault is empty.', { exact: false }).waitFor();
  });

  step('adds two logins, one with a generated password', async () => {
    await addLogin(loginA);
    loginB.password = await addLogin(loginB, { generatePassword: true });
    await expect.poll(() => options().count(), POLL).toBe(2);
    await screenshot(page(), 'popup-vault');
  });

  step('opens the password generator from the toolbar', async () => {
    await openView(page(), 'Generator');
    const generator = page().getByTestId('generator');
    await generator.getByTestId('generated-password').filter({ hasText: /\S{20,}/ }).waitFor();
    await screenshot(page(), 'popup-generator');
    await backToList();
  });

  step('search narrows the list to the one matching item', async () => {
    const search = page().getByTestId('item-list').getByLabel('Search', { exact: true });
    await search.fill(markerA);
    await option(loginB.title).waitFor({ state: 'detached' });
    await expect.poll(() => options().count(), POLL).toBe(1);
    expect(await optionName(options().first())).toMatch(new RegExp(`^${loginA.title}`));
    await search.fill(loginB.hostname);
    await option(loginA.title).waitFor({ state: 'detached' });
    await expect.poll(() => options().count(), POLL).toBe(1);
    await search.fill('');
    await expect.poll(() => options().count(), POLL).toBe(2);
  });

  step('reveals and copies a password, read back from the clipboard', async () => {
    await option(loginA.title).click();
    const view = page().getByTestId('item-view');
    await view.getByRole('heading', { name: loginA.title }).waitFor();
    expect(await view.getByText(loginA.password).count()).toBe(0);
    await screenshot(page(), 'popup-item-view');
    await view.getByRole('button', { name: 'Reveal', exact: true }).click();
    await view.getByText(loginA.password, { exact: true }).waitFor();
    await view.getByRole('button', { name: 'Hide', exact: true }).click();
    await view.getByText(loginA.password, { exact: true }).waitFor({ state: 'detached' });
    await view.getByRole('button', { name: 'Copy password', exact: true }).click();
    await page().getByTestId('toast').getByText(/^Password copied — clears in/).waitFor();
    expect(await readClipboard(page())).toBe(loginA.password);
    await backToList();
  });

  step('S4, T13: after lock, chrome.storage.session holds nothing key-like and no storage area holds plaintext', async () => {
    const { context, extensionId } = launched();
    const unlockedDump = await dumpExtensionStorage(context, extensionId);
    // Not vacuous: the vault database is there with both items, and the search finds their (public) ids in it.
    expect(unlockedDump).toMatch(/--- store [^\n]*\/items [^\n]*records=2/);
    const listed = await sendExtensionMessage(context, extensionId, { type: 'itemList', payload: {} });
    const ids = (listed as { items?: { id: string }[] }).items?.map((item) => item.id) ?? [];
    expect(ids).toHaveLength(2);
    expect(findLeaks(unlockedDump, ids.map((id) => ({ label: `item id ${id}`, value: id })))).toHaveLength(2);
    await lock();
    const session = await readStorageArea(context, extensionId, 'session');
    expect(findKeyLikeValues(session)).toEqual([]);
    expect(findLeaks(await dumpExtensionStorage(context, extensionId), typedSecrets())).toEqual([]);
    const refused = await sendExtensionMessage(context, extensionId, { type: 'itemList', payload: {} });
    expect(refused).toMatchObject({ ok: false, error: { code: 'locked' } });
  });

  step('refuses a wrong master password with a visible error', async () => {
    await expectRefused(`${firstMaster}x`);
  });

  step('unlocks with the right master password', async () => {
    await unlockWith(firstMaster);
    await page().getByTestId('item-list').waitFor();
    await expect.poll(() => options().count(), POLL).toBe(2);
  });

  step('edits an item title', async () => {
    await option(loginA.title).click();
    const view = page().getByTestId('item-view');
    await view.getByRole('heading', { name: loginA.title }).waitFor();
    await view.getByRole('button', { name: 'Edit', exact: true }).click();
    const editor = page().getByTestId('item-editor');
    await editor.getByLabel('Title', { exact: true }).fill(renamedTitleA);
    await editor.getByRole('button', { name: 'Save', exact: true }).click();
    await view.getByRole('heading', { name: renamedTitleA }).waitFor();
    await backToList();
    await option(renamedTitleA).waitFor();
    expect(await option(loginA.title).count()).toBe(0);
  });

  step('deletes an item and brings it back with Undo', async () => {
    await option(loginB.title).click();
    const view = page().getByTestId('item-view');
    await view.getByRole('heading', { name: loginB.title }).waitFor();
    await view.getByRole('button', { name: 'Delete', exact: true }).click();
    const toast = page().getByTestId('toast');
    await toast.getByText(/^Deleted/).waitFor();
    await backToList();
    await option(loginB.title).waitFor({ state: 'detached' });
    await expect.poll(() => options().count(), POLL).toBe(1);
    await toast.getByRole('button', { name: 'Undo', exact: true }).click();
    await toast.getByText(/^Restored/).waitFor();
    // Undo opens the restored item once the list has reloaded; going back before that would race it.
    await view.getByRole('heading', { name: loginB.title }).waitFor();
    await backToList();
    await option(loginB.title).waitFor();
    await expect.poll(() => options().count(), POLL).toBe(2);
  });

  step('changes the master password; then the old one is refused and the new one unlocks', async () => {
    await openView(page(), 'Settings');
    const settings = page().getByTestId('settings');
    await settings.waitFor();
    await settings.getByLabel('Current master password', { exact: true }).fill(firstMaster);
    await settings.getByLabel('New master password', { exact: true }).fill(secondMaster);
    await settings.getByLabel('Confirm new master password', { exact: true }).fill(secondMaster);
    await waitForStrongRating(settings);
    await settings.getByRole('button', { name: 'Change master password', exact: true }).click();
    await settings.getByText('Master password changed.').waitFor();
    await backToList();
    await lock();
    await expectRefused(firstMaster);
    await unlockWith(secondMaster);
    await page().getByTestId('item-list').waitFor();
    await expect.poll(() => options().count(), POLL).toBe(2);
  });

  step('T13: after a browser restart with the same profile the popup shows the unlock screen', async () => {
    const dir = launched().userDataDir;
    await launched().close({ keepProfile: true });
    session.popup = undefined;
    const extension = await launchExtension({ userDataDir: dir });
    session.extension = extension;
    session.popup = await openPopup(extension.context, extension.extensionId);
    await page().getByTestId('unlock').waitFor();
    expect(await page().getByTestId('item-list').count()).toBe(0);
    const refused = await sendExtensionMessage(extension.context, extension.extensionId, { type: 'itemGet', payload: { id: 'x' } });
    expect(refused).toMatchObject({ ok: false, error: { code: 'locked' } });
  });

  step('T07, T13: no title, username, URL, hostname, password or master password in any IndexedDB database or chrome.storage area', async () => {
    const { context, extensionId, userDataDir } = launched();
    const dump = await dumpExtensionStorage(context, extensionId);
    expect(dump).toMatch(/--- store [^\n]*\/items [^\n]*records=2/);
    expect(findLeaks(dump, typedSecrets())).toEqual([]);
    expect(findKeyLikeValues(await readStorageArea(context, extensionId, 'session'))).toEqual([]);
    // The disk thief's view (L): the same search over the profile's files once the browser has flushed them.
    await launched().close({ keepProfile: true });
    session.popup = undefined;
    session.extension = undefined;
    expect(findLeaks(await scanProfileFiles(userDataDir, extensionId), typedSecrets())).toEqual([]);
  });
});

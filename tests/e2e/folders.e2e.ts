/**
 * Shared folders between three browser profiles in real Chromium, through a real relay process on a random
 * port (issue 13): Alice creates a folder on her vault page, adds Bob as editor and Carol as viewer from her
 * verified contacts, and adds a login; Bob and Carol see it after a sync; Bob edits it and Alice sees the
 * change and who made it; Alice removes Carol and the rotate list appears with the change-password link;
 * what Alice adds afterwards never reaches Carol (T23). Handles and contacts are set up through the
 * background (sharing's own E2E covers those screens); everything about folders goes through the UI.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect } from 'vitest';
import { spawnRelay, type RelayProcess } from '../relay/spawn-relay';
import { readFile } from 'node:fs/promises';
import { SQLITE_FILENAME } from '../../relay/store/open-store';
import { dumpExtensionStorage, launchExtension, openVaultPage, screenshot, type LaunchedExtension } from './harness';
import { findLeaks } from './leak-checks';
import { seriousViolations } from './axe-check';
import { orderedSteps } from './ordered-steps';
import { createVaultInPopup, openView, POLL, request, strongMasterPassword, token } from './popup-steps';

const marker = token(6);
const FOLDER = `Agency ${marker}`;
const first = { title: `CRM ${marker}`, username: `sales.${marker}@agency.test`, password: `Pw-${token(12)}-one`, url: 'https://crm.agency.test/login' };
const edited = `Pw-${token(12)}-bob`;
const later = { title: `Payroll ${marker}`, password: `Pw-${token(12)}-late` };

interface Profile {
  handle: 'alice' | 'bob' | 'carol';
  ext: LaunchedExtension;
  page: Page;
}

describe('shared folders between three profiles through a real relay', () => {
  let relay: RelayProcess | undefined;
  let relayDir: string | undefined;
  const people: Partial<Record<Profile['handle'], Profile>> = {};
  const step = orderedSteps('folders-', () => Object.values(people).map((p) => [p.handle, p.page] as [string, Page]));
  const who = (handle: Profile['handle']): Profile => {
    const p = people[handle];
    if (!p) throw new Error(`${handle} is not running`);
    return p;
  };

  beforeAll(async () => {
    relayDir = await mkdtemp(join(tmpdir(), 'sealpass-e2e-relay-'));
    relay = await spawnRelay({ DATA_DIR: relayDir });
    for (const handle of ['alice', 'bob', 'carol'] as const) {
      const ext = await launchExtension({ grantClipboard: false });
      people[handle] = { handle, ext, page: await openVaultPage(ext.context, ext.extensionId) };
      // Each profile answers confirm() dialogs (remove, delete) with OK.
      people[handle]!.page.on('dialog', (dialog) => void dialog.accept());
    }
  });

  afterAll(async () => {
    for (const p of Object.values(people)) await p.ext.close();
    await relay?.stop();
    if (relayDir) await rm(relayDir, { recursive: true, force: true });
  });

  /** Opens Shared folders and the folder, after a sync from the folders view. */
  async function openFolder(p: Profile): Promise<void> {
    await openView(p.page, /^Shared folders$/);
    await p.page.getByRole('button', { name: 'Sync now' }).click();
    const link = p.page.getByRole('list', { name: 'Shared folders' }).getByRole('button', { name: FOLDER });
    await expect.poll(async () => {
      if (await link.count()) return true;
      await p.page.getByRole('button', { name: 'Sync now' }).click();
      return false;
    }, POLL).toBe(true);
    await link.click();
    await p.page.getByRole('heading', { name: FOLDER }).waitFor();
  }

  /** Syncs the open folder view and waits until `check` holds. */
  async function syncUntil(p: Profile, check: () => Promise<boolean>): Promise<void> {
    await expect.poll(async () => {
      await p.page.getByRole('button', { name: 'Sync now' }).click();
      return check();
    }, POLL).toBe(true);
  }

  const items = (p: Profile) => p.page.getByRole('list', { name: 'Folder items' });

  step('three profiles create vaults, register on the relay and pin each other by contact code', async () => {
    for (const p of Object.values(people)) {
      await createVaultInPopup(p.page, strongMasterPassword());
      await request(p.ext, 'sharingSetup', { handle: p.handle, relayUrl: relay!.baseUrl });
      await request(p.ext, 'sharingSync');
    }
    for (const a of Object.values(people)) {
      for (const b of Object.values(people)) {
        if (a === b) continue;
        const code = ((await request(b.ext, 'sharingStatus')).identity as { contactCode: string }).contactCode;
        await request(a.ext, 'contactAddCode', { code });
      }
    }
  });

  step('alice creates the folder and adds bob as editor and carol as viewer from her verified contacts', async () => {
    const alice = who('alice');
    await openView(alice.page, /^Shared folders$/);
    await alice.page.getByLabel('New folder').fill(FOLDER);
    await alice.page.getByRole('button', { name: 'Create folder' }).click();
    await alice.page.getByRole('heading', { name: FOLDER }).waitFor();
    const form = alice.page.getByRole('form', { name: 'Add a person' });
    for (const [handle, role] of [['bob', 'editor'], ['carol', 'viewer']] as const) {
      await form.getByLabel('Contact').selectOption({ label: handle });
      await form.getByLabel('Role').selectOption(role);
      await form.getByRole('button', { name: 'Add to folder' }).click();
      await alice.page.getByRole('row', { name: new RegExp(`^${handle}`) }).waitFor();
    }
    await form.getByText('cannot stop a modified client', { exact: false }).waitFor();
    await screenshot(alice.page, 'folders-members');
    expect(await seriousViolations(alice.page), 'folder view with members and the add form').toEqual([]);
  });

  step('alice adds a login; bob and carol see it with its author after a sync', async () => {
    const alice = who('alice');
    await alice.page.getByRole('button', { name: 'Add item to folder' }).click();
    const form = alice.page.getByRole('form', { name: 'New folder login' });
    await form.getByLabel('Title').fill(first.title);
    await form.getByLabel('Username').fill(first.username);
    await form.getByLabel('Password').fill(first.password);
    await form.getByLabel('Website').fill(first.url);
    await form.getByRole('button', { name: 'Add to folder' }).click();
    await items(alice).getByText(first.title).waitFor();
    for (const handle of ['bob', 'carol'] as const) {
      const p = who(handle);
      await openFolder(p);
      await syncUntil(p, async () => (await items(p).getByText(first.title).count()) === 1);
      expect(await items(p).textContent()).toContain('by alice');
    }
  });

  step('bob edits the password; alice sees the change and that bob made it', async () => {
    const bob = who('bob');
    await items(bob).getByRole('button', { name: first.title }).click();
    await bob.page.getByRole('button', { name: 'Edit' }).click();
    const editor = bob.page.getByRole('form', { name: `Edit ${first.title}` });
    await editor.getByLabel('Password').fill(edited);
    await editor.getByRole('button', { name: 'Save' }).click();
    await items(bob).getByText('by bob').waitFor();
    const alice = who('alice');
    await syncUntil(alice, async () => ((await items(alice).textContent()) ?? '').includes('by bob'));
    await items(alice).getByRole('button', { name: first.title }).click();
    await alice.page.getByRole('button', { name: 'Show', exact: true }).click();
    await expect.poll(async () => alice.page.getByTestId('folder-password').textContent(), POLL).toBe(edited);
  });

  step('alice removes carol: the rotate list names the login, its change-password link and the period', async () => {
    const alice = who('alice');
    await alice.page.getByRole('button', { name: 'Remove carol' }).click();
    const notice = alice.page.getByRole('list', { name: 'Passwords to rotate after carol' });
    await notice.waitFor();
    expect(await notice.textContent()).toContain(first.title);
    expect(await notice.getByRole('link', { name: 'change password' }).getAttribute('href')).toBe('https://crm.agency.test/.well-known/change-password');
    expect(await alice.page.getByText(/Rotate this password: carol could read it from/).count()).toBe(1);
    await expect.poll(async () => alice.page.getByRole('row', { name: /^carol/ }).count(), POLL).toBe(0);
    await screenshot(alice.page, 'folders-rotate-list');
    expect(await seriousViolations(alice.page), 'folder view with the rotate list').toEqual([]);
  });

  step('what alice adds after the removal reaches bob but never carol', async () => {
    const alice = who('alice');
    await alice.page.getByRole('button', { name: 'Add item to folder' }).click();
    const form = alice.page.getByRole('form', { name: 'New folder login' });
    await form.getByLabel('Title').fill(later.title);
    await form.getByLabel('Password').fill(later.password);
    await form.getByRole('button', { name: 'Add to folder' }).click();
    await items(alice).getByText(later.title).waitFor();
    const bob = who('bob');
    await syncUntil(bob, async () => (await items(bob).getByText(later.title).count()) === 1);

    const carol = who('carol');
    await carol.page.getByRole('button', { name: 'Sync now' }).click();
    await carol.page.getByText('The relay no longer serves this folder to you', { exact: false }).waitFor();
    expect(await items(carol).textContent()).not.toContain(later.title);
    const view = await request(carol.ext, 'folderList');
    expect(JSON.stringify(view)).not.toContain(later.title);
    // Nothing of it is anywhere in Carol's extension: not in her folder record either.
    const folders = (view.folders as { folderId: string }[]).map((f) => f.folderId);
    for (const folderId of folders) expect(JSON.stringify(await request(carol.ext, 'folderGet', { folderId }))).not.toContain(later.password);
  });

  step('T07, S1: neither the profiles’ storage nor the relay’s database holds the folder name, a title, a username or a password in clear', async () => {
    const typed = [FOLDER, first.title, first.username, first.password, edited, later.title, later.password].map((value) => ({ label: value, value }));
    for (const p of Object.values(people)) {
      const dump = await dumpExtensionStorage(p.ext.context, p.ext.extensionId);
      // Not vacuous: the folder record is there.
      expect(dump).toMatch(/--- store [^\n]*\/folders [^\n]*records=1/);
      expect(findLeaks(dump, typed)).toEqual([]);
    }
    // The database and its write-ahead log (recent rows sit there until a checkpoint).
    const files = [SQLITE_FILENAME, `${SQLITE_FILENAME}-wal`].map((name) => readFile(join(relayDir!, name)).catch(() => Buffer.alloc(0)));
    const relayDb = (await Promise.all(files)).map((bytes) => bytes.toString('latin1')).join('\n');
    expect(relayDb).toContain('folder_messages');
    expect(findLeaks(relayDb, typed)).toEqual([]);
  });
});

/**
 * Integrity in real Chromium, with the vault's IndexedDB edited behind the extension's back as someone with the
 * profile could (L): a deleted record is reported at unlock, a corrupted one when it is opened and by the vault
 * page's integrity check (unlock opens only the overview buckets, issue 15), while every other item keeps
 * working (S8, T09, S2); the audit log reads newest first, exports as verifiable JSON, and shows when its hash
 * chain was altered. Steps share one profile and run in order; after a failed step the rest are skipped.
 */
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { describe, expect } from 'vitest';
import { openVaultPage, readClipboard, sendExtensionMessage } from './harness';
import { orderedSteps, popupSession } from './ordered-steps';
import { addLoginInPopup, createVaultInPopup, itemIdsByTitle, itemOption, itemOptions, lockFromHeader, openItem, POLL, request, strongMasterPassword, tamperVaultRecord, typedLogin, unlockWith, openView } from './popup-steps';

const CORRUPTED_LABEL = 'Corrupted item — cannot be decrypted';

const master = strongMasterPassword();
const intact = typedLogin('Intact');
const corrupted = typedLogin('Corrupted');
const removed = typedLogin('Removed');

/** One exported audit event, as far as this test reads it. */
interface ExportedEvent {
  seq: number;
  type: string;
  at: number;
}

describe('integrity: quarantine of damaged items and a tamper-evident audit log', () => {
  const session = popupSession();
  const { launched, page } = session;
  let vaultPage: Page | undefined;
  const ids = new Map<string, string>();
  const step = orderedSteps('integrity-failed-', () => (vaultPage && !vaultPage.isClosed() ? vaultPage : session.popup));

  function idOf(title: string): string {
    const id = ids.get(title);
    if (id === undefined) throw new Error(`no id recorded for ${title}`);
    return id;
  }

  /** Opens the audit log in the vault page and waits until its events are listed. */
  async function openAuditLog(vault: Page): Promise<void> {
    await vault.getByTestId('item-list').waitFor();
    await openView(vault, 'Audit log');
    await vault.getByTestId('audit-log').locator('tbody tr').first().waitFor();
  }

  /** The Event column of the audit table, top to bottom. */
  async function shownEvents(vault: Page): Promise<string[]> {
    return vault.getByTestId('audit-log').locator('tbody tr td:nth-child(2)').allTextContents();
  }

  step('creates a vault with three logins through the popup', async () => {
    await createVaultInPopup(page(), master);
    for (const login of [intact, corrupted, removed]) await addLoginInPopup(page(), login);
    await expect.poll(() => itemOptions(page()).count(), POLL).toBe(3);
    for (const [title, id] of await itemIdsByTitle(launched())) ids.set(title, id);
    expect(ids.size).toBe(3);
  });

  step('S8, T09, S2: a deleted record is reported at unlock; a flipped ciphertext bit when the item is opened, and only that item is quarantined', async () => {
    const { context, extensionId } = launched();
    await tamperVaultRecord(context, extensionId, { store: 'items', key: idOf(corrupted.title), change: 'flip-ciphertext-bit' });
    await tamperVaultRecord(context, extensionId, { store: 'items', key: idOf(removed.title), change: 'delete' });
    await lockFromHeader(page());
    await unlockWith(page(), master);
    await page().getByTestId('item-list').waitFor();

    const banner = page().getByTestId('integrity-warning');
    await banner.waitFor();
    expect(await banner.getAttribute('role')).toBe('alert');
    await banner.getByText('1 item is missing.', { exact: true }).waitFor();
    // Unlock opened the overview buckets only: the damaged record is still listed under its title.
    expect(await banner.textContent()).not.toMatch(/rolled back|unexpected|decrypted|item list/);
    await expect.poll(() => itemOptions(page()).count(), POLL).toBe(2);
    expect(await itemOption(page(), corrupted.title).count()).toBe(1);
    expect(await itemOption(page(), removed.title).count()).toBe(0);

    // Opened, the damaged record reads as "corrupted" (one error for every decryption failure, S2), and from then on
    // the list shows it quarantined; the deleted one is gone.
    expect(await sendExtensionMessage(context, extensionId, { type: 'itemGet', payload: { id: idOf(corrupted.title) } })).toMatchObject({
      ok: false,
      error: { code: 'corrupted' },
    });
    expect(await sendExtensionMessage(context, extensionId, { type: 'itemList', payload: {} })).toMatchObject({
      ok: true,
      items: expect.arrayContaining([{ state: 'quarantined', id: idOf(corrupted.title) }]),
    });
    expect(await sendExtensionMessage(context, extensionId, { type: 'itemGet', payload: { id: idOf(removed.title) } })).toMatchObject({
      ok: false,
      error: { code: 'not-found' },
    });
  });

  step('S8: the intact item still opens and its password copies', async () => {
    const view = await openItem(page(), intact.title);
    await view.getByText(intact.username, { exact: true }).waitFor();
    await view.getByRole('button', { name: 'Copy password', exact: true }).click();
    await page().getByTestId('toast').getByText(/^Password copied/).waitFor();
    expect(await readClipboard(page())).toBe(intact.password);
  });

  step('S8, T09: the vault page\'s integrity check opens every record and reports the damaged and the missing one', async () => {
    vaultPage = await openVaultPage(launched().context, launched().extensionId);
    await vaultPage.getByTestId('item-list').waitFor();
    await openView(vaultPage, 'Settings');
    await vaultPage.getByTestId('integrity-check').getByRole('button', { name: 'Check integrity', exact: true }).click();
    const banner = vaultPage.getByTestId('integrity-warning');
    await banner.getByText('1 item could not be decrypted.', { exact: true }).waitFor();
    await banner.getByText('1 item is missing.', { exact: true }).waitFor();
    const quarantined = itemOptions(vaultPage).filter({ hasText: CORRUPTED_LABEL });
    await expect.poll(() => quarantined.count(), POLL).toBe(1);
    expect(await quarantined.getAttribute('aria-disabled')).toBe('true');
    await banner.getByRole('button', { name: 'Dismiss warning' }).click();
  });

  step('audit log in the vault page lists every event newest first', async () => {
    vaultPage ??= await openVaultPage(launched().context, launched().extensionId);
    await openAuditLog(vaultPage);
    const expectedNewestFirst = [
      'Password copied',
      'Vault unlocked',
      'Vault locked',
      'Item created',
      'Item created',
      'Item created',
      'Vault created',
    ];
    await expect.poll(() => shownEvents(vaultPage as Page), POLL).toEqual(expectedNewestFirst);
    const times = await vaultPage.getByTestId('audit-log').locator('tbody time').evaluateAll((nodes) =>
      nodes.map((node) => Date.parse(node.getAttribute('datetime') ?? '')),
    );
    expect(times).toHaveLength(expectedNewestFirst.length);
    expect(times).toEqual([...times].sort((a, b) => b - a));
    // The item titles come from inside the sealed events.
    await vaultPage.getByTestId('audit-log').getByRole('cell', { name: intact.title, exact: true }).first().waitFor();
    expect(await vaultPage.getByText('This log has been altered.').count()).toBe(0);
  });

  step('"Export JSON" downloads a parseable log with chainValid true and every event type', async () => {
    const vault = vaultPage as Page;
    const download = vault.waitForEvent('download');
    await vault.getByTestId('audit-log').getByRole('button', { name: 'Export JSON', exact: true }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^sealpass-audit-\d{4}-\d{2}-\d{2}\.json$/);
    const path = await file.path();
    const exported = JSON.parse(await readFile(path, 'utf8')) as { format: string; chainValid: boolean; events: ExportedEvent[] };
    expect(exported.format).toBe('sealpass-audit-log');
    expect(exported.chainValid).toBe(true);
    expect(exported.events.map((event) => event.type)).toEqual([
      'vault-created',
      'item-created',
      'item-created',
      'item-created',
      'vault-locked',
      'vault-unlocked',
      'password-copied',
      'audit-exported',
    ]);
    expect(exported.events.map((event) => event.seq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    // The export is recorded too, and the table shows it on top.
    await vault.getByTestId('audit-log').getByRole('status').getByText('Exported.').waitFor();
    await expect.poll(async () => (await shownEvents(vault))[0], POLL).toBe('Audit log exported');
  });

  step('audit chain: one altered hash in IndexedDB shows "This log has been altered." after reload', async () => {
    const vault = vaultPage as Page;
    await tamperVaultRecord(launched().context, launched().extensionId, { store: 'audit', key: 2, change: 'flip-hash-bit' });
    expect(await request(launched(), 'auditList')).toMatchObject({ chainValid: false });
    await vault.reload();
    await openAuditLog(vault);
    const alert = vault.getByTestId('audit-log').getByRole('alert').filter({ hasText: 'This log has been altered.' });
    await alert.waitFor();
    // Every event is still listed: the warning does not hide the evidence.
    expect(await shownEvents(vault)).toHaveLength(8);
  });
});

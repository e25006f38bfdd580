/**
 * The background's timers in real Chromium: the `auto-lock` alarm locks the vault (S4) and activity re-arms it,
 * the `clipboard-clear` alarm empties the clipboard through the offscreen document, and one-time codes follow
 * RFC 6238. Alarms are fired from the service worker with a due time of now (Chrome does not enforce the 30 s
 * minimum for unpacked extensions), so nothing waits for real minutes. Steps share one profile and run in order;
 * after a failed step the rest are skipped so the first failure is the one reported.
 */
import { describe, expect } from 'vitest';
import { openVaultPage, readClipboard, readStorageArea, sendExtensionMessage } from './harness';
import { orderedSteps, popupSession } from './ordered-steps';
import { addLoginInPopup, backToList, createVaultInPopup, liveServiceWorker, openItem, POLL, request, rfc6238Code, strongMasterPassword, typedLogin, unlockWith, openView } from './popup-steps';

/** The part of `chrome.alarms` these tests use, typed locally (no @types/chrome here). */
interface ChromeAlarmsLike {
  alarms: {
    create(name: string, info: { when: number }): Promise<void>;
    get(name: string): Promise<{ name: string; scheduledTime: number } | undefined>;
    clear(name: string): Promise<boolean>;
  };
}

/** `chrome.runtime.getContexts`, typed locally. */
interface ChromeRuntimeContextsLike {
  runtime: { getContexts(filter: { contextTypes: string[] }): Promise<{ documentUrl?: string }[]> };
}

const AUTO_LOCK_ALARM = 'auto-lock';
const CLIPBOARD_ALARM = 'clipboard-clear';
const TOTP_SECRET = 'JBSWY3DPEHPK3PXP';

const master = strongMasterPassword();
const login = typedLogin('Alarm');
const totpLogin = { ...typedLogin('Otp'), totp: TOTP_SECRET };

describe('background timers: auto-lock, clipboard clearing, one-time codes', () => {
  const session = popupSession();
  const { launched, page } = session;
  const step = orderedSteps('timers-failed-', () => session.popup);

  /** Creates (replaces) an alarm due now, from the service worker, as if its time had come. */
  async function fireAlarm(name: string): Promise<void> {
    const worker = await liveServiceWorker(launched());
    await worker.evaluate(
      (alarmName) => (globalThis as unknown as { chrome: ChromeAlarmsLike }).chrome.alarms.create(alarmName, { when: Date.now() + 10 }),
      name,
    );
  }

  /** The alarm as Chrome holds it, and the worker's clock at the time of reading. */
  async function readAlarm(name: string): Promise<{ scheduledTime: number; now: number } | null> {
    const worker = await liveServiceWorker(launched());
    return worker.evaluate(async (alarmName) => {
      const alarm = await (globalThis as unknown as { chrome: ChromeAlarmsLike }).chrome.alarms.get(alarmName);
      return alarm ? { scheduledTime: alarm.scheduledTime, now: Date.now() } : null;
    }, name);
  }

  async function clearAlarm(name: string): Promise<void> {
    const worker = await liveServiceWorker(launched());
    await worker.evaluate((alarmName) => (globalThis as unknown as { chrome: ChromeAlarmsLike }).chrome.alarms.clear(alarmName), name);
  }

  async function vaultState(): Promise<unknown> {
    const reply = (await sendExtensionMessage(launched().context, launched().extensionId, { type: 'vaultStatus', payload: {} })) as {
      state?: unknown;
    };
    return reply.state;
  }

  /** Opens Settings in the popup and picks `value` in the select labelled `label`; waits until it is saved. */
  async function chooseSetting(label: string, value: string): Promise<void> {
    await backToList(page());
    await openView(page(), 'Settings');
    const settings = page().getByTestId('settings');
    await settings.waitFor();
    await settings.getByLabel(label, { exact: true }).selectOption(value);
    await settings.getByRole('status').getByText('Saved.', { exact: true }).waitFor();
    await backToList(page());
  }

  step('creates a vault and adds a login through the popup', async () => {
    await createVaultInPopup(page(), master);
    await addLoginInPopup(page(), login);
    expect(await vaultState()).toBe('unlocked');
  });

  step('S4, T13: the auto-lock alarm locks the vault — status locked, storage.session empty, locked refusal, vault-locked audited', async () => {
    const { context, extensionId } = launched();
    // Not vacuous: the unlocked vault keeps its key in session storage, and activity armed the alarm.
    expect(Object.keys(await readStorageArea(context, extensionId, 'session'))).not.toHaveLength(0);
    expect(await readAlarm(AUTO_LOCK_ALARM)).not.toBeNull();

    await fireAlarm(AUTO_LOCK_ALARM);
    await expect.poll(vaultState, POLL).toBe('locked');
    expect(await readStorageArea(context, extensionId, 'session')).toEqual({});
    expect(await readAlarm(AUTO_LOCK_ALARM)).toBeNull();
    const refused = await sendExtensionMessage(context, extensionId, { type: 'itemList', payload: {} });
    expect(refused).toMatchObject({ ok: false, error: { code: 'locked' } });

    await page().reload();
    await page().getByTestId('unlock').waitFor();
    expect(await page().getByTestId('item-list').count()).toBe(0);

    await unlockWith(page(), master);
    await page().getByTestId('item-list').waitFor();
    const audit = await request(launched(), 'auditList');
    const types = (audit.events as { type: string }[]).map((event) => event.type);
    expect(audit.chainValid).toBe(true);
    // The lock came from the alarm (nothing else locked this vault), then the unlock just above.
    expect(types.slice(-3)).toEqual(['item-created', 'vault-locked', 'vault-unlocked']);

    // The same event as the user sees it in the popup's audit log.
    await openView(page(), 'Settings');
    await page().getByTestId('settings').getByRole('button', { name: 'Audit log', exact: true }).click();
    await page().getByTestId('audit-log').getByRole('cell', { name: 'Vault locked', exact: true }).waitFor();
    await backToList(page());
  });

  step('S4: when auto-lock fires, an open vault page and popup drop what they show at once, without a reload', async () => {
    const { context, extensionId } = launched();
    const vaultPage = await openVaultPage(context, extensionId);
    const view = await openItem(vaultPage, login.title);
    await view.getByRole('button', { name: 'Reveal', exact: true }).click();
    await view.getByText(login.password, { exact: true }).waitFor();

    await fireAlarm(AUTO_LOCK_ALARM);
    await vaultPage.getByTestId('unlock').waitFor();
    await page().getByTestId('unlock').waitFor();
    expect(await vaultPage.content()).not.toContain(login.password);
    expect(await vaultPage.content()).not.toContain(login.title);
    await vaultPage.close();
    await unlockWith(page(), master);
    await page().getByTestId('item-list').waitFor();
  });

  step('S4: any request from an extension page re-arms auto-lock autoLockMinutes ahead', async () => {
    const settings = (await request(launched(), 'settingsGet')).settings as { autoLockMinutes: number };
    expect(settings.autoLockMinutes).toBe(15);
    await clearAlarm(AUTO_LOCK_ALARM);
    expect(await readAlarm(AUTO_LOCK_ALARM)).toBeNull();

    await request(launched(), 'itemList');
    const alarm = await readAlarm(AUTO_LOCK_ALARM);
    expect(alarm).not.toBeNull();
    const minutesAhead = ((alarm?.scheduledTime ?? 0) - (alarm?.now ?? 0)) / 60_000;
    expect(minutesAhead).toBeGreaterThan(settings.autoLockMinutes - 5);
    expect(minutesAhead).toBeLessThanOrEqual(settings.autoLockMinutes + 1);
  });

  step('S4: auto-lock "Never" removes the alarm, and later requests do not re-arm it', async () => {
    await chooseSetting('Auto-lock after', '0');
    expect((await request(launched(), 'settingsGet')).settings).toMatchObject({ autoLockMinutes: 0 });
    await request(launched(), 'itemList');
    await expect.poll(() => readAlarm(AUTO_LOCK_ALARM), POLL).toBeNull();
    expect(await vaultState()).toBe('unlocked');
  });

  step('clipboard clearing (DESIGN §2 popup): the clipboard-clear alarm empties a copied password through the offscreen document', async () => {
    // Two minutes: the worker's own in-memory timer cannot be what empties the clipboard during this step.
    await chooseSetting('Clear clipboard after', '120');
    const view = await openItem(page(), login.title);
    await view.getByRole('button', { name: 'Copy password', exact: true }).click();
    await page().getByTestId('toast').getByText('Password copied — clears in 120 s').waitFor();
    expect(await readClipboard(page())).toBe(login.password);
    // The copy scheduled the alarm that survives a worker restart.
    expect(await readAlarm(CLIPBOARD_ALARM)).not.toBeNull();

    await fireAlarm(CLIPBOARD_ALARM);
    await expect.poll(() => readClipboard(page()), POLL).toBe('');
    await expect.poll(() => readAlarm(CLIPBOARD_ALARM), POLL).toBeNull();
    // The worker has no clipboard of its own: the write came from the offscreen document it opened.
    const worker = await liveServiceWorker(launched());
    const offscreenUrls = await worker.evaluate(async () => {
      const { runtime } = (globalThis as unknown as { chrome: ChromeRuntimeContextsLike }).chrome;
      const contexts = await runtime.getContexts({ contextTypes: ['OFFSCREEN_DOCUMENT'] });
      return contexts.map((found) => found.documentUrl);
    });
    expect(offscreenUrls).toEqual([`${launched().origin}/offscreen.html`]);
    await backToList(page());
  });

  step('a password copied from the generator is cleared from the clipboard too (no item, nothing audited)', async () => {
    const eventsBefore = ((await request(launched(), 'auditList')).events as unknown[]).length;
    await openView(page(), 'Generator');
    const generator = page().getByTestId('generator');
    // The first password is generated in an effect after the first render: wait for it, don't read the empty output.
    const output = generator.getByTestId('generated-password');
    await expect.poll(async () => ((await output.textContent()) ?? '').length, POLL).toBeGreaterThanOrEqual(20);
    const generated = (await output.textContent()) ?? '';
    await generator.getByRole('button', { name: 'Copy', exact: true }).click();
    // The toast of the earlier copy may still show the same words, so wait on the effects instead.
    await expect.poll(() => readClipboard(page()), POLL).toBe(generated);
    await expect.poll(() => readAlarm(CLIPBOARD_ALARM), POLL).not.toBeNull();
    await page().getByTestId('toast').getByText('Generated password copied — clears in 120 s').waitFor();
    await fireAlarm(CLIPBOARD_ALARM);
    await expect.poll(() => readClipboard(page()), POLL).toBe('');
    expect(((await request(launched(), 'auditList')).events as unknown[]).length).toBe(eventsBefore);
    await backToList(page());
  });

  step('the clipboard is cleared only if it still holds what Sealpass copied: text copied since is left alone (issue 17)', async () => {
    await openView(page(), 'Generator');
    const generator = page().getByTestId('generator');
    const output = generator.getByTestId('generated-password');
    await expect.poll(async () => ((await output.textContent()) ?? '').length, POLL).toBeGreaterThanOrEqual(20);
    const generated = (await output.textContent()) ?? '';
    await generator.getByRole('button', { name: 'Copy', exact: true }).click();
    await expect.poll(() => readClipboard(page()), POLL).toBe(generated);
    await expect.poll(() => readAlarm(CLIPBOARD_ALARM), POLL).not.toBeNull();
    // The user copies something of their own before the clearing is due.
    const theirs = `meeting notes ${Date.now()}`;
    await page().evaluate((text) => navigator.clipboard.writeText(text), theirs);
    await fireAlarm(CLIPBOARD_ALARM);
    await expect.poll(() => readAlarm(CLIPBOARD_ALARM), POLL).toBeNull();
    // The offscreen document compared, found it is not ours, and left it.
    expect(await readClipboard(page())).toBe(theirs);
    // Nothing of the password waits in storage for a later clearing (S4): the tags are gone with the alarm.
    expect(JSON.stringify(await readStorageArea(launched().context, launched().extensionId, 'session'))).not.toContain('clipboardExpected');
    await backToList(page());
  });

  step('TOTP: "Show code" gives the RFC 6238 code of the saved secret for the browser\'s current 30-s window', async () => {
    // The oracle first: RFC 6238 appendix B, SHA-1, T = 59 s → 94287082, whose last six digits are the code.
    expect(rfc6238Code('GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ', 59_000)).toBe('287082');

    await addLoginInPopup(page(), totpLogin);
    const view = await openItem(page(), totpLogin.title);
    const before = await page().evaluate(() => Date.now());
    await view.getByRole('button', { name: 'Show code', exact: true }).click();
    const shown = view.getByLabel('One-time code', { exact: true });
    await shown.filter({ hasText: /^\d{6}\b/ }).waitFor();
    const after = await page().evaluate(() => Date.now());
    const code = ((await shown.textContent()) ?? '').match(/^\d{6}/)?.[0];

    // The background read its clock somewhere between `before` and `after`; a window boundary may fall between.
    const accepted = new Set([before - 30_000, before, after, after + 30_000].map((at) => rfc6238Code(TOTP_SECRET, at)));
    expect(accepted).toContain(code);
    await expect(view.getByRole('button', { name: 'Refresh code', exact: true }).count()).resolves.toBe(1);
  });
});

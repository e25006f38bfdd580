/**
 * Shared steps for E2E suites that drive the popup or vault page the way a user does (create, unlock, lock, add a
 * login), reach the background service worker, and edit the vault's IndexedDB records from outside the extension's
 * code (the tamperer's view, T09). Same style as vault-flow.e2e.ts; everything waits on conditions, never on time.
 */
import { createHmac, randomBytes } from 'node:crypto';
import type { BrowserContext, Locator, Page, Worker } from 'playwright-core';
import { expect } from 'vitest';
import { sendExtensionMessage, type LaunchedExtension } from './harness';

/** Random lowercase letters and digits, so every run types values no earlier run (or the code) contains. */
export function token(length: number): string {
  return randomBytes(length).toString('base64url').replace(/[^a-z0-9]/gi, '').slice(0, length).toLowerCase().padEnd(length, 'q');
}

/** A master password the strength meter rates "Strong". */
export function strongMasterPassword(): string {
  return `Orbit ${token(6)} quartz Lantern ${token(6)}!`;
}

/** A login as typed in the editor. */
export interface TypedLogin {
  title: string;
  username: string;
  password: string;
  url: string;
  /** TOTP secret typed in the editor; none when absent. */
  totp?: string;
}

/** A login whose every field carries a fresh marker. */
export function typedLogin(name: string): TypedLogin {
  const marker = token(8);
  return {
    title: `${name} ${marker}`,
    username: `${name.toLowerCase()}.${marker}@mail-${marker}.net`,
    password: `Pw-${token(14)}-${name}!${token(6)}`,
    url: `https://login.${name.toLowerCase()}-${marker}.com/signin`,
  };
}

/** Generous bound for `expect.poll`: a condition, not a delay. */
export const POLL = { timeout: 15_000 } as const;

/** The list's options, whose accessible names start with the item title. */
export function itemOptions(page: Page): Locator {
  return page.getByTestId('item-list').getByRole('listbox', { name: 'Items' }).getByRole('option');
}

/** The list option of the item titled `title`. */
export function itemOption(page: Page, title: string): Locator {
  return itemOptions(page).filter({ hasText: title });
}

/**
 * The accessible name of a list option as the browser computes it (from its visible text and hidden separators,
 * since the rows carry no aria-label: issue 17, axe label-content-name-mismatch), e.g. "Mail , ann@mail.test , favourite".
 */
export async function optionName(option: Locator): Promise<string> {
  const snapshot = await option.ariaSnapshot();
  return /option "(.*)"/.exec(snapshot)?.[1] ?? '';
}

/** Back from an open panel to the list (the popup shows one at a time). */
export async function backToList(page: Page): Promise<void> {
  const list = page.getByTestId('item-list');
  if (await list.isVisible()) return;
  await page.getByRole('button', { name: 'Back', exact: true }).click();
  await list.waitFor();
}

/**
 * Opens a view from the vault's header: its toolbar button, or the same button in the "More" menu
 * (issue 17 grouped the header: primary actions, then a menu for the rest).
 */
export async function openView(page: Page, name: string | RegExp): Promise<void> {
  const nav = page.getByRole('navigation', { name: 'Vault' });
  const target = nav.getByRole('button', typeof name === 'string' ? { name, exact: true } : { name });
  if (!(await target.isVisible())) await nav.getByRole('button', { name: /^More/ }).click();
  await target.click();
}

/** Types the master password on the unlock screen and submits it. */
export async function unlockWith(page: Page, password: string): Promise<void> {
  const unlock = page.getByTestId('unlock');
  await unlock.getByLabel('Master password', { exact: true }).fill(password);
  await unlock.getByRole('button', { name: 'Unlock', exact: true }).click();
}

/** Locks from the header and waits for the unlock screen. */
export async function lockFromHeader(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Lock', exact: true }).click();
  await page.getByTestId('unlock').waitFor();
}

/** Onboarding on a fresh profile: creates a vault and ends on the (empty) unlocked list. */
export async function createVaultInPopup(page: Page, password: string): Promise<void> {
  const onboarding = page.getByTestId('onboarding');
  await onboarding.waitFor();
  await onboarding.getByLabel('Master password', { exact: true }).fill(password);
  await onboarding.getByLabel('Confirm master password', { exact: true }).fill(password);
  await onboarding.locator('[role="meter"][aria-valuenow="3"], [role="meter"][aria-valuenow="4"]').waitFor();
  await onboarding.getByLabel(/^I understand/).check();
  await onboarding.getByRole('button', { name: 'Create vault', exact: true }).click();
  // A new vault may open unlocked or ask for the password once; both are fine designs.
  const list = page.getByTestId('item-list');
  await list.or(page.getByTestId('unlock')).waitFor();
  if (!(await list.isVisible())) {
    await unlockWith(page, password);
    await list.waitFor();
  }
  await list.getByText('Your vault is empty.', { exact: false }).waitFor();
}

/** Fills and saves the editor for a new login, then returns to the list with the new option shown. */
export async function addLoginInPopup(page: Page, login: TypedLogin): Promise<void> {
  await page.getByRole('button', { name: 'Add item', exact: true }).click();
  const editor = page.getByTestId('item-editor');
  await editor.waitFor();
  await editor.getByLabel('Title', { exact: true }).fill(login.title);
  await editor.getByLabel('Username', { exact: true }).fill(login.username);
  await editor.getByLabel('Password', { exact: true }).fill(login.password);
  await editor.getByLabel('URL', { exact: true }).fill(login.url);
  if (login.totp !== undefined) await editor.getByLabel('TOTP secret', { exact: true }).fill(login.totp);
  await editor.getByRole('button', { name: 'Save', exact: true }).click();
  await page.getByTestId('item-view').getByRole('heading', { name: login.title }).waitFor();
  await backToList(page);
  await itemOption(page, login.title).waitFor();
}

/** Opens an item from the list and waits for its view. */
export async function openItem(page: Page, title: string): Promise<Locator> {
  await itemOption(page, title).click();
  const view = page.getByTestId('item-view');
  await view.getByRole('heading', { name: title }).waitFor();
  return view;
}

/**
 * The extension's service worker as it runs now. Chrome stops an idle worker and starts a new one for the next
 * event, which makes an older `Worker` handle useless; a message wakes it when none is running.
 */
export async function liveServiceWorker(extension: LaunchedExtension): Promise<Worker> {
  const isOurs = (worker: Worker): boolean => new URL(worker.url()).host === extension.extensionId;
  const running = extension.context.serviceWorkers().find(isOurs);
  if (running) return running;
  const started = extension.context.waitForEvent('serviceworker', { predicate: isOurs });
  await sendExtensionMessage(extension.context, extension.extensionId, { type: 'vaultStatus', payload: {} });
  return extension.context.serviceWorkers().find(isOurs) ?? started;
}

/** A successful reply of the background, or a failed assertion naming the error. */
export async function request(extension: LaunchedExtension, type: string, payload: object = {}): Promise<Record<string, unknown>> {
  const reply = (await sendExtensionMessage(extension.context, extension.extensionId, { type, payload })) as Record<string, unknown>;
  expect(reply, `reply to ${type}`).toMatchObject({ ok: true });
  return reply;
}

/** The ids of the unlocked vault's list rows, by title (quarantined rows have no title and are left out). */
export async function itemIdsByTitle(extension: LaunchedExtension): Promise<Map<string, string>> {
  const reply = await request(extension, 'itemList');
  const items = reply.items as { id: string; state: string; title?: string }[];
  return new Map(items.filter((item) => item.state === 'ok' && item.title !== undefined).map((item) => [item.title ?? '', item.id]));
}

/** A change made to one stored record directly in IndexedDB, bypassing the extension (T09). */
export type RecordTamper =
  /** Flips one bit of the item's content ciphertext (`data.ct`). */
  | { store: 'items'; key: string; change: 'flip-ciphertext-bit' }
  /** Flips one bit of the audit record's chain hash. */
  | { store: 'audit'; key: number; change: 'flip-hash-bit' }
  /** Deletes the record. */
  | { store: 'items' | 'audit'; key: string | number; change: 'delete' };

/**
 * Applies a tamper to the `sealpass-vault` database from an inert extension page (the manifest shown as text), as
 * someone with access to the profile could. The background's open connection is left alone; a non-versionchange
 * write from another connection is allowed.
 * @throws when the record does not exist
 */
export async function tamperVaultRecord(context: BrowserContext, extensionId: string, tamper: RecordTamper): Promise<void> {
  const page = await context.newPage();
  try {
    await page.goto(`chrome-extension://${extensionId}/manifest.json`);
    await page.evaluate(async ({ store, key, change }) => {
      const settle = <T>(req: IDBRequest<T>): Promise<T> =>
        new Promise((resolve, reject) => {
          req.onsuccess = () => resolve(req.result);
          req.onerror = () => reject(req.error);
        });
      const db = await settle(indexedDB.open('sealpass-vault'));
      try {
        const tx = db.transaction(store, 'readwrite');
        const done = new Promise<void>((resolve, reject) => {
          tx.oncomplete = () => resolve();
          tx.onerror = () => reject(tx.error);
          tx.onabort = () => reject(tx.error ?? new Error('transaction aborted'));
        });
        const records = tx.objectStore(store);
        const record = (await settle(records.get(key))) as Record<string, unknown> | undefined;
        if (record === undefined) throw new Error(`no record ${String(key)} in ${store}`);
        if (change === 'delete') {
          records.delete(key);
        } else {
          const bytes =
            change === 'flip-ciphertext-bit' ? (record.data as { ct: Uint8Array }).ct : (record.hash as Uint8Array);
          const at = Math.floor(bytes.length / 2);
          bytes[at] = (bytes[at] ?? 0) ^ 0x01;
          records.put(record);
        }
        await done;
      } finally {
        db.close();
      }
    }, tamper);
  } finally {
    await page.close();
  }
}

/** Decodes RFC 4648 base32 (no padding needed, case-insensitive). */
function base32Decode(text: string): Buffer {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = 0;
  let value = 0;
  const out: number[] = [];
  for (const char of text.replace(/=+$/, '').toUpperCase()) {
    const index = alphabet.indexOf(char);
    if (index < 0) throw new Error(`not base32: ${char}`);
    value = (value << 5) | index;
    bits += 5;
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  return Buffer.from(out);
}

/**
 * The RFC 6238 code (HMAC-SHA1, 6 digits, 30 s) of a base32 secret at `nowMs`, computed independently of the
 * extension's code with Node's crypto.
 */
export function rfc6238Code(secret: string, nowMs: number): string {
  const counter = Math.floor(nowMs / 1000 / 30);
  const message = Buffer.alloc(8);
  message.writeUInt32BE(Math.floor(counter / 2 ** 32), 0);
  message.writeUInt32BE(counter >>> 0, 4);
  const mac = createHmac('sha1', base32Decode(secret)).update(message).digest();
  const offset = (mac[mac.length - 1] ?? 0) & 0x0f;
  const binary = mac.readUInt32BE(offset) & 0x7fffffff;
  return String(binary % 1_000_000).padStart(6, '0');
}

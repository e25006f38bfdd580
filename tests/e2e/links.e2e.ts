/**
 * One-time links and secret requests end to end in real Chromium (issue 14): Alice's profile runs the
 * built extension against a real relay process that serves the built pages; the recipient is a plain
 * profile without the extension. Alice sends a login as a one-time link from its item view; the plain
 * profile opens it, reveals it and sees it burn; Alice's Links view shows it used up and opened. Alice
 * requests a secret; the plain profile answers it on the relay's page; Alice accepts it from her Inbox
 * into the vault. Then the same kind of link opens in the extension's own page (link.html).
 * Steps run in order; after a failure the rest are skipped.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect } from 'vitest';
import { buildPagesOnce } from '../relay/build-pages';
import { spawnRelay, type RelayProcess } from '../relay/spawn-relay';
import { saveLogin } from './autofill-steps';
import { seriousViolations } from './axe-check';
import { chromiumPath, launchExtension, openExtensionPage, openVaultPage, type LaunchedExtension } from './harness';
import { orderedSteps } from './ordered-steps';
import { createVaultInPopup, itemOption, openView, request, strongMasterPassword, token } from './popup-steps';

const marker = token(6);
const login = { title: `Client portal ${marker}`, username: `ops.${marker}@client.test`, password: `Pw-${token(12)}-link` };
const answer = { username: `acme.${marker}`, password: `Answer-${token(10)}` };
const label = `hosting login for Acme ${marker}`;

describe('one-time links and secret requests: extension and a plain browser', () => {
  let relay: RelayProcess | undefined;
  let relayDir: string | undefined;
  let alice: LaunchedExtension | undefined;
  let aliceUi: Page | undefined;
  let plain: Browser | undefined;
  let outsider: Page | undefined;
  let linkUrl = '';
  let requestUrl = '';
  const step = orderedSteps('links-', () => [['alice', aliceUi], ['outsider', outsider]]);

  const need = <T,>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`${what} is not running`);
    return value;
  };
  const A = () => need(alice, 'alice');
  const aPage = () => need(aliceUi, "alice's vault page");
  const out = () => need(outsider, 'the plain profile');

  beforeAll(async () => {
    relayDir = await mkdtemp(join(tmpdir(), 'sealpass-e2e-links-relay-'));
    relay = await spawnRelay({ DATA_DIR: relayDir, PAGES_DIR: await buildPagesOnce() });
    alice = await launchExtension({ grantClipboard: false });
    aliceUi = await openVaultPage(alice.context, alice.extensionId);
    plain = await chromium.launch({ executablePath: chromiumPath(), headless: true, args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
    outsider = await (await plain.newContext()).newPage();
  });

  afterAll(async () => {
    await alice?.close();
    await plain?.close();
    await relay?.stop();
    if (relayDir) await rm(relayDir, { recursive: true, force: true });
  });

  step('alice creates her vault and registers a handle on the relay', async () => {
    await createVaultInPopup(aPage(), strongMasterPassword());
    await openView(aPage(), /^Settings$/);
    const settings = aPage().getByTestId('sharing-settings');
    await settings.getByLabel('Your handle').fill('alice');
    await settings.getByLabel('Relay address').fill(need(relay, 'the relay').baseUrl);
    await settings.getByRole('button', { name: 'Register' }).click();
    await settings.getByText('registered', { exact: true }).waitFor();
  });

  step('alice sends a login as a one-time link: username and password, one view', async () => {
    await saveLogin(A(), { ...login, urls: ['https://portal.client.test/login'] });
    await aPage().reload();
    await itemOption(aPage(), login.title).click();
    const view = aPage().getByTestId('item-view');
    await view.getByRole('button', { name: 'Send as link…' }).click();
    const panel = aPage().getByTestId('send-link');
    await panel.getByLabel('Username').isChecked();
    expect(await panel.getByLabel('Notes').isChecked()).toBe(false);
    await panel.getByLabel('Expires after').selectOption('1h');
    await panel.getByRole('button', { name: 'Create link' }).click();
    linkUrl = await panel.getByTestId('created-link-url').inputValue();
    expect(linkUrl).toMatch(new RegExp(`^${need(relay, 'the relay').baseUrl}/l/#[A-Za-z0-9_-]{43}$`));
  });

  step('a plain browser without Sealpass opens the link, reveals it, and sees it burn', async () => {
    await out().goto(linkUrl);
    await out().getByRole('heading', { name: 'Someone sent you a secret' }).waitFor();
    expect(await seriousViolations(out())).toEqual([]);
    await out().getByRole('button', { name: 'Reveal' }).click();
    await out().getByRole('heading', { name: login.title }).waitFor();
    expect(await out().getByLabel('Username').textContent()).toBe(login.username);
    await out().getByRole('button', { name: 'Show password' }).click();
    expect(await out().getByLabel('Password').textContent()).toBe(login.password);
    await out().getByText('This was the last view').waitFor();
    await out().reload();
    await out().getByRole('heading', { name: 'This link is no longer available' }).waitFor();
  });

  step('alice’s Links view shows the link used up and when it was opened', async () => {
    await openView(aPage(), /^Links$/);
    const entry = aPage().getByTestId('link-entry').filter({ hasText: login.title });
    await entry.getByTestId('link-state').getByText('used up').waitFor();
    await entry.getByText(/0 of 1 views left/).waitFor();
    await entry.getByText(/Opened .* \(proven by the opening page\)/).waitFor();
  });

  step('alice requests a secret; the plain browser answers it after seeing her handle and safety code', async () => {
    const view = aPage().getByTestId('links-view');
    await view.getByLabel('What you ask for').fill(label);
    await view.getByRole('button', { name: 'Create request link' }).click();
    requestUrl = await view.getByTestId('created-link-url').inputValue();
    expect(requestUrl).toMatch(/\/r\/#[A-Za-z0-9_-]{43}$/);

    await out().goto(requestUrl);
    await out().getByRole('heading', { name: 'alice asks you for a secret' }).waitFor();
    await out().getByText(`“${label}”`).waitFor();
    await expect.poll(() => out().getByTestId('safety-code').textContent()).toMatch(/^\d{5}( \d{5}){5}$/);
    // The code alice reads out from Settings: her identity has an X-Wing key, which the request names (issue 16).
    const status = (await request(A(), 'sharingStatus')) as { identity?: { ownCode?: string } };
    expect(await out().getByTestId('safety-code').textContent()).toBe(status.identity?.ownCode);
    expect(await seriousViolations(out())).toEqual([]);
    await out().getByLabel('Username').fill(answer.username);
    await out().getByLabel('Password or secret').fill(answer.password);
    await out().getByRole('button', { name: 'Send to alice' }).click();
    await out().getByRole('heading', { name: 'Sent to alice' }).waitFor();
  });

  step('alice accepts the answer from her Inbox into the vault', async () => {
    await openView(aPage(), /^Inbox/);
    const entry = aPage().getByTestId('request-answer').filter({ hasText: label });
    await entry.getByText('Not a verified contact').waitFor();
    await entry.getByLabel('Save as').fill(`Acme hosting ${marker}`);
    await entry.getByRole('button', { name: 'Accept into vault' }).click();
    await aPage().getByTestId('request-answer').waitFor({ state: 'detached' });
    await aPage().reload();
    await itemOption(aPage(), `Acme hosting ${marker}`).click();
    await aPage().getByTestId('item-view').getByText(answer.username).waitFor();
  });

  step('a link opened in the extension’s own page (link.html) reveals through the background', async () => {
    await openView(aPage(), /^Links$/);
    const view = aPage().getByTestId('links-view');
    await view.getByLabel('Title', { exact: true }).fill(`Door code ${marker}`);
    await view.getByLabel('Text', { exact: true }).fill(`code-${marker}`);
    await view.getByRole('button', { name: 'Create link' }).click();
    const url = await view.getByTestId('created-link-url').inputValue();
    const page = await openExtensionPage(A().context, A().extensionId, `link.html#${url}`, { width: 1000, height: 800 });
    const opener = page.getByTestId('link-opener');
    await opener.getByRole('button', { name: 'Open' }).click();
    await opener.getByRole('button', { name: 'Reveal' }).click();
    await opener.getByTestId('link-revealed').getByText(`code-${marker}`).waitFor();
    await opener.getByText('That was the last view').waitFor();
    expect(page.url()).not.toContain(url);
  });
});

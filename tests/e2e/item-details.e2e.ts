/**
 * Item details in real Chromium: hidden custom fields, password history after an edit (each reveal audited),
 * "Open" on a saved web address, refusal of a non-web URL, and an edit conflict between the popup and the vault
 * page, which is reported and overwrites nothing. Steps share one profile and run in order.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect } from 'vitest';
import { openVaultPage } from './harness';
import { orderedSteps, popupSession } from './ordered-steps';
import { backToList, createVaultInPopup, openItem, request, strongMasterPassword, token, typedLogin } from './popup-steps';

const master = strongMasterPassword();
const login = typedLogin('Details');
const secretField = { name: `Recovery ${token(6)}`, value: `rc-${token(16)}` };
const newPassword = `New-${token(16)}!`;

describe('item details: custom fields, history, open URL, edit conflict', () => {
  const session = popupSession();
  const { page, launched } = session;
  const step = orderedSteps('item-details-', () => session.popup);
  let server: Server;
  let siteUrl = '';

  beforeAll(async () => {
    server = createServer((_request, response) => {
      response.setHeader('content-type', 'text/html');
      response.end('<title>Site</title><h1>Sign in</h1>');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    siteUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/login`;
  });

  afterAll(async () => {
    // Chromium keeps its connection alive; without this, close() would wait for it to time out.
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  step('a login with a hidden custom field shows it masked until Reveal, which is audited', async () => {
    await createVaultInPopup(page(), master);
    await page().getByRole('button', { name: 'Add item', exact: true }).click();
    const editor = page().getByTestId('item-editor');
    await editor.getByLabel('Title', { exact: true }).fill(login.title);
    await editor.getByLabel('Password', { exact: true }).fill(login.password);
    await editor.getByLabel('URL', { exact: true }).fill(siteUrl);
    await editor.getByRole('button', { name: 'Add field', exact: true }).click();
    await editor.getByLabel('Field 1 name', { exact: true }).fill(secretField.name);
    await editor.getByLabel('Field 1 value', { exact: true }).fill(secretField.value);
    await editor.getByLabel('Hide field 1', { exact: true }).check();
    await editor.getByRole('button', { name: 'Save', exact: true }).click();
    const view = page().getByTestId('item-view');
    await view.getByRole('heading', { name: login.title }).waitFor();
    expect(await view.textContent()).not.toContain(secretField.value);
    await view.getByRole('button', { name: `Reveal ${secretField.name}`, exact: true }).click();
    await view.getByText(secretField.value, { exact: true }).waitFor();
    const events = (await request(launched(), 'auditList')).events as { type: string }[];
    expect(events.at(-1)?.type).toBe('password-revealed');
  });

  step('a non-web URL is refused in the editor and nothing is saved', async () => {
    const view = page().getByTestId('item-view');
    await view.getByRole('button', { name: 'Edit', exact: true }).click();
    const editor = page().getByTestId('item-editor');
    await editor.getByLabel('URL', { exact: true }).fill('javascript:alert(1)');
    await editor.getByRole('button', { name: 'Save', exact: true }).click();
    await editor.getByText('Enter a web address, like https://example.com.').waitFor();
    expect(await page().getByTestId('item-editor').isVisible()).toBe(true);
    await editor.getByRole('button', { name: 'Cancel', exact: true }).click();
    await view.getByRole('button', { name: `Open ${siteUrl}`, exact: true }).waitFor();
    const items = (await request(launched(), 'itemList')).items as { url?: string }[];
    expect(items.map((item) => item.url)).toEqual([siteUrl]);
  });

  step('"Open" opens the saved address in a new tab', async () => {
    const opened = launched().context.waitForEvent('page');
    await page().getByTestId('item-view').getByRole('button', { name: `Open ${siteUrl}`, exact: true }).click();
    const site = await opened;
    await site.waitForURL(siteUrl);
    await site.getByRole('heading', { name: 'Sign in' }).waitFor();
    await site.close();
  });

  step('changing the password keeps the old one in the history, masked until revealed', async () => {
    const view = page().getByTestId('item-view');
    await view.getByRole('button', { name: 'Edit', exact: true }).click();
    const editor = page().getByTestId('item-editor');
    await editor.getByLabel('Password', { exact: true }).fill(newPassword);
    await editor.getByRole('button', { name: 'Save', exact: true }).click();
    await view.getByText('Password history (1)').click();
    expect(await view.textContent()).not.toContain(login.password);
    await view.getByRole('button', { name: 'Reveal previous password 1', exact: true }).click();
    await view.getByText(login.password, { exact: true }).waitFor();
    await backToList(page());
  });

  step('an edit saved in the vault page meanwhile makes the popup\'s save a reported conflict, overwriting nothing', async () => {
    const popupView = await openItem(page(), login.title);
    await popupView.getByRole('button', { name: 'Edit', exact: true }).click();
    const popupEditor = page().getByTestId('item-editor');
    await popupEditor.getByLabel('Title', { exact: true }).fill(`${login.title} from popup`);

    const { context, extensionId } = launched();
    const vaultPage = await openVaultPage(context, extensionId);
    const pageView = await openItem(vaultPage, login.title);
    await pageView.getByRole('button', { name: 'Edit', exact: true }).click();
    const pageEditor = vaultPage.getByTestId('item-editor');
    await pageEditor.getByLabel('Title', { exact: true }).fill(`${login.title} from page`);
    await pageEditor.getByRole('button', { name: 'Save', exact: true }).click();
    await vaultPage.getByTestId('item-view').getByRole('heading', { name: `${login.title} from page` }).waitFor();
    await vaultPage.close();

    await popupEditor.getByRole('button', { name: 'Save', exact: true }).click();
    await popupEditor.getByText(/changed elsewhere/).waitFor();
    const items = (await request(launched(), 'itemList')).items as { title?: string }[];
    expect(items.map((item) => item.title)).toEqual([`${login.title} from page`]);
  });
});

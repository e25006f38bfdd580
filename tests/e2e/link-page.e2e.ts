/**
 * The relay's own link and request pages in a plain Chromium profile, without the extension (issue 14):
 * a real relay process serves the built pages; the link is made with the format code as the extension
 * makes it. Loading the page (and reloading it) spends nothing (T25); Reveal shows the secret once, and
 * the link is gone afterwards; a wrong passphrase spends nothing; a request page shows the owner's handle
 * and safety code and sends an answer the owner opens. axe-core finds no serious or critical violation.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLinkOwnerClient } from '../../lib/relay-protocol/link-owner-client';
import { createRelayClient } from '../../lib/relay-protocol/relay-client';
import { linkUrl } from '../../lib/links/format/link-url';
import { openRequestAnswer } from '../../lib/links/format/open-request-answer';
import { ownSafetyCode } from '../../lib/sharing/identity/own-safety-code';
import { buildPagesOnce } from '../relay/build-pages';
import { makeUser } from '../relay/fixtures';
import { LINK_PASSWORD, LINK_USERNAME, makeLink, makeRequest, REQUEST_LABEL } from '../relay/link-fixtures';
import { spawnRelay, type RelayProcess } from '../relay/spawn-relay';
import { seriousViolations } from './axe-check';
import { chromiumPath } from './harness';

describe('link and request pages in a plain browser', () => {
  let relay: RelayProcess | undefined;
  let dataDir: string | undefined;
  let browser: Browser | undefined;
  const alice = makeUser('alice', Date.now());

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'sealpass-e2e-link-relay-'));
    relay = await spawnRelay({ DATA_DIR: dataDir, PAGES_DIR: await buildPagesOnce() });
    await createRelayClient({ baseUrl: relay.baseUrl, signer: alice.signer }).register(alice.bundle);
    browser = await chromium.launch({ executablePath: chromiumPath(), headless: true, args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
  });
  afterAll(async () => {
    await browser?.close();
    await relay?.stop();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  const owner = () => createLinkOwnerClient({ baseUrl: relay!.baseUrl, signer: alice.signer });
  const newPage = async () => {
    const context = await browser!.newContext();
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    page.on('pageerror', (error) => errors.push(error.message));
    return { page, errors };
  };

  it('T25: loading spends nothing; Reveal shows the secret once; then the link is gone', async () => {
    const link = await makeLink(Date.now(), { maxViews: 1 });
    await owner().createLink(link.wire);
    const url = linkUrl(relay!.baseUrl, 'link', link.secret);
    const { page, errors } = await newPage();
    await page.goto(url);
    await page.getByRole('heading', { name: 'Someone sent you a secret' }).waitFor();
    await page.reload();
    await page.getByRole('heading', { name: 'Someone sent you a secret' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    expect((await owner().listLinks())[0]).toMatchObject({ viewsLeft: 1 });

    await page.getByRole('button', { name: 'Reveal' }).click();
    await page.getByRole('heading', { name: 'Quartzwing hosting panel' }).waitFor();
    expect(await page.getByLabel('Username').textContent()).toBe(LINK_USERNAME);
    expect(await page.getByLabel('Password').textContent()).not.toContain(LINK_PASSWORD);
    await page.getByRole('button', { name: 'Show password' }).click();
    expect(await page.getByLabel('Password').textContent()).toBe(LINK_PASSWORD);
    await page.getByText('This was the last view').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    // The page posts its "opened" proof; the owner sees it.
    await expect.poll(async () => (await owner().listLinks())[0]?.opens.length, { timeout: 10_000 }).toBe(1);

    await page.reload();
    await page.getByRole('heading', { name: 'This link is no longer available' }).waitFor();
    await page.getByText('opened as many times as its sender allowed').waitFor();
    expect(errors.filter((e) => !/Failed to load resource/.test(e))).toEqual([]);
  });

  it('T25: a wrong passphrase spends nothing; the right one reveals', async () => {
    const link = await makeLink(Date.now(), { maxViews: 2, passphrase: 'copper kettle' });
    await owner().createLink(link.wire);
    const { page } = await newPage();
    await page.goto(linkUrl(relay!.baseUrl, 'link', link.secret));
    await page.getByLabel(/Passphrase/).fill('copper kettles');
    await page.getByRole('button', { name: 'Reveal' }).click();
    await page.getByText('Wrong passphrase. No view was spent').waitFor({ timeout: 30_000 });
    expect((await owner().listLinks()).find((l) => l.id === link.wire.id)).toMatchObject({ viewsLeft: 2 });
    await page.getByLabel(/Passphrase/).fill('copper kettle');
    await page.getByRole('button', { name: 'Reveal' }).click();
    await page.getByRole('heading', { name: 'Quartzwing hosting panel' }).waitFor({ timeout: 30_000 });
    await page.getByText('1 more view left').waitFor();
  });

  it('a request page shows who asks and their safety code, and seals the answer for them', async () => {
    const request = makeRequest(alice, Date.now());
    await owner().createRequest(request.wire);
    const { page, errors } = await newPage();
    await page.goto(linkUrl(relay!.baseUrl, 'request', request.secret));
    await page.getByRole('heading', { name: 'alice asks you for a secret' }).waitFor();
    await page.getByText(`“${REQUEST_LABEL}”`).waitFor();
    expect(await page.getByTestId('safety-code').textContent()).toBe(ownSafetyCode(alice.identity));
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByLabel('Username').fill('acme-admin');
    await page.getByLabel('Password or secret').fill('Plum-Orbit-5521');
    await page.getByRole('button', { name: 'Send to alice' }).click();
    await page.getByRole('heading', { name: 'Sent to alice' }).waitFor();
    const { answers } = await owner().listRequests();
    expect(openRequestAnswer(request.keyPair.secretKey, request.wire.id, answers[0]!.answer)).toMatchObject({ username: 'acme-admin', password: 'Plum-Orbit-5521' });
    await page.reload();
    await page.getByText('already has the answers it asked for').waitFor();
    expect(errors.filter((e) => !/Failed to load resource/.test(e))).toEqual([]);
  });
});

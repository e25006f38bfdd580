/**
 * Argon2id in the offscreen document, in real Chromium (issue 15, decision 5). Creating a vault derives the master
 * key in the offscreen document's worker, which first checks openpgp's SIMD `argon2id` on the RFC 9106 §5.3 vector
 * there (a failed check would fail the derivation, and vaultCreate with it); the key it returned unwraps the
 * stored vault key when the same password is run through hash-wasm here in Node, so the extension's path gives
 * the reference answer. T21: an extension page that opens a port named like the KDF's is cut off and receives
 * nothing while the vault is unlocked, so the master password never reaches it.
 */
import { argon2id } from 'hash-wasm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HeaderRecord } from '../../lib/db/vault-db';
import { asKey, type MasterKey } from '../../lib/crypto/keys';
import { unwrapWithMasterKey } from '../../lib/vault/lifecycle/unlock-vault';
import { launchExtension, sendExtensionMessage, type LaunchedExtension } from './harness';
import { liveServiceWorker, POLL, request, strongMasterPassword } from './popup-steps';

const master = strongMasterPassword();

/** The few `chrome.runtime` calls made inside the browser here (the project has no `chrome` global types). */
interface ChromeRuntime {
  runtime: {
    getContexts(filter: { contextTypes: string[] }): Promise<{ documentUrl?: string }[]>;
    connect(info: { name: string }): {
      onMessage: { addListener(listener: (message: unknown) => void): void };
      onDisconnect: { addListener(listener: () => void): void };
    };
  };
}

/** The stored header, read by an extension page, with its byte arrays as plain arrays (they cross Playwright). */
async function readHeader(extension: LaunchedExtension): Promise<HeaderRecord> {
  const page = await extension.context.newPage();
  try {
    await page.goto(`${extension.origin}/manifest.json`);
    const plain = await page.evaluate(async () => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const open = indexedDB.open('sealpass-vault');
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      const header = await new Promise<unknown>((resolve, reject) => {
        const get = db.transaction('header').objectStore('header').get('vault');
        get.onsuccess = () => resolve(get.result);
        get.onerror = () => reject(get.error);
      });
      db.close();
      const plainOf = (value: unknown): unknown =>
        value instanceof Uint8Array ? { bytes: [...value] }
          : value && typeof value === 'object' ? Object.fromEntries(Object.entries(value).map(([k, v]) => [k, plainOf(v)])) : value;
      return plainOf(header);
    });
    const revive = (value: unknown): unknown =>
      value && typeof value === 'object' && 'bytes' in value ? Uint8Array.from((value as { bytes: number[] }).bytes)
        : value && typeof value === 'object' ? Object.fromEntries(Object.entries(value).map(([k, v]) => [k, revive(v)])) : value;
    return revive(plain) as HeaderRecord;
  } finally {
    await page.close();
  }
}

describe('the master key is derived in the offscreen document', () => {
  let extension: LaunchedExtension | undefined;
  const launched = () => {
    if (!extension) throw new Error('the extension is not running');
    return extension;
  };

  beforeAll(async () => {
    extension = await launchExtension();
  });

  afterAll(async () => {
    await extension?.close();
  });

  it('vaultCreate derives through the offscreen worker (RFC 9106 self-test there), and its key is hash-wasm\'s', async () => {
    await request(launched(), 'vaultCreate', { password: master });
    const worker = await liveServiceWorker(launched());
    const offscreen = await worker.evaluate(async () => {
      const { runtime } = (globalThis as unknown as { chrome: ChromeRuntime }).chrome;
      const contexts = await runtime.getContexts({ contextTypes: ['OFFSCREEN_DOCUMENT'] });
      return contexts.map((context) => new URL(context.documentUrl ?? '').pathname);
    });
    expect(offscreen).toEqual(['/offscreen.html']);
    const header = await readHeader(launched());
    const reference = await argon2id({
      password: master.normalize('NFKC'), salt: header.kdf.salt, iterations: header.kdf.t, parallelism: header.kdf.p,
      memorySize: header.kdf.m, hashLength: 32, outputType: 'binary',
    });
    // Throws `wrong-password` unless the extension derived exactly this key.
    const vaultKey = unwrapWithMasterKey(asKey<MasterKey>(reference), header);
    expect(vaultKey).toHaveLength(32);
  });

  it('T21: a page that opens a port named like the KDF\'s is cut off and gets nothing while the vault unlocks', async () => {
    await request(launched(), 'vaultLock');
    const attacker = await launched().context.newPage();
    await attacker.goto(`${launched().origin}/manifest.json`);
    await attacker.evaluate(() => {
      const seen: unknown[] = [];
      const port = (globalThis as unknown as { chrome: ChromeRuntime }).chrome.runtime.connect({ name: 'sealpass-kdf' });
      port.onMessage.addListener((message: unknown) => seen.push(message));
      const state = { seen, disconnected: false };
      port.onDisconnect.addListener(() => {
        state.disconnected = true;
      });
      (globalThis as unknown as { attack: typeof state }).attack = state;
    });
    await attacker.waitForFunction(() => (globalThis as unknown as { attack: { disconnected: boolean } }).attack.disconnected);
    const wrong = (await sendExtensionMessage(launched().context, launched().extensionId, { type: 'vaultUnlock', payload: { password: `${master}x` } })) as { ok: boolean; error?: { code: string } };
    expect(wrong.error?.code).toBe('wrong-password');
    await request(launched(), 'vaultUnlock', { password: master });
    const seen = await attacker.evaluate(() => (globalThis as unknown as { attack: { seen: unknown[] } }).attack.seen);
    expect(seen).toEqual([]);
    await attacker.close();
  });

  it('after Chrome stops the service worker, the offscreen page (which outlives it) connects again and unlock works', async () => {
    await request(launched(), 'vaultLock');
    const extension = launched();
    const page = await extension.context.newPage();
    await page.goto(`${extension.origin}/manifest.json`);
    const cdp = await extension.context.newCDPSession(page);
    const targets = async (type: string) =>
      ((await cdp.send('Target.getTargets')) as { targetInfos: { type: string; url: string; targetId: string }[] }).targetInfos.filter(
        (target) => target.type === type && target.url.includes(extension.extensionId),
      );
    const [worker] = await targets('service_worker');
    if (!worker) throw new Error('no service worker target');
    await cdp.send('Target.closeTarget', { targetId: worker.targetId });
    await expect.poll(async () => (await targets('service_worker')).length, POLL).toBe(0);
    await request(extension, 'vaultUnlock', { password: master });
    expect((await request(extension, 'vaultStatus')).state).toBe('unlocked');
    await cdp.detach();
    await page.close();
  });
});

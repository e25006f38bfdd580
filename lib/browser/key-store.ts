/**
 * Keeps the vault key in `storage.session` so an unlocked vault survives a service-worker restart.
 * Session storage lives in memory only, is emptied when the browser quits, and is limited to trusted
 * contexts (not content scripts), per DESIGN S3.
 */
import { browser } from 'wxt/browser';
import { z } from 'zod';
import { fromBase64, toBase64 } from '../crypto/base64';
import { asKey, type VaultKey } from '../crypto/keys';
import type { KeyStore } from '../vault-service/context/core-deps';

const KEY = 'unlocked';
const keptSchema = z.object({ vaultId: z.string(), vaultKey: z.string() });

/** The real key store over `browser.storage.session`. */
export const sessionKeyStore: KeyStore = {
  async save(vaultId, vaultKey) {
    await browser.storage.session.set({ [KEY]: { vaultId, vaultKey: toBase64(vaultKey) } });
  },
  async load() {
    const kept = keptSchema.safeParse((await browser.storage.session.get(KEY))[KEY]);
    if (!kept.success) return null;
    try {
      return { vaultId: kept.data.vaultId, vaultKey: asKey<VaultKey>(fromBase64(kept.data.vaultKey)) };
    } catch {
      return null;
    }
  },
  async clear() {
    await browser.storage.session.clear();
  },
};

/** Restricts session storage to extension pages and the service worker (Chrome's default, made explicit). */
export async function restrictSessionStorage(): Promise<void> {
  await browser.storage.session.setAccessLevel?.({ accessLevel: 'TRUSTED_CONTEXTS' });
}

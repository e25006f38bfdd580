/** The session key store over WXT's fake browser: round trip, clear (S4), and bad stored values. */
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { sessionKeyStore } from '../../lib/browser/key-store';
import { asKey, type VaultKey } from '../../lib/crypto/keys';

const key = () => asKey<VaultKey>(new Uint8Array(32).map((_, i) => i + 1));

describe('sessionKeyStore', () => {
  beforeEach(() => fakeBrowser.reset());

  it('keeps the vault key in storage.session only and gives it back', async () => {
    await sessionKeyStore.save('vault-1', key());
    expect(await sessionKeyStore.load()).toEqual({ vaultId: 'vault-1', vaultKey: key() });
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
    expect(await fakeBrowser.storage.sync.get(null)).toEqual({});
  });

  it('S4: clear leaves nothing in storage.session', async () => {
    await sessionKeyStore.save('vault-1', key());
    await sessionKeyStore.clear();
    expect(await sessionKeyStore.load()).toBeNull();
    expect(await fakeBrowser.storage.session.get(null)).toEqual({});
  });

  it.each([
    ['nothing stored', undefined],
    ['not an object', 'garbage'],
    ['key not base64', { vaultId: 'v', vaultKey: '***' }],
    ['key of the wrong length', { vaultId: 'v', vaultKey: 'AAAA' }],
  ])('treats %s as locked', async (_name, value) => {
    if (value !== undefined) await fakeBrowser.storage.session.set({ unlocked: value });
    expect(await sessionKeyStore.load()).toBeNull();
  });
});

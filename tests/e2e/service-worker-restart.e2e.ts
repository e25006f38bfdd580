/**
 * S3 in real Chromium: the background keeps the vault key only in memory and `storage.session`, so when Chrome
 * stops the service worker (it does after 30 s idle) the next request resumes the unlocked vault; after a lock,
 * a restarted worker stays locked (S4). The worker is stopped through the DevTools protocol.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { readStorageArea } from './harness';
import { popupSession } from './ordered-steps';
import {
  addLoginInPopup,
  createVaultInPopup,
  itemOption,
  liveServiceWorker,
  lockFromHeader,
  POLL,
  request,
  strongMasterPassword,
  typedLogin,
} from './popup-steps';

const master = strongMasterPassword();
const login = typedLogin('Restart');

describe('S3: the unlocked vault survives a service-worker restart; a locked one stays locked', () => {
  const { launched, page } = popupSession();

  beforeAll(async () => {
    await createVaultInPopup(page(), master);
    await addLoginInPopup(page(), login);
  });

  /**
   * Stops our service worker as Chrome does when it is idle (DevTools protocol `Target.closeTarget`), waits
   * until it is gone, and proves the next one is a fresh start: a global set before is no longer there.
   */
  async function restartServiceWorker(): Promise<void> {
    const extension = launched();
    const marked = await liveServiceWorker(extension);
    await marked.evaluate(() => {
      (globalThis as { sealpassTestMarker?: boolean }).sealpassTestMarker = true;
    });
    const cdp = await extension.context.newCDPSession(page());
    const workers = async () =>
      ((await cdp.send('Target.getTargets')) as { targetInfos: { type: string; url: string; targetId: string }[] }).targetInfos.filter(
        (target) => target.type === 'service_worker' && target.url.includes(extension.extensionId),
      );
    const [target] = await workers();
    if (!target) throw new Error('no service worker target');
    await cdp.send('Target.closeTarget', { targetId: target.targetId });
    await expect.poll(async () => (await workers()).length, POLL).toBe(0);
    await cdp.detach();
    await request(extension, 'vaultStatus');
    const fresh = await liveServiceWorker(extension);
    expect(await fresh.evaluate(() => (globalThis as { sealpassTestMarker?: boolean }).sealpassTestMarker)).toBeUndefined();
  }

  it('after a restart, the vault is still unlocked and lists the item (key resumed from storage.session)', async () => {
    await restartServiceWorker();
    const status = await request(launched(), 'vaultStatus');
    expect(status.state).toBe('unlocked');
    const list = await request(launched(), 'itemList');
    expect(JSON.stringify(list.items)).toContain(login.title);
    await page().reload();
    await itemOption(page(), login.title).waitFor();
  });

  it('S4: after a lock and a restart, the vault stays locked and storage.session is empty', async () => {
    await lockFromHeader(page());
    await restartServiceWorker();
    expect((await request(launched(), 'vaultStatus')).state).toBe('locked');
    expect(await readStorageArea(launched().context, launched().extensionId, 'session')).toEqual({});
  });
});

/** Background service worker: the only context that holds keys (S3). Wires features together. */
import '../lib/messaging/zod-jitless';
import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { AUTO_LOCK_ALARM, CLIPBOARD_ALARM, alarmTimers, clearCopiedClipboard } from '../lib/browser/alarm-timers';
import { toolbarBadge } from '../lib/browser/badge';
import { wireAutofillEvents } from '../lib/browser/autofill-events';
import { wireLinkContextMenu } from '../lib/browser/link-context-menu';
import { browserAutofillPlatform } from '../lib/browser/browser-autofill-platform';
import { restrictSessionStorage, sessionKeyStore } from '../lib/browser/key-store';
import { neverSaveStore } from '../lib/browser/never-save-store';
import { createOffscreenKdf } from '../lib/browser/offscreen-kdf';
import { createOffscreenScorer } from '../lib/browser/offscreen-scorer';
import { useArgon2idDeriver } from '../lib/crypto/derive-master-key';
import { armRotationCheck, ROTATION_CHECK_ALARM } from '../lib/browser/rotation-alarm';
import { armSharingSync, browserSharingPlatform, SHARING_EXPIRY_ALARM, SHARING_SYNC_ALARM } from '../lib/browser/sharing-alarms';
import { e2eClock } from '../lib/browser/e2e-clock';
import { localSettingsStore } from '../lib/browser/settings-store';
import { localUnlockFailureLog } from '../lib/browser/unlock-failure-log';
import { VaultDb } from '../lib/db/vault-db';
import { dispatchMessage } from '../lib/protocol/dispatch-message';
import { broadcastImportProgress } from '../lib/messaging/import-progress-event';
import { senderKind } from '../lib/messaging/sender-kind';
import { broadcastVaultChange } from '../lib/messaging/vault-change-event';
import { broadcastVaultLocked } from '../lib/messaging/vault-locked-event';
import { createHandlers } from '../lib/vault-service/create-handlers';

export default defineBackground({
  type: 'module',
  main() {
    // Argon2id off the service worker where offscreen documents exist (Chromium; issue 15); else hash-wasm in place.
    if (browser.offscreen) useArgon2idDeriver(createOffscreenKdf());
    const { handlers, session } = createHandlers({
      db: new VaultDb(),
      keyStore: sessionKeyStore,
      settings: localSettingsStore,
      timers: alarmTimers,
      // Sharing's E2E suite moves this clock to reach an expiry (test builds only, lib/browser/e2e-clock).
      now: import.meta.env.WXT_SEALPASS_E2E_CLOCK === '1' ? e2eClock() : Date.now,
      notifyLocked: broadcastVaultLocked,
      notifyImportProgress: broadcastImportProgress,
      notifyVaultChange: broadcastVaultChange,
      neverSave: neverSaveStore,
      autofill: browserAutofillPlatform,
      badge: toolbarBadge,
      sharing: browserSharingPlatform,
      unlockFailures: localUnlockFailureLog,
      // Strength scoring off the service worker where offscreen documents exist (Chromium); else in slices in place.
      ...(browser.offscreen ? { healthScorer: createOffscreenScorer() } : {}),
    });
    const extensionOrigin = new URL(browser.runtime.getURL('/')).origin;
    const lock = () => handlers.vaultLock({}, { kind: 'extension-page' });

    void restrictSessionStorage();
    void armRotationCheck();
    void armSharingSync();
    // A copy whose expiry passed while the browser was closed goes at once, not at the next alarm.
    void handlers.sharingExpire({}, { kind: 'extension-page' });
    wireAutofillEvents(handlers, browserAutofillPlatform);
    wireLinkContextMenu();
    browser.runtime.onMessage.addListener((message, sender) => {
      // Internal messages to the offscreen document, and our own events to pages, are not ours to answer.
      const internal = message as { target?: unknown; event?: unknown } | null;
      if (internal?.target === 'offscreen' || internal?.event !== undefined) return undefined;
      const kind = senderKind(sender, browser.runtime.id, extensionOrigin);
      return dispatchMessage(handlers, message, { kind, tabId: sender.tab?.id, frameId: sender.frameId, url: sender.url }, (error) => {
        // Only the error's name: messages of unexpected errors could quote user data.
        console.error('Sealpass: unexpected error in a message handler:', error instanceof Error ? error.name : typeof error);
      });
    });
    browser.alarms.onAlarm.addListener((alarm) => {
      if (alarm.name === AUTO_LOCK_ALARM) void lock();
      if (alarm.name === CLIPBOARD_ALARM) void clearCopiedClipboard();
      if (alarm.name === ROTATION_CHECK_ALARM) void handlers.healthRotationCheck({}, { kind: 'extension-page' });
      if (alarm.name === SHARING_SYNC_ALARM) void handlers.sharingPoll({}, { kind: 'extension-page' });
      if (alarm.name === SHARING_EXPIRY_ALARM) void handlers.sharingExpire({}, { kind: 'extension-page' });
    });
    // Locking the screen locks the vault, as in every serious password manager.
    browser.idle.onStateChanged.addListener((state) => {
      if (state === 'locked') void lock();
    });
    // storage.session is already empty after a browser restart; clearing again costs nothing (S4, T13).
    browser.runtime.onStartup.addListener(() => void session.end());
  },
});

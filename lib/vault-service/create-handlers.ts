/**
 * The background's message handlers for the vault: each validates nothing itself (dispatchMessage did)
 * and calls one lib/vault operation. Every request that uses the unlocked vault counts as activity and
 * re-arms auto-lock; a status check does not.
 */
import type { Handlers } from '../protocol/dispatch-message';
import { VaultError } from '../vault/model/vault-error';
import { changeMasterPassword } from '../vault/lifecycle/change-master-password';
import { createItem } from '../vault/items/create-item';
import { createVault } from '../vault/lifecycle/create-vault';
import { deleteItem, restoreItem } from '../vault/items/delete-item';
import { revokeDeletedItemShares } from '../sharing/owner/revoke-deleted-item-shares';
import { getItem } from '../vault/items/get-item';
import { purgeDeletedItems } from '../vault/items/purge-deleted-items';
import { readAuditLog } from '../vault/records/read-audit-log';
import { recordAuditEvent } from '../vault/records/record-audit-event';
import { unlockVault } from '../vault/lifecycle/unlock-vault';
import { generateTotp } from '../totp/generate-totp';
import { parseTotpSecret } from '../totp/parse-totp-secret';
import { updateItem } from '../vault/items/update-item';
import { createSaveHandlers } from '../autofill/background/create-save-handlers';
import { createExportHandlers } from '../export/background/create-export-handlers';
import { createHealthHandlers } from '../health/background/create-health-handlers';
import { createAutofillHandlers } from '../autofill/background/create-autofill-handlers';
import type { HandlerContext } from './context/handler-context';
import { createImportHandlers } from '../import/background/create-import-handlers';
import { createSharingHandlers } from '../sharing/background/create-sharing-handlers';
import type { ServiceDeps } from './service-deps';
import { VaultSession } from './context/vault-session';

/** Shortest master password the background accepts, in UTF-16 units; the UI also requires a strength score of at least 3. */
const MIN_MASTER_PASSWORD_LENGTH = 8;

/**
 * Builds every handler around one session: the vault's own here, each other feature's from its factory.
 * @returns the handlers and the session (the background locks it from alarms)
 */
export function createHandlers(deps: ServiceDeps): { handlers: Handlers; session: VaultSession } {
  const session = new VaultSession(deps);
  const { db } = deps;

  const touch = async () => {
    const { autoLockMinutes } = await deps.settings.get();
    await deps.timers.armAutoLock(autoLockMinutes);
  };
  const unlocked = async () => {
    const vault = await session.require();
    await touch();
    return vault;
  };
  const titleOf = (vault: Awaited<ReturnType<typeof unlocked>>, id: string) => {
    const summary = vault.summaries.get(id);
    return summary?.state === 'ok' ? { itemTitle: summary.title } : {};
  };
  const checkStrength = (password: string) => {
    if (password.length < MIN_MASTER_PASSWORD_LENGTH) {
      throw new VaultError('weak-password', `The master password must have at least ${MIN_MASTER_PASSWORD_LENGTH} characters.`);
    }
  };

  const ctx: HandlerContext = { deps, session, unlocked, touch };
  const handlers: Handlers = {
    ...createSaveHandlers(ctx),
    ...createExportHandlers(ctx),
    ...createHealthHandlers(ctx),
    ...createAutofillHandlers(ctx),
    ...createImportHandlers(ctx),
    ...createSharingHandlers(ctx),
    async vaultStatus() {
      if (await session.isUnlocked()) return { state: 'unlocked' };
      return { state: (await db.header.get('vault')) ? 'locked' : 'none' };
    },
    async vaultCreate({ password }) {
      checkStrength(password);
      await session.start(await createVault(db, password, undefined, deps.now()));
      await touch();
      return {};
    },
    async vaultUnlock({ password }) {
      const { vault, integrity } = await unlockVault(db, password, deps.now());
      await session.start(vault);
      await purgeDeletedItems(db, vault, deps.now());
      await touch();
      return { integrity };
    },
    async vaultLock() {
      try {
        if (await session.isUnlocked()) await recordAuditEvent(db, await session.require(), { type: 'vault-locked' }, deps.now());
      } finally {
        // S4: a failed audit write or an unreadable header must never keep the vault unlocked.
        await session.end();
      }
      return {};
    },
    async vaultChangePassword({ current, next }) {
      checkStrength(next);
      await changeMasterPassword(db, await unlocked(), current, next, deps.now());
      return {};
    },
    async itemList() {
      return { items: [...(await unlocked()).summaries.values()] };
    },
    async itemGet({ id }) {
      return { item: await getItem(db, await unlocked(), id) };
    },
    async itemCreate({ item }) {
      return { id: await createItem(db, await unlocked(), item, deps.now()) };
    },
    async itemUpdate({ id, item, rev }) {
      await updateItem(db, await unlocked(), id, item, deps.now(), rev);
      return {};
    },
    async itemDelete({ id }) {
      const vault = await unlocked();
      const { itemTitle } = titleOf(vault, id);
      await deleteItem(db, vault, id, deps.now());
      await revokeDeletedItemShares(db, vault, id, itemTitle, deps.now());
      return {};
    },
    async itemRestore({ id }) {
      await restoreItem(db, await unlocked(), id, deps.now());
      return {};
    },
    async itemRevealed({ id }) {
      const vault = await unlocked();
      await recordAuditEvent(db, vault, { type: 'password-revealed', itemId: id, ...titleOf(vault, id) }, deps.now());
      return {};
    },
    async itemCopied({ id, field }) {
      const vault = await unlocked();
      await recordAuditEvent(db, vault, { type: `${field}-copied`, itemId: id, ...titleOf(vault, id) }, deps.now());
      await deps.timers.scheduleClipboardClear((await deps.settings.get()).clipboardSeconds);
      return {};
    },
    async itemTotp({ id }) {
      const { content } = await getItem(db, await unlocked(), id);
      if (content.type !== 'login' || content.totp === '') throw new VaultError('not-found', 'This item has no one-time code.');
      let config;
      try {
        config = parseTotpSecret(content.totp);
      } catch {
        throw new VaultError('corrupted', 'The saved one-time-code secret is not valid. Edit the item to fix it.');
      }
      return { ...generateTotp(config, deps.now()), period: config.period };
    },
    async clipboardCopied() {
      if (await session.isUnlocked()) await touch();
      await deps.timers.scheduleClipboardClear((await deps.settings.get()).clipboardSeconds);
      return {};
    },
    async settingsGet() {
      return { settings: await deps.settings.get() };
    },
    async settingsSet({ settings }) {
      await deps.settings.set(settings);
      if (await session.isUnlocked()) await touch();
      return {};
    },
    async auditList() {
      return readAuditLog(db, await unlocked());
    },
    async auditExport() {
      const vault = await unlocked();
      await recordAuditEvent(db, vault, { type: 'audit-exported' }, deps.now());
      const log = await readAuditLog(db, vault);
      return { json: JSON.stringify({ format: 'sealpass-audit-log', version: 1, exportedAt: new Date(deps.now()).toISOString(), ...log }, null, 2) };
    },
  };
  return { handlers, session };
}


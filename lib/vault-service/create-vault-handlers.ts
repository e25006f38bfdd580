/**
 * The vault's own message handlers: each validates nothing itself (dispatchMessage did) and calls one
 * lib/vault operation. Every request that uses the unlocked vault counts as activity and re-arms
 * auto-lock; a status check does not. Other features react to a deleted item through `onItemDeleted`.
 */
import type { HandlersOf } from '../messaging/define-message';
import type { vaultMessages } from '../protocol/vault-messages';
import { generateTotp } from '../totp/generate-totp';
import { parseTotpSecret } from '../totp/parse-totp-secret';
import type { UnlockedVault } from '../vault/keys/unlocked-vault';
import { createItem } from '../vault/items/create-item';
import { deleteItem, restoreItem } from '../vault/items/delete-item';
import { getItem } from '../vault/items/get-item';
import { listDeletedItems } from '../vault/items/list-deleted-items';
import { setFavourite } from '../vault/items/set-favourite';
import { purgeDeletedItems } from '../vault/items/purge-deleted-items';
import { updateItem } from '../vault/items/update-item';
import { changeMasterPassword } from '../vault/lifecycle/change-master-password';
import { checkVaultIntegrity } from '../vault/lifecycle/check-vault-integrity';
import { createVault } from '../vault/lifecycle/create-vault';
import { unlockVault } from '../vault/lifecycle/unlock-vault';
import type { IntegrityReport } from '../vault/model/integrity-report';
import { VaultError } from '../vault/model/vault-error';
import { commitChanges } from '../vault/records/commit-changes';
import { readAuditLog } from '../vault/records/read-audit-log';
import { recordAuditEvent } from '../vault/records/record-audit-event';
import type { HandlerContext } from './context/handler-context';

/** Shortest master password the background accepts, in UTF-16 units; the UI also requires a strength score of at least 3. */
const MIN_MASTER_PASSWORD_LENGTH = 8;

/** How other features react to the vault's events; the composition root wires them. */
export interface VaultHooks {
  /** Runs after an item is deleted, with its title before deletion (sharing revokes its live shares). */
  onItemDeleted: (vault: UnlockedVault, itemId: string, itemTitle: string | undefined) => Promise<unknown>;
  /** Runs after an unlock; checks the other records bound into the manifest (sharing's, T09) for the report. */
  onUnlocked: (vault: UnlockedVault) => Promise<IntegrityReport['records']>;
}

/**
 * @param ctx - the shared session and platform parts
 * @param hooks - other features' reactions to deletes and unlocks
 * @returns the handlers of lib/protocol/vault-messages
 */
export function createVaultHandlers(ctx: HandlerContext, hooks: VaultHooks): HandlersOf<typeof vaultMessages> {
  const { deps, session, unlocked, touch } = ctx;
  const { db } = deps;
  const titleOf = (vault: UnlockedVault, id: string) => {
    const summary = vault.summaries.get(id);
    return summary?.state === 'ok' ? { itemTitle: summary.title } : {};
  };
  const checkStrength = (password: string) => {
    if (password.length < MIN_MASTER_PASSWORD_LENGTH) {
      throw new VaultError('weak-password', `The master password must have at least ${MIN_MASTER_PASSWORD_LENGTH} characters.`);
    }
  };

  return {
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
      let unlockedNow;
      try {
        unlockedNow = await unlockVault(db, password, deps.now());
      } catch (error) {
        // Kept (times only) for the audit log, which cannot be written while locked.
        if (error instanceof VaultError && error.code === 'wrong-password') await deps.unlockFailures?.add(deps.now());
        throw error;
      }
      const { vault, integrity } = unlockedNow;
      await session.start(vault);
      const failed = (await deps.unlockFailures?.take()) ?? { times: [], dropped: 0 };
      if (failed.times.length > 0) {
        const events = failed.times.map((at, i) => ({ type: 'unlock-failed' as const, at, ...(i === 0 && failed.dropped > 0 ? { count: failed.dropped + 1 } : {}) }));
        await commitChanges(db, vault, { audit: events }, deps.now());
      }
      const { damaged } = await purgeDeletedItems(db, vault, deps.now());
      if (damaged.length > 0) integrity.quarantined = [...new Set([...integrity.quarantined, ...damaged])];
      // A failure there must not keep the vault locked: the records' own lists report what they cannot open.
      const records = await hooks.onUnlocked(vault).catch(() => undefined);
      await touch();
      return { integrity: records ? { ...integrity, records } : integrity, failedUnlocks: failed.times.length + failed.dropped };
    },
    async vaultLock() {
      try {
        if (await session.isUnlocked()) {
          const vault = await session.require();
          vault.lockRequested = true;
          await recordAuditEvent(db, vault, { type: 'vault-locked' }, deps.now());
        }
      } finally {
        // S4: a failed audit write or an unreadable header must never keep the vault unlocked.
        await session.end();
      }
      return {};
    },
    async vaultCheckIntegrity() {
      return { integrity: await checkVaultIntegrity(db, await unlocked()) };
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
      await hooks.onItemDeleted(vault, id, itemTitle);
      return {};
    },
    async itemRestore({ id }) {
      await restoreItem(db, await unlocked(), id, deps.now());
      return {};
    },
    async itemFavourite({ id, favourite }) {
      await setFavourite(db, await unlocked(), id, favourite, deps.now());
      return {};
    },
    async itemTrashList() {
      return { items: await listDeletedItems(db, await unlocked()) };
    },
    async itemRevealed({ id }) {
      const vault = await unlocked();
      await recordAuditEvent(db, vault, { type: 'password-revealed', itemId: id, ...titleOf(vault, id) }, deps.now());
      return {};
    },
    async itemCopied({ id, field, clip }) {
      const vault = await unlocked();
      await recordAuditEvent(db, vault, { type: `${field}-copied`, itemId: id, ...titleOf(vault, id) }, deps.now());
      await deps.timers.scheduleClipboardClear((await deps.settings.get()).clipboardSeconds, [clip]);
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
    async clipboardCopied({ clip }) {
      if (await session.isUnlocked()) await touch();
      await deps.timers.scheduleClipboardClear((await deps.settings.get()).clipboardSeconds, [clip]);
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
}

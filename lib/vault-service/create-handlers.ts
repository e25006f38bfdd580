/**
 * The composition root of the background: one vault session, and every feature's handlers built around it
 * (the vault's own, autofill, saves, import, export, health, sharing). Features do not know each other
 * here; where one reacts to another (a deleted item's shares, sharing's records checked at unlock), this
 * file wires the hook.
 */
import { createAutofillHandlers } from '../autofill/background/create-autofill-handlers';
import { createSaveHandlers } from '../autofill/background/create-save-handlers';
import { createExportHandlers } from '../export/background/create-export-handlers';
import { createHealthHandlers } from '../health/background/create-health-handlers';
import { createImportHandlers } from '../import/background/create-import-handlers';
import type { Handlers } from '../protocol/protocol';
import { createSharingHandlers } from '../sharing/background/create-sharing-handlers';
import { createLinksHandlers } from '../links/background/create-links-handlers';
import { revokeDeletedItemShares } from '../sharing/owner/revoke-deleted-item-shares';
import { announceChanges } from './announce-changes';
import { checkSharingAtUnlock } from '../sharing/sync/check-sharing-at-unlock';
import { checkFoldersAtUnlock, joinRecordReports } from '../folders/sync/check-folders-at-unlock';
import { acceptFolderKey } from '../folders/sync/accept-folder-key';
import { syncFolders } from '../folders/sync/sync-folders';
import { createFoldersHandlers } from '../folders/background/create-folders-handlers';
import { findFolderLogins } from '../folders/member/find-folder-logins';
import { reportFilled } from '../folders/member/report-filled';
import type { FoldersContext } from '../folders/folders-context';
import { deleteItem } from '../vault/items/delete-item';
import type { HandlerContext } from './context/handler-context';
import { VaultSession } from './context/vault-session';
import { createVaultHandlers } from './create-vault-handlers';
import type { ServiceDeps } from './service-deps';

/**
 * Builds every handler around one session.
 * @returns the handlers and the session (the background locks it from alarms)
 */
export function createHandlers(deps: ServiceDeps): { handlers: Handlers; session: VaultSession } {
  const session = new VaultSession(deps);
  const touch = async () => {
    const { autoLockMinutes } = await deps.settings.get();
    await deps.timers.armAutoLock(autoLockMinutes);
  };
  const unlocked = async () => {
    const vault = await session.require();
    await touch();
    return vault;
  };
  const ctx: HandlerContext<ServiceDeps> = { deps, session, unlocked, touch };
  // Shared folders (issue 13) sit above sharing: sharing hands them folder-key envelopes and runs their sync
  // after its own, autofill offers their logins, through these hooks (neither imports lib/folders).
  const folders = (): FoldersContext | null => (deps.sharing ? { db: deps.db, fetch: deps.sharing.fetch, now: deps.now } : null);
  const removeVaultItem = async (db: typeof deps.db, vault: Parameters<typeof deleteItem>[1], id: string, title: string) => {
    await deleteItem(db, vault, id, deps.now());
    await revokeDeletedItemShares(db, vault, id, title, deps.now());
  };
  const handlers: Handlers = {
    ...createVaultHandlers(ctx, {
      onItemDeleted: (vault, itemId, itemTitle) => revokeDeletedItemShares(deps.db, vault, itemId, itemTitle, deps.now()),
      onUnlocked: async (vault) => joinRecordReports(await checkSharingAtUnlock(deps.db, vault, deps.now()), await checkFoldersAtUnlock(deps.db, vault)),
    }),
    // A change proposed from the save bar goes out at once, as an edit made in the vault page does.
    ...createSaveHandlers(ctx, {
      afterProposal: async () => void (await handlers.sharingSync({}, { kind: 'extension-page' })),
      // A folder's password filled and submitted is the folder's, never saved as the user's own (S3).
      moreReceived: async (vault, site) => (await findFolderLogins(deps.db, vault, site, deps.now())).map((item) => ({ item, permission: 'view' as const, owner: 'a shared folder' })),
    }),
    ...createExportHandlers(ctx),
    ...createHealthHandlers(ctx),
    ...createAutofillHandlers(ctx, {
      moreLogins: (vault, site) => findFolderLogins(deps.db, vault, site, deps.now()),
      onFilled: (vault, id) => {
        const context = folders();
        if (context) void reportFilled(context, vault, id);
      },
    }),
    ...createImportHandlers(ctx),
    ...createSharingHandlers(ctx, {
      onFolderKey: async (delivery) => {
        const context = folders();
        return context ? acceptFolderKey(context, delivery) : 'done';
      },
      afterSync: async (vault) => {
        const context = folders();
        if (context) await syncFolders(context, vault);
      },
    }),
    ...createLinksHandlers(ctx),
    ...createFoldersHandlers(ctx, { removeVaultItem }),
  };
  return { handlers: deps.notifyVaultChange ? announceChanges(handlers, deps.notifyVaultChange) : handlers, session };
}

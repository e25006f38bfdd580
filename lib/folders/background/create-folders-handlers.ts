/**
 * The background's shared-folder handlers (issue 13): each wires one lib/folders operation to its message.
 * Every one needs the unlocked vault and the sharing identity (its relay and signing key); what the UI gets
 * is plain view data, and an autofill-only member's item never carries its password (S3).
 */
import type { VaultDb } from '../../db/vault-db';
import type { HandlersOf } from '../../messaging/define-message';
import type { SharingDeps } from '../../sharing/sync/sharing-platform';
import { readIdentity } from '../../sharing/store/read-identity';
import { wipeIdentity } from '../../sharing/identity/wipe-identity';
import type { CoreDeps } from '../../vault-service/context/core-deps';
import type { HandlerContext } from '../../vault-service/context/handler-context';
import type { UnlockedVault } from '../../vault/keys/unlocked-vault';
import { VaultError } from '../../vault/model/vault-error';
import type { foldersMessages } from '../folders-messages';
import type { FoldersContext } from '../folders-context';
import { accessRecord } from '../member/access-record';
import { verifyAccessExport } from '../member/verify-access-export';
import { folderSummary, folderView } from '../member/folder-view';
import { leaveFolder } from '../member/leave-folder';
import { moveVaultItem } from '../member/move-vault-item';
import { myFingerprint } from '../member/my-fingerprint';
import { openFolderItem } from '../member/open-folder-item';
import { findLive, writeFolderItem } from '../member/write-folder-item';
import { addFolderMember } from '../owner/add-folder-member';
import { changeFolderRole } from '../owner/change-folder-role';
import { createFolder } from '../owner/create-folder';
import { deleteFolder } from '../owner/delete-folder';
import { removeFolderMember } from '../owner/remove-folder-member';
import { commitFolders } from '../store/commit-folders';
import { loadFolders } from '../store/folder-records';
import { requireFolder } from '../store/require-folder';
import { syncFolders } from '../sync/sync-folders';
import { withSharingLock } from '../../sharing/store/sharing-lock';

/** What the folder handlers need from the rest of the background, wired by the composition root. */
export interface FolderHooks {
  /** Deletes a vault item as the vault's own delete does (with its hooks), after a move into a folder. */
  removeVaultItem: (db: VaultDb, vault: UnlockedVault, id: string, title: string) => Promise<void>;
}

/**
 * Builds the folder handlers over the context's session and sharing's relay fetch.
 * @returns one handler per message of lib/folders/folders-messages
 */
export function createFoldersHandlers(ctx: HandlerContext<CoreDeps & SharingDeps>, hooks: FolderHooks): HandlersOf<typeof foldersMessages> {
  const folders = (): FoldersContext => {
    const platform = ctx.deps.sharing;
    if (!platform) throw new VaultError('internal', 'Shared folders are not available in this build.');
    return { db: ctx.deps.db, fetch: platform.fetch, now: () => ctx.deps.now() };
  };
  /** My key fingerprint, or null without a sharing identity (the keys are wiped at once). */
  const me = async (vault: UnlockedVault): Promise<string | null> => {
    const opened = await readIdentity(ctx.deps.db, vault);
    if (!opened) return null;
    try {
      return myFingerprint(opened.identity);
    } finally {
      wipeIdentity(opened.identity);
    }
  };

  return {
    async folderList() {
      const vault = await ctx.unlocked();
      const { records, damaged } = await loadFolders(ctx.deps.db, vault);
      const mine = await me(vault);
      return { folders: records.map((folder) => folderSummary(folder, mine)), damaged: damaged.length };
    },

    async folderGet({ folderId }) {
      const vault = await ctx.unlocked();
      return folderView(await requireFolder(ctx.deps.db, vault, folderId), await me(vault), ctx.deps.now());
    },

    async folderCreate({ name }) {
      const vault = await ctx.unlocked();
      return { folderId: await createFolder(folders(), vault, name) };
    },

    async folderItemGet({ folderId, itemId }) {
      const vault = await ctx.unlocked();
      return openFolderItem(folders(), vault, folderId, itemId);
    },

    async folderItemAdd({ folderId, item }) {
      const vault = await ctx.unlocked();
      return { itemId: await writeFolderItem(folders(), vault, folderId, { itemId: null, item, baseRev: 0 }) };
    },

    async folderItemMove({ folderId, vaultItemId }) {
      const vault = await ctx.unlocked();
      return { itemId: await moveVaultItem(folders(), vault, folderId, vaultItemId, hooks.removeVaultItem) };
    },

    async folderItemEdit({ folderId, itemId, item, baseRev }) {
      const vault = await ctx.unlocked();
      await writeFolderItem(folders(), vault, folderId, { itemId, item, baseRev });
      return {};
    },

    async folderItemDelete({ folderId, itemId }) {
      const vault = await ctx.unlocked();
      const current = findLive(await requireFolder(ctx.deps.db, vault, folderId), itemId);
      await writeFolderItem(folders(), vault, folderId, { itemId, item: null, baseRev: current?.rev ?? 0 });
      return {};
    },

    async folderMemberAdd(request) {
      const vault = await ctx.unlocked();
      await addFolderMember(folders(), vault, request);
      return {};
    },

    async folderMemberRole({ folderId, fingerprint, role, autofillOnly, accessEndsAt }) {
      const vault = await ctx.unlocked();
      await changeFolderRole(folders(), vault, folderId, fingerprint, { role, autofillOnly, accessEndsAt });
      return {};
    },

    async folderMemberRemove({ folderId, fingerprint }) {
      const vault = await ctx.unlocked();
      return { rotate: await removeFolderMember(folders(), vault, folderId, fingerprint) };
    },

    async folderRotateDismiss({ folderId, fingerprint }) {
      const vault = await ctx.unlocked();
      await withSharingLock(vault, async () => {
        const folder = await requireFolder(ctx.deps.db, vault, folderId);
        if (folder.rotateDismissed.includes(fingerprint)) return;
        await commitFolders(ctx.deps.db, vault, { folders: [{ ...folder, rotateDismissed: [...folder.rotateDismissed, fingerprint] }] }, ctx.deps.now());
      });
      return {};
    },

    async folderLeave({ folderId }) {
      const vault = await ctx.unlocked();
      await leaveFolder(folders(), vault, folderId);
      return {};
    },

    async folderDelete({ folderId }) {
      const vault = await ctx.unlocked();
      await deleteFolder(folders(), vault, folderId);
      return {};
    },

    async folderSync() {
      const vault = await ctx.unlocked();
      return syncFolders(folders(), vault);
    },

    async folderAccessVerify({ jsonl }) {
      const vault = await ctx.unlocked();
      return verifyAccessExport(ctx.deps.db, vault, jsonl);
    },

    async folderAccessRecord({ folderId, itemId }) {
      const vault = await ctx.unlocked();
      return accessRecord(await requireFolder(ctx.deps.db, vault, folderId), itemId ?? null, ctx.deps.now());
    },
  };
}

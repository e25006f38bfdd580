/**
 * Creates a shared folder: a fresh folder id and FK_1, the creator's signed `create` entry, and this vault's
 * sealed record of it, stored BEFORE the relay is asked to take the entry as entry 1 (the creator becomes its
 * first manager): an answer lost after the relay stored it would otherwise orphan the folder on the relay
 * and lose its key here. The record is marked `createPending` until the relay answers; a lost answer is
 * settled by the next sync (confirmFolderCreate), which asks again with the same entry: the relay answers a
 * repeated identical create `created: false`. A definite refusal (a 4xx) removes the record: nothing was stored.
 */
import { toBase64 } from '../../crypto/base64';
import { wipe } from '../../crypto/wipe';
import type { RelayClient } from '../../relay-protocol/relay-client';
import { RelayError } from '../../relay-protocol/relay-error';
import type { UnlockedVault } from '../../vault/keys/unlocked-vault';
import { VaultError } from '../../vault/model/vault-error';
import { createFolderEntry } from '../format/log/create-folder-entry';
import type { FoldersContext } from '../folders-context';
import { folderRelayFailure } from '../member/folder-relay-failure';
import { withFolderSession } from '../member/folder-session';
import { commitFolders } from '../store/commit-folders';
import { newStoredFolder } from '../store/new-stored-folder';
import type { StoredFolder } from '../store/stored-folder';

/**
 * @param name - the folder's name, 1–200 characters (validated by the message)
 * @returns the new folder's id
 * @throws VaultError when sharing is not set up or the relay refuses (nothing stored), or `internal` when
 *   the relay's answer did not come (the folder is kept and the next sync completes it)
 */
export function createFolder(ctx: FoldersContext, vault: UnlockedVault, name: string): Promise<string> {
  return withFolderSession(ctx, vault, async ({ me, relay }) => {
    const now = ctx.now();
    const { entry, state, key } = createFolderEntry(me, now);
    try {
      const pending = { ...newStoredFolder(state, [JSON.stringify(entry)], name, 'member'), keys: [{ epoch: 1, key: toBase64(key) }], createPending: true };
      await commitFolders(ctx.db, vault, { folders: [pending] }, now);
      const outcome = await confirmFolderCreate(relay, pending);
      if (outcome === 'unknown') throw new VaultError('internal', 'The relay did not answer. The new folder is kept on this device and is created on the relay at the next sync.');
      if ('refused' in outcome) {
        await commitFolders(ctx.db, vault, { remove: [pending.folderId] }, now);
        return folderRelayFailure(outcome.refused);
      }
      await commitFolders(ctx.db, vault, { folders: [outcome.folder], audit: [{ type: 'folder-created', itemTitle: name }] }, now);
      return state.folderId;
    } finally {
      wipe(key);
    }
  });
}

/**
 * Asks the relay to create a pending folder with its own entry 1 (the same text every time).
 * @returns the folder confirmed (created now, or stored by an earlier try whose answer was lost),
 *   `{ refused }` when the relay answered a 4xx (nothing stored: the folder cannot be created), or
 *   'unknown' when no usable answer came (offline, 5xx, 429, a garbled answer): try again later
 * @throws whatever is not a RelayError
 */
export async function confirmFolderCreate(relay: RelayClient, folder: StoredFolder): Promise<{ folder: StoredFolder } | { refused: RelayError } | 'unknown'> {
  try {
    await relay.createFolder(folder.folderId, folder.log[0]!);
    return { folder: { ...folder, createPending: false } };
  } catch (error) {
    if (!(error instanceof RelayError)) throw error;
    return error.kind === 'refused' ? { refused: error } : 'unknown';
  }
}

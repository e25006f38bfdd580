/**
 * An editor or manager adds, edits or deletes a folder item: one signed item message, numbered by the relay,
 * then the folder's messages are pulled and applied in relay order (so two edits at once end the same on
 * every client: the later one wins, the earlier stays in the item's history, marked as a conflict).
 */
import { toBase64Url } from '../../crypto/base64url';
import { randomBytes } from '../../crypto/random-bytes';
import { shareableContent } from '../../vault/model/item-fields';
import { itemInputSchema, type ItemContent, type ItemInput } from '../../vault/model/item-schema';
import { VaultError } from '../../vault/model/vault-error';
import type { UnlockedVault } from '../../vault/keys/unlocked-vault';
import type { FoldersContext } from '../folders-context';
import { commitFolders } from '../store/commit-folders';
import { requireActiveFolder } from '../store/require-folder';
import type { StoredFolder } from '../store/stored-folder';
import { pullMessages } from './pull-messages';
import { withFolderSession } from './folder-session';
import { postFolderMessage } from './post-folder-message';

/** A fresh folder item id: 16 random bytes, base64url (22 characters). */
export function newFolderItemId(): string {
  return toBase64Url(randomBytes(16));
}

/**
 * The content a folder item gets from an editor's input: shared fields only (no folder, tags, favourite or
 * password history of anyone's own vault), times set.
 * @param previous - the item's current content when editing (its creation time is kept)
 */
export function folderContent(input: ItemInput, previous: ItemContent | null, now: number): ItemContent {
  const parsed = itemInputSchema.parse(input);
  const createdAt = previous?.createdAt ?? now;
  const content: ItemContent = parsed.type === 'login' ? { ...parsed, createdAt, updatedAt: now, passwordHistory: [] } : { ...parsed, createdAt, updatedAt: now };
  return shareableContent(content);
}

/** What to write: a new item (itemId null), an edit of `baseRev`, or a delete (item null). */
export interface ItemWrite {
  itemId: string | null;
  item: ItemInput | null;
  /** The rev the edit was made on (the UI's); 0 for a new item. */
  baseRev: number;
}

/**
 * @returns the item's id
 * @throws VaultError `not-found` (no such item to edit or delete), `forbidden` (a viewer, or no longer a
 *   member), `conflict`, `corrupted`, relay failures: nothing is posted or stored then
 */
export function writeFolderItem(ctx: FoldersContext, vault: UnlockedVault, folderId: string, write: ItemWrite): Promise<string> {
  return withFolderSession(ctx, vault, async ({ me, relay }) => {
    const now = ctx.now();
    const start = await requireActiveFolder(ctx.db, vault, folderId);
    const itemId = write.itemId ?? newFolderItemId();
    const current = write.itemId === null ? null : findLive(start, write.itemId);
    if (write.itemId !== null && !current) throw new VaultError('not-found', 'This item is no longer in the folder.');
    const item = write.item === null ? null : folderContent(write.item, current?.item ?? null, now);
    const { folder } = await postFolderMessage(me, relay, start, { kind: 'item', itemId, baseRev: write.itemId === null ? 0 : write.baseRev, item, at: now }, now);
    const pulled = await pullMessages(me, relay, folder, now, start.state);
    await commitFolders(ctx.db, vault, { folders: [pulled.folder] }, now);
    return itemId;
  });
}

/** The live item `itemId` of the folder, or undefined. */
export function findLive(folder: StoredFolder, itemId: string) {
  const item = Object.hasOwn(folder.applied.items, itemId) ? folder.applied.items[itemId] : undefined;
  return item?.item ? item : undefined;
}

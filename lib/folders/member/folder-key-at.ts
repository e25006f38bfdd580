/**
 * The folder key of one epoch, from the keys this member holds: directly, or down the backward key chain
 * (the entry that starts epoch e+1 carries FK_e wrapped under FK_{e+1}), so a member added later opens
 * the items written before they joined, and a removed member, who holds only keys up to their last epoch,
 * opens nothing written after it.
 */
import { fromBase64 } from '../../crypto/base64';
import { asKey, type FolderKey } from '../../crypto/keys';
import { unwrapKey } from '../../crypto/unwrap-key';
import { wipe } from '../../crypto/wipe';
import { prevKeyWrapContext } from '../format/keys/folder-contexts';
import { epochInfo } from '../format/log/folder-state-queries';
import { fromSealedWire } from '../format/sealed-wire';
import type { StoredFolder } from '../store/stored-folder';

/**
 * @param epoch - 1..the state's epoch
 * @returns a fresh copy of FK_epoch (the caller wipes it), or null when no key held reaches it (or a wrap
 *   does not open: the chain is checked by its AEAD)
 */
export function folderKeyAt(folder: Pick<StoredFolder, 'keys' | 'state'>, epoch: number): FolderKey | null {
  const held = folder.keys.filter((k) => k.epoch >= epoch).sort((a, b) => a.epoch - b.epoch)[0];
  if (!held) return null;
  let key = asKey<FolderKey>(fromBase64(held.key));
  for (let e = held.epoch; e > epoch; e--) {
    const wrap = epochInfo(folder.state, e)?.prevKeyWrap;
    if (!wrap) {
      wipe(key);
      return null;
    }
    try {
      const older = unwrapKey<'folder-key'>(key, fromSealedWire(wrap), prevKeyWrapContext(folder.state.folderId, e - 1));
      wipe(key);
      key = older;
    } catch {
      wipe(key);
      return null;
    }
  }
  return key;
}

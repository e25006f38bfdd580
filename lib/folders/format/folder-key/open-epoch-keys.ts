/**
 * The backward key chain (Keybase per-team-key style): the entry that starts epoch e+1 carries FK_e wrapped
 * under FK_{e+1}, so whoever holds the newest key opens every older one and a new member can read the
 * folder's existing items; a removed member holds keys only up to the epoch their removal ended.
 */
import type { FolderKey } from '../../../crypto/keys';
import { unwrapKey } from '../../../crypto/unwrap-key';
import { epochInfo } from '../log/folder-state-queries';
import type { FolderState } from '../log/folder-state';
import { fromSealedWire } from '../sealed-wire';
import { prevKeyWrapContext } from '../keys/folder-contexts';
import { folderKeyCommitment } from '../keys/folder-key-commitment';
import { FolderKeyError } from '../keys/folder-key-error';

/**
 * Opens every epoch key from `epoch` down to 1, each checked against the log's commitment.
 * @param state - the verified log
 * @param epoch - the epoch of `key`, 1..state.epoch
 * @param key - that epoch's 32-byte key (from a folder-key envelope already accepted)
 * @returns epoch → key for 1..epoch (the given key included, not copied)
 * @throws FolderKeyError `wrong-epoch` when the log has no such epoch, `commitment-mismatch` when a key
 *   (given or unwrapped) is not the one the log committed to; DecryptError when a wrap does not open
 */
export function openEpochKeys(state: FolderState, epoch: number, key: FolderKey): Map<number, FolderKey> {
  const keys = new Map<number, FolderKey>();
  let current = key;
  for (let e = epoch; e >= 1; e--) {
    const info = epochInfo(state, e);
    if (!info) throw new FolderKeyError('wrong-epoch');
    if (folderKeyCommitment(current, state.folderId, e) !== info.keyCommitment) throw new FolderKeyError('commitment-mismatch');
    keys.set(e, current);
    if (e === 1) break;
    if (!info.prevKeyWrap) throw new FolderKeyError('wrong-epoch');
    current = unwrapKey<'folder-key'>(current, fromSealedWire(info.prevKeyWrap), prevKeyWrapContext(state.folderId, e - 1));
  }
  return keys;
}

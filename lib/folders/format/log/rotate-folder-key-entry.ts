/** A manager rotates the folder key without removing anyone (after someone left or their access ended by date). */
import type { FolderKey } from '../../../crypto/keys';
import type { Identity } from '../../../sharing/identity/identity';
import { buildRotatingEntry, type RotatedEntry } from './build-entry';
import type { FolderState } from './folder-state';

/**
 * @param author - my identity; an active manager in `state`
 * @param state - the latest verified state
 * @param currentKey - FK of the current epoch (checked against the log's commitment)
 * @param cursor - the folder-message seq I have applied
 * @param now - ms since epoch
 * @returns the `rotate` entry, the state after it, and the new key to seal to each member
 * @throws FolderLogError `not-authorised`; FolderKeyError `commitment-mismatch`
 */
export function rotateFolderKeyEntry(author: Identity, state: FolderState, currentKey: FolderKey, cursor: number, now: number): RotatedEntry {
  return buildRotatingEntry(author, state, { op: 'rotate', cursor }, currentKey, now);
}

/**
 * The part every entry builder shares: fills in folder, seq, prev, author and epoch from the state, signs,
 * and replays the new entry on the state, so a builder never returns an entry that other members would
 * refuse (an entry by a non-manager, a last manager leaving) and the caller gets the state it leads to.
 */
import { toBase64 } from '../../../crypto/base64';
import { generateKey } from '../../../crypto/generate-key';
import type { FolderKey } from '../../../crypto/keys';
import { wrapKey } from '../../../crypto/wrap-key';
import type { Identity } from '../../../sharing/identity/identity';
import { keyFingerprint } from '../../../sharing/identity/key-fingerprint';
import { folderKeyCommitment } from '../keys/folder-key-commitment';
import { prevKeyWrapContext } from '../keys/folder-contexts';
import { FolderKeyError } from '../keys/folder-key-error';
import { toSealedWire } from '../sealed-wire';
import type { FolderState } from './folder-state';
import type { LogEntry, UnsignedLogEntry } from './log-entry';
import { extendFolderLog } from './replay-folder-log';
import { signLogEntry } from './sign-log-entry';

/** An entry ready to append, and the state it leads to (after the relay stores it at `entry.seq`). */
export interface BuiltEntry {
  entry: LogEntry;
  state: FolderState;
}

/** An entry that starts a new epoch, with that epoch's fresh key: seal it to every remaining member. */
export interface RotatedEntry extends BuiltEntry {
  /** FK of `entry.epoch`, 32 random bytes; the caller keeps it and wipes it when done. */
  key: FolderKey;
}

/** What an op sets beyond the common fields. */
export type EntryFields = Pick<UnsignedLogEntry, 'op'> & Partial<Pick<UnsignedLogEntry, 'subject' | 'role' | 'autofillOnly' | 'accessEndsAt' | 'cursor'>>;

/**
 * @throws FolderLogError when the entry would not count on `state`
 */
export function buildEntry(author: Identity, state: FolderState, fields: EntryFields, now: number): BuiltEntry {
  return finish(author, state, { ...common(author, state, now), ...fields });
}

/**
 * An entry that starts epoch+1: a fresh key, its commitment, and the current key wrapped under it.
 * @param currentKey - FK of the current epoch; must match the state's commitment
 * @throws FolderKeyError `commitment-mismatch` for another key; FolderLogError when the entry would not count
 */
export function buildRotatingEntry(author: Identity, state: FolderState, fields: EntryFields, currentKey: FolderKey, now: number): RotatedEntry {
  if (folderKeyCommitment(currentKey, state.folderId, state.epoch) !== state.keyCommitment) throw new FolderKeyError('commitment-mismatch');
  const key = generateKey<FolderKey>();
  const epoch = state.epoch + 1;
  const prevKeyWrap = toSealedWire(wrapKey<'folder-key'>(key, currentKey, prevKeyWrapContext(state.folderId, state.epoch)));
  const built = finish(author, state, { ...common(author, state, now), ...fields, epoch, keyCommitment: folderKeyCommitment(key, state.folderId, epoch), prevKeyWrap });
  return { ...built, key };
}

function common(author: Identity, state: FolderState, now: number): Omit<UnsignedLogEntry, 'op'> {
  return {
    v: 1,
    folderId: state.folderId,
    seq: state.head.seq + 1,
    prev: state.head.hash,
    author: { handle: author.handle, fingerprint: toBase64(keyFingerprint(author)) },
    epoch: state.epoch,
    keyCommitment: state.keyCommitment,
    // A clock behind the last entry's author's still makes an entry others accept.
    at: Math.max(now, state.lastAt),
  };
}

function finish(author: Identity, state: FolderState, unsigned: UnsignedLogEntry): BuiltEntry {
  const entry = signLogEntry(author, unsigned);
  return { entry, state: extendFolderLog(state, [entry]) };
}

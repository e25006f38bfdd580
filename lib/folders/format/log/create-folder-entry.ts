/** Starts a shared folder: a fresh folder id and FK_1, and the creator's signed entry 1 (`create`, manager, epoch 1). */
import { toBase64 } from '../../../crypto/base64';
import { generateKey } from '../../../crypto/generate-key';
import type { FolderKey } from '../../../crypto/keys';
import type { Identity } from '../../../sharing/identity/identity';
import { keyFingerprint } from '../../../sharing/identity/key-fingerprint';
import { newFolderId } from '../folder-id';
import { folderKeyCommitment } from '../keys/folder-key-commitment';
import type { RotatedEntry } from './build-entry';
import { logSubjectOf } from './log-subject';
import { GENESIS_PREV, replayFolderLog } from './replay-folder-log';
import { signLogEntry } from './sign-log-entry';

/**
 * @param creator - my identity: the first manager
 * @param now - ms since epoch
 * @param folderId - the new folder's id; a fresh one by default
 * @returns entry 1 (to POST /v1/folders), the state it makes (its genesis is to be pinned) and FK_1
 * @example const { entry, state, key } = createFolderEntry(me, Date.now());
 */
export function createFolderEntry(creator: Identity, now: number, folderId: string = newFolderId()): RotatedEntry {
  const key = generateKey<FolderKey>();
  const entry = signLogEntry(creator, {
    v: 1,
    folderId,
    seq: 1,
    prev: GENESIS_PREV,
    op: 'create',
    author: { handle: creator.handle, fingerprint: toBase64(keyFingerprint(creator)) },
    subject: logSubjectOf(creator),
    role: 'manager',
    autofillOnly: false,
    accessEndsAt: null,
    epoch: 1,
    keyCommitment: folderKeyCommitment(key, folderId, 1),
    at: now,
  });
  return { entry, state: replayFolderLog([entry]), key };
}

/**
 * A manager seals a folder's current key to one member (issue 13) in a `folder-key` envelope, through the
 * existing sealEnvelope path (HPKE, X-Wing to a member whose keys include one, T27). The recipient's keys
 * come from the verified log, never from the relay or a lookup: a key no valid entry names, or a member the
 * latest state removed, never receives a folder key (T23, T05, T24).
 */
import { toBase64 } from '../../../crypto/base64';
import type { FolderKey } from '../../../crypto/keys';
import { sealEnvelope } from '../../../sharing/envelope/seal-envelope';
import type { Identity } from '../../../sharing/identity/identity';
import { keyFingerprint } from '../../../sharing/identity/key-fingerprint';
import { folderShareId } from '../folder-id';
import { MAX_FOLDER_NAME_LENGTH } from '../folder-limits';
import { accessEndedAt, memberIdentity } from '../log/folder-state-queries';
import type { FolderState } from '../log/folder-state';
import { folderKeyCommitment } from '../keys/folder-key-commitment';
import { FolderKeyError } from '../keys/folder-key-error';

/** What to seal to whom. */
export interface FolderKeyDraft {
  /** The member's key fingerprint (base64), as the log names them. */
  recipient: string;
  /** The current epoch (older ones reach members through the key chain). */
  epoch: number;
  /** That epoch's 32-byte key; must match the log's commitment. */
  key: FolderKey;
  /** The folder's name, ≤ 200 characters. */
  name: string;
  /** ms since epoch. */
  now: number;
}

/**
 * @param me - my identity; an active manager at the state's head
 * @param state - the latest verified state
 * @param draft - recipient, epoch, key, name and time
 * @returns the serialised envelope for the recipient's mailbox (sealEnvelope: at most 64 KiB)
 * @throws FolderKeyError `not-manager` (I am not an active manager), `not-member` (the recipient is not a
 *   present member with access at `now`, including anyone removed), `to-myself`, `wrong-epoch` (not the
 *   current epoch), `commitment-mismatch` (not the committed key); RangeError for a name over 200 characters
 */
export function sealFolderKeyEnvelope(me: Identity, state: FolderState, draft: FolderKeyDraft): string {
  const mine = toBase64(keyFingerprint(me));
  const self = Object.hasOwn(state.members, mine) ? state.members[mine] : undefined;
  if (state.deleted || !self || self.role !== 'manager' || accessEndedAt(self.accessEndsAt, draft.now)) throw new FolderKeyError('not-manager');
  if (draft.recipient === mine) throw new FolderKeyError('to-myself');
  const member = Object.hasOwn(state.members, draft.recipient) ? state.members[draft.recipient] : undefined;
  if (!member || accessEndedAt(member.accessEndsAt, draft.now)) throw new FolderKeyError('not-member');
  if (draft.epoch !== state.epoch) throw new FolderKeyError('wrong-epoch');
  if (folderKeyCommitment(draft.key, state.folderId, draft.epoch) !== state.keyCommitment) throw new FolderKeyError('commitment-mismatch');
  if (draft.name.length > MAX_FOLDER_NAME_LENGTH) throw new RangeError('sealFolderKeyEnvelope: name over 200 characters');
  return sealEnvelope(me, memberIdentity(member), {
    shareId: folderShareId(state.folderId),
    itemId: 'folder',
    version: draft.epoch,
    created: draft.now,
    body: { kind: 'folder-key', folderId: state.folderId, epoch: draft.epoch, key: toBase64(draft.key), genesis: state.genesis, head: state.head, name: draft.name },
  });
}

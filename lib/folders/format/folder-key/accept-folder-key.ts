/**
 * A member checks a received folder-key envelope against the verified log (issue 13). openEnvelope has
 * already checked that it is sealed to me and signed by the pinned contact the address names; here:
 * the folder and genesis are the log's, the sender's head is in the log (else fork or withheld, T24), the
 * sender is an active manager at that head, I am a member there under my own keys, the epoch is the one
 * current at that head (an old envelope replayed, or one re-targeted to another epoch, is refused, T03), and
 * the key matches the log's commitment.
 */
import { fromBase64, toBase64 } from '../../../crypto/base64';
import { asKey, type FolderKey } from '../../../crypto/keys';
import type { OpenedEnvelope } from '../../../sharing/envelope/envelope-schema';
import type { Identity } from '../../../sharing/identity/identity';
import { keyFingerprint } from '../../../sharing/identity/key-fingerprint';
import { folderShareId } from '../folder-id';
import { checkSenderHead } from '../log/check-served-log';
import { accessAt, accessEndedAt, epochAt, findMember } from '../log/folder-state-queries';
import type { FolderState } from '../log/folder-state';
import { folderKeyCommitment } from '../keys/folder-key-commitment';
import { FolderKeyError } from '../keys/folder-key-error';

/** A folder key that counts. */
export interface AcceptedFolderKey {
  folderId: string;
  epoch: number;
  /** 32 bytes; the caller seals it into the folder record and wipes it when done. */
  key: FolderKey;
  /** The folder's name as the manager sent it. */
  name: string;
  /** The manager's key fingerprint (base64). */
  sender: string;
}

/**
 * @param opened - openEnvelope's output, opened with the pinned sender's keys
 * @param me - my identity
 * @param state - the state replayed from the served log (with the pinned genesis when I have one)
 * @returns the key and what it is for
 * @throws FolderKeyError `not-folder-key`, `wrong-folder`, `genesis-mismatch`, `fork`, `withheld`,
 *   `not-manager`, `not-member`, `wrong-epoch` or `commitment-mismatch`
 */
export function acceptFolderKeyEnvelope(opened: OpenedEnvelope, me: Identity, state: FolderState): AcceptedFolderKey {
  const { header, body } = opened;
  if (body.kind !== 'folder-key' || header.kind !== 'folder-key') throw new FolderKeyError('not-folder-key');
  // openEnvelope checked header and body agree; the log's folder must be the one both name.
  if (body.folderId !== state.folderId || header.shareId !== folderShareId(state.folderId)) throw new FolderKeyError('wrong-folder');
  if (body.genesis !== state.genesis) throw new FolderKeyError('genesis-mismatch');
  const head = checkSenderHead(state, body.head);
  if (head !== 'ok') throw new FolderKeyError(head);
  const sender = header.sender.fingerprint;
  const senderAccess = accessAt(state, sender, body.head.seq);
  if (!senderAccess || senderAccess.role !== 'manager' || accessEndedAt(senderAccess.accessEndsAt, header.created)) throw new FolderKeyError('not-manager');
  const mine = toBase64(keyFingerprint(me));
  const member = findMember(state, mine);
  if (!accessAt(state, mine, body.head.seq) || !member || !sameKeys(member.keys, me)) throw new FolderKeyError('not-member');
  if (header.version !== body.epoch || epochAt(state, body.head.seq).epoch !== body.epoch) throw new FolderKeyError('wrong-epoch');
  let key: FolderKey;
  try {
    key = asKey<FolderKey>(fromBase64(body.key));
  } catch {
    throw new FolderKeyError('commitment-mismatch');
  }
  if (folderKeyCommitment(key, state.folderId, body.epoch) !== epochAt(state, body.head.seq).keyCommitment) throw new FolderKeyError('commitment-mismatch');
  return { folderId: state.folderId, epoch: body.epoch, key, name: body.name, sender };
}

/** The log names my keys: the fingerprint covers X25519 and Ed25519; an X-Wing key it names must be mine. */
function sameKeys(keys: { encryptionKey: string; signingKey: string; xwingKey?: string }, me: Identity): boolean {
  if (keys.encryptionKey !== toBase64(me.encryptionKey) || keys.signingKey !== toBase64(me.signingKey)) return false;
  return keys.xwingKey === undefined || (me.xwingKey !== undefined && keys.xwingKey === toBase64(me.xwingKey));
}

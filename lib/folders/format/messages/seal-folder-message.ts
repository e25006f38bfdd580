/**
 * Seals a folder message (issue 13): a fresh 32-byte content key per message, wrapped under the current
 * epoch's folder key (bound to folder, message id and epoch), the content sealed under it (bound to folder
 * and message id), and the author's signature over the rest. Written after a removal, it uses the new
 * epoch, so the removed member's keys open none of it.
 */
import { toBase64 } from '../../../crypto/base64';
import { generateKey } from '../../../crypto/generate-key';
import type { FolderContentKey, FolderKey } from '../../../crypto/keys';
import { seal } from '../../../crypto/seal';
import { signEd25519 } from '../../../crypto/sign-ed25519';
import { wipe } from '../../../crypto/wipe';
import { wrapKey } from '../../../crypto/wrap-key';
import type { Identity } from '../../../sharing/identity/identity';
import { keyFingerprint } from '../../../sharing/identity/key-fingerprint';
import { utf8ToBytes } from '@noble/hashes/utils.js';
import { MAX_FOLDER_MESSAGE_BYTES } from '../folder-limits';
import { contentKeyContext, messageContentContext } from '../keys/folder-contexts';
import { folderKeyCommitment } from '../keys/folder-key-commitment';
import { FolderKeyError } from '../keys/folder-key-error';
import type { FolderState } from '../log/folder-state';
import { toSealedWire } from '../sealed-wire';
import { folderMessageContentSchema, folderMessageSchema, newFolderMessageId, type FolderMessage, type FolderMessageContentInput } from './folder-message';
import { folderMessageSigningBytes } from './folder-message-bytes';

/**
 * @param author - my identity; a present member of `state` (what my role allows is the apply rule's call)
 * @param state - my latest verified state: its head goes into the message
 * @param key - FK of the state's current epoch (checked against the log's commitment)
 * @param content - an item revision, a receipt or the folder's name; validated here
 * @param id - the message id (16 bytes base64url); fresh by default, the same on a retry
 * @returns the signed message, at most 64 KiB as JSON, for POST /v1/folders/:id/messages
 * @throws FolderKeyError `not-member` or `commitment-mismatch`; ZodError for invalid content; RangeError over 64 KiB
 * @example const message = sealFolderMessage(me, state, fk, { kind: 'item', itemId, baseRev: 0, item, at: now });
 */
export function sealFolderMessage(author: Identity, state: FolderState, key: FolderKey, content: FolderMessageContentInput, id: string = newFolderMessageId()): FolderMessage {
  const fingerprint = toBase64(keyFingerprint(author));
  if (state.deleted || !Object.hasOwn(state.members, fingerprint)) throw new FolderKeyError('not-member');
  if (folderKeyCommitment(key, state.folderId, state.epoch) !== state.keyCommitment) throw new FolderKeyError('commitment-mismatch');
  const checked = folderMessageContentSchema.parse(content);
  const contentKey = generateKey<FolderContentKey>();
  const plaintext = utf8ToBytes(JSON.stringify(checked));
  try {
    const unsigned = {
      v: 1 as const,
      folderId: state.folderId,
      id,
      epoch: state.epoch,
      author: fingerprint,
      head: state.head,
      wrappedKey: toSealedWire(wrapKey<'folder-content-key'>(key, contentKey, contentKeyContext(state.folderId, id, state.epoch))),
      content: toSealedWire(seal(contentKey, plaintext, messageContentContext(state.folderId, id))),
    };
    const message = { ...unsigned, sig: toBase64(signEd25519(author.signingSecretKey, folderMessageSigningBytes(unsigned))) };
    if (JSON.stringify(message).length > MAX_FOLDER_MESSAGE_BYTES) throw new RangeError('sealFolderMessage: message exceeds 64 KiB');
    return folderMessageSchema.parse(message);
  } finally {
    wipe(contentKey, plaintext);
  }
}

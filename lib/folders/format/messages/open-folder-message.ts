/**
 * Reads folder messages: parse the wire form, verify the author's signature with the key the log names,
 * and open the content with the epoch's folder key. Opening does not check roles or heads: the apply rule
 * (apply-folder-messages) does.
 */
import { fromBase64 } from '../../../crypto/base64';
import type { FolderContentKey, FolderKey } from '../../../crypto/keys';
import { openSealed } from '../../../crypto/open-sealed';
import { unwrapKey } from '../../../crypto/unwrap-key';
import { verifyEd25519 } from '../../../crypto/verify-ed25519';
import { wipe } from '../../../crypto/wipe';
import { MAX_FOLDER_MESSAGE_BYTES } from '../folder-limits';
import { contentKeyContext, messageContentContext } from '../keys/folder-contexts';
import { findMember } from '../log/folder-state-queries';
import type { FolderState } from '../log/folder-state';
import { fromSealedWire } from '../sealed-wire';
import { folderMessageContentSchema, folderMessageSchema, type FolderMessage, type FolderMessageContent } from './folder-message';
import { folderMessageSigningBytes } from './folder-message-bytes';
import { FolderMessageError } from './folder-message-error';

const decoder = new TextDecoder('utf-8', { fatal: true });

/**
 * @param raw - a message object or its JSON text, untrusted; at most 64 KiB as JSON
 * @throws FolderMessageError `malformed`
 */
export function parseFolderMessage(raw: unknown): FolderMessage {
  let value = raw;
  try {
    if (typeof raw === 'string') {
      if (raw.length > MAX_FOLDER_MESSAGE_BYTES) throw new FolderMessageError('malformed');
      value = JSON.parse(raw);
    } else if (JSON.stringify(raw).length > MAX_FOLDER_MESSAGE_BYTES) {
      throw new FolderMessageError('malformed');
    }
  } catch {
    throw new FolderMessageError('malformed');
  }
  const parsed = folderMessageSchema.safeParse(value);
  if (!parsed.success) throw new FolderMessageError('malformed');
  return parsed.data;
}

/**
 * @param state - the verified log: the author's signing key comes from it (present or former member), never from the relay
 * @param message - a parsed message
 * @returns true when the folder is the log's and the author's log-named key signed the message
 */
export function verifyFolderMessage(state: FolderState, message: FolderMessage): boolean {
  const author = findMember(state, message.author);
  if (!author || message.folderId !== state.folderId) return false;
  return verifyEd25519(fromBase64(author.keys.signingKey), folderMessageSigningBytes(message), fromBase64(message.sig));
}

/**
 * @param message - a parsed message (verify it first)
 * @param key - FK of `message.epoch`
 * @returns the content
 * @throws FolderMessageError `unreadable` for any failure: wrong key or epoch, a wrap or content moved from
 *   another message or folder, tampering, content that is not a valid message content
 */
export function openFolderMessage(message: FolderMessage, key: FolderKey): FolderMessageContent {
  let plaintext: Uint8Array | undefined;
  let contentKey: FolderContentKey | undefined;
  try {
    contentKey = unwrapKey<'folder-content-key'>(key, fromSealedWire(message.wrappedKey), contentKeyContext(message.folderId, message.id, message.epoch));
    plaintext = openSealed(contentKey, fromSealedWire(message.content), messageContentContext(message.folderId, message.id));
    return folderMessageContentSchema.parse(JSON.parse(decoder.decode(plaintext)));
  } catch {
    throw new FolderMessageError('unreadable');
  } finally {
    wipe(plaintext, contentKey);
  }
}

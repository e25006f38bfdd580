/**
 * The AEAD contexts of a shared folder's ciphertexts (S2): each names its purpose, the record it belongs to
 * and the field set, so a ciphertext moved to another folder, epoch or message fails to open.
 */
import type { CipherContext } from '../../../crypto/associated-data';

/** FK_e wrapped under FK_{e+1} in the entry that starts e+1: purpose `folder-key`, record `<folderId>/<e>`, fields `prev`. */
export function prevKeyWrapContext(folderId: string, olderEpoch: number): CipherContext<'folder-key'> {
  return { purpose: 'folder-key', recordId: `${folderId}/${olderEpoch}`, fields: 'prev' };
}

/** A message's content key under its epoch's folder key: purpose `folder-content-key`, record `<folderId>/<messageId>/<epoch>`. */
export function contentKeyContext(folderId: string, messageId: string, epoch: number): CipherContext<'folder-content-key'> {
  return { purpose: 'folder-content-key', recordId: `${folderId}/${messageId}/${epoch}`, fields: '-' };
}

/**
 * A message's content under its content key: purpose `folder-message`, record `<folderId>/<messageId>`. The
 * field set is `content` for every kind: the kind is inside the content (authenticated with it), so the
 * relay does not learn whether a message is an edit or a receipt.
 */
export function messageContentContext(folderId: string, messageId: string): CipherContext<'folder-message'> {
  return { purpose: 'folder-message', recordId: `${folderId}/${messageId}`, fields: 'content' };
}

/**
 * Associated data for every AEAD call (DESIGN S2): a purpose tag, the record id, the field set and the
 * format version, length-prefixed so no two contexts encode to the same bytes.
 */
import { encodeLengthPrefixed } from './encode-length-prefixed';

/** What a ciphertext is for; adding a purpose means adding it here. */
export type Purpose =
  | 'vault-key'
  | 'item-key'
  | 'item'
  | 'manifest'
  | 'overview'
  | 'audit-event'
  | 'audit-head'
  | 'settings'
  | 'export'
  | 'identity'
  | 'sharing-profile'
  | 'contact'
  | 'share-grant'
  | 'received-share'
  | 'share-request'
  | 'outbox'
  // One-time links and secret requests (issue 14): the link's content and a request's descriptor on the
  // relay, and the owner's own sealed records of them and of received answers in the vault.
  | 'link'
  | 'secret-request'
  | 'link-record'
  | 'request-record'
  | 'request-answer'
  // Shared folders (issue 13): a folder key wrapped under the next epoch's (the backward key chain), a
  // message's fresh content key wrapped under its epoch's folder key, a folder message's content, and the
  // extension's own sealed copy of a folder.
  | 'folder-key'
  | 'folder-content-key'
  | 'folder-message'
  | 'folder-record';

/**
 * Where a ciphertext belongs. Moving it to another record, purpose or field set breaks decryption.
 * `P` narrows the purpose where the type of what is sealed depends on it (wrapped keys).
 */
export interface CipherContext<P extends Purpose = Purpose> {
  purpose: P;
  /** The record's id (vault id, item id, audit sequence). */
  recordId: string;
  /** Which fields the plaintext holds, e.g. "login" or "note"; "-" when not applicable. */
  fields: string;
}

/** The one format version accepted (T11). */
export const FORMAT_VERSION = 1;

/**
 * Encodes a context as `"sealpass-ad" ‖ (u32be len ‖ utf8)` for version, purpose, record id, fields.
 * @returns bytes for the AEAD's associated data
 */
export function encodeAssociatedData(context: CipherContext, version: number = FORMAT_VERSION): Uint8Array {
  return encodeLengthPrefixed(['sealpass-ad', String(version), context.purpose, context.recordId, context.fields]);
}

/**
 * The one error a folder message that cannot be read gives: `malformed` (shape or size, before any
 * cryptography) or `unreadable` (anything from decryption on: wrong key, wrong epoch, moved, tampered).
 * Like envelopes, all decryption failures look alike (S2, T11); the message holds nothing of the content.
 */

export type FolderMessageErrorReason = 'malformed' | 'unreadable';

export class FolderMessageError extends Error {
  override name = 'FolderMessageError';
  constructor(readonly reason: FolderMessageErrorReason) {
    super(`folder message refused (${reason})`);
  }
}

/** Plain words for every error code that crosses the message boundary; the UI never shows a raw message or stack. */
import type { ErrorCode } from '../../lib/vault/model/vault-error';

const TEXT: Record<ErrorCode, string> = {
  locked: 'The vault is locked. Unlock it to continue.',
  'no-vault': 'There is no vault in this browser yet. Create one first.',
  'vault-exists': 'A vault already exists in this browser.',
  'wrong-password': 'Wrong master password.',
  'weak-password': 'That master password is too weak. Choose a longer, less predictable one.',
  'not-found': 'That item no longer exists. It may have been deleted.',
  conflict: 'This item was changed elsewhere meanwhile. Reopen it to see the latest version, then edit again.',
  corrupted: 'This data is damaged and cannot be decrypted. Your other items are not affected.',
  'invalid-request': 'Sealpass could not accept that. Check the fields and try again.',
  forbidden: 'This page is not allowed to do that.',
  internal: 'Something went wrong inside Sealpass. Try again.',
};

/**
 * The sentence to show for an error. Only the code is read: the background's own `message` is safe,
 * but words chosen here stay consistent and a code added later still gets a sentence (the fallback).
 * @example errorText({ code: 'wrong-password' }) // 'Wrong master password.'
 */
export function errorText(error: { code: string } | null | undefined): string {
  const code = error?.code;
  if (code !== undefined && Object.hasOwn(TEXT, code)) return TEXT[code as ErrorCode];
  return TEXT.internal;
}

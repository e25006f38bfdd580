/**
 * Words for an export or restore failure. For the codes these messages use, the background's own sentence
 * is shown: it says which of several problems it was (wrong master password or wrong passphrase, a damaged
 * file, a file of another kind, a changed file) and never quotes user data (lib/messaging/errors).
 */
import { errorText } from '../kit/error-text';

const SPECIFIC = new Set(['wrong-password', 'weak-password', 'corrupted', 'invalid-request']);

/**
 * @example exportErrorText({ code: 'wrong-password', message: 'Wrong passphrase for this export.' }) // that message
 */
export function exportErrorText(error: { code: string; message: string }): string {
  return SPECIFIC.has(error.code) && error.message !== '' ? error.message : errorText(error);
}

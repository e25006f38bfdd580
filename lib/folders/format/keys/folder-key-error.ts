/**
 * Why a folder key is not sealed, accepted or opened. Sealing refuses keys the log does not name (T23, T05);
 * accepting refuses an envelope that does not fit the verified log (T03, T24); a key that does not match the
 * log's commitment is `commitment-mismatch` wherever it turns up. The message never holds key material.
 */

export type FolderKeyErrorReason =
  /** The envelope is not a folder key. */
  | 'not-folder-key'
  /** It names another folder than the log (re-targeted, T03). */
  | 'wrong-folder'
  /** It names another epoch than the one current at its head, or an epoch the log does not have (T03). */
  | 'wrong-epoch'
  /** Its genesis is not the log's. */
  | 'genesis-mismatch'
  /** Its head is at a seq the log has, with another hash (T24). */
  | 'fork'
  /** Its head is beyond the log served (T24): wait for the log to catch up. */
  | 'withheld'
  /** The sender, or I when sealing, is not a manager at that head. */
  | 'not-manager'
  /** The recipient (I, when accepting) is not a member there under these keys, or their access ended (T23, T05). */
  | 'not-member'
  /** Sealing to my own key: own data is never sealed to a public key (T06). */
  | 'to-myself'
  /** HMAC(key) is not the log's commitment for that epoch. */
  | 'commitment-mismatch';

export class FolderKeyError extends Error {
  override name = 'FolderKeyError';
  constructor(readonly reason: FolderKeyErrorReason) {
    super(`folder key refused (${reason})`);
  }
}

/**
 * Why a membership log is refused (replay-folder-log, check-served-log). The whole log is refused, not just
 * an entry, and the folder view shows the reason; nothing is repaired silently (T23, T24).
 */

export type FolderLogErrorReason =
  /** An entry does not match the schema, or is too large. */
  | 'malformed'
  /** An entry names another folder. */
  | 'wrong-folder'
  /** seq is not contiguous from 1. */
  | 'bad-sequence'
  /** prev is not the hash of the entry before. */
  | 'bad-prev'
  /** The signature does not verify with the author's key as the log so far names it. */
  | 'bad-signature'
  /** The author may not do this in the state replayed so far (not a manager, removed, access ended, T23). */
  | 'not-authorised'
  /** The op is not possible here: adding a present member, removing someone absent, the last manager leaving. */
  | 'invalid-op'
  /** The epoch, commitment or prevKeyWrap does not follow the rules for this op. */
  | 'bad-epoch'
  /** An entry dated before the one it follows. */
  | 'bad-time'
  /** Entry 1 is not the pinned genesis. */
  | 'genesis-mismatch'
  /** An entry after `delete`. */
  | 'deleted'
  /** Too many entries. */
  | 'too-long'
  /** Against the head this client verified before: another entry at that seq (T24). */
  | 'fork'
  /** Against the head this client verified before: the served log is shorter (T24). */
  | 'rollback';

export class FolderLogError extends Error {
  override name = 'FolderLogError';
  /**
   * @param reason - what is wrong
   * @param seq - the entry it is about, when one is
   */
  constructor(
    readonly reason: FolderLogErrorReason,
    readonly seq?: number,
  ) {
    super(`folder log refused (${reason}${seq === undefined ? '' : ` at ${seq}`})`);
  }
}

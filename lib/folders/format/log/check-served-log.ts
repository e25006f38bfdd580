/**
 * Fork, rollback and withholding checks (T24). The client keeps the last head it verified (with the
 * genesis); a log the relay serves later must contain that head, and every folder message and folder-key
 * envelope names its sender's head, which must be in the log this client verified. A mismatch is shown in
 * the folder view, never repaired silently.
 */
import type { FolderHead } from './log-entry';
import type { FolderState } from './folder-state';

/** What this client verified before: the genesis it pinned and the last head. */
export interface KnownHead {
  genesis: string;
  head: FolderHead;
}

/** `ok`, or what the served log does against the known head. */
export type ServedLogCheck = 'ok' | 'fork' | 'rollback';

/**
 * @param known - the head this client verified before, or null the first time
 * @param served - the state replayed from the served log (replayFolderLog with the pinned genesis)
 * @returns `fork` when the served log has another genesis or another entry at the known head's seq;
 *   `rollback` when it is shorter than the known head; else `ok`
 */
export function checkServedLog(known: KnownHead | null, served: FolderState): ServedLogCheck {
  if (known === null) return 'ok';
  if (served.genesis !== known.genesis) return 'fork';
  // Only the known head's hash is kept, so a shorter log cannot be compared entry by entry: a rollback.
  if (served.head.seq < known.head.seq) return 'rollback';
  return served.entryHashes[known.head.seq - 1] === known.head.hash ? 'ok' : 'fork';
}

/** `ok`, or what a sender's head says about the log this client verified. */
export type SenderHeadCheck = 'ok' | 'fork' | 'withheld';

/**
 * @param state - the verified log
 * @param head - the head a message or envelope names (signed by its sender)
 * @returns `withheld` when it is beyond this log (the relay has not served entries the sender had seen);
 *   `fork` when this log has another entry at that seq; else `ok`
 */
export function checkSenderHead(state: FolderState, head: FolderHead): SenderHeadCheck {
  if (head.seq > state.head.seq) return 'withheld';
  return state.entryHashes[head.seq - 1] === head.hash ? 'ok' : 'fork';
}

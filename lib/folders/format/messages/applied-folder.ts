/**
 * A folder's content as the apply rule leaves it (apply-folder-messages): items with their history,
 * receipts, the name, what was ignored and why, and alerts for the folder view. Plain data, so the
 * extension keeps it in its sealed folder record as JSON.
 */
import type { ItemContent } from '../../../vault/model/item-schema';
import type { ReceiptStatement } from './receipt-statement';

/** One version of an item: the message (relay seq) that set it. */
export interface FolderItemVersion {
  /** The relay seq of the message. */
  rev: number;
  /** The author's key fingerprint (base64). */
  author: string;
  /** When the author made it (their clock), ms since epoch. */
  at: number;
  /** The whole item, or null: deleted. */
  item: ItemContent | null;
  /** The rev the author edited (0 for new). */
  baseRev: number;
  /** The author edited another version than the one it replaced (concurrent edits): relay order decided. */
  conflict: boolean;
}

/** An item of the folder: its current version and every version it replaced (no revision is lost). */
export interface FolderItem extends FolderItemVersion {
  itemId: string;
  /** The first version's rev and time. */
  createdRev: number;
  createdAt: number;
  /** Replaced versions, oldest first. */
  history: FolderItemVersion[];
}

/** A receipt as applied: signed by the member it names (checked), self-reported by their client. */
export interface FolderReceipt {
  /** The relay seq of the message that carried it. */
  seq: number;
  statement: ReceiptStatement;
  /** base64 of the 64-byte signature. */
  statementSig: string;
  /** Always true: a client says what it did; nothing proves it did or did not. */
  selfReported: true;
}

/** Why a message changed nothing. */
export type IgnoreReason =
  /** Not a folder message (shape, size). */
  | 'malformed'
  /** It names another folder. */
  | 'wrong-folder'
  /** The signature does not verify with the author's key as the log names it (or the log never named them). */
  | 'bad-signature'
  /** The author was not a member at the head they named. */
  | 'not-member'
  /** The author's role does not allow this kind (a viewer's edit, an editor renaming the folder): reported. */
  | 'role'
  /** The epoch is not the one current at the head the author named. */
  | 'epoch-mismatch'
  /** A rotation the author had not seen came before it (its cursor): written under a key the removed may hold. */
  | 'stale-epoch'
  /** The author's access had ended by date when they wrote it. */
  | 'access-ended'
  /** The content key or content does not open with the epoch's key (all failures alike). */
  | 'unreadable'
  /** The head it names has another hash in my log (T24). */
  | 'fork'
  /** A receipt whose statement names another member or folder, or whose signature fails. */
  | 'receipt-mismatch'
  /** Deleting an item the folder does not have. */
  | 'unknown-item';

export interface IgnoredMessage {
  seq: number;
  /** The author's fingerprint as the message claims it (null when it could not be read). */
  author: string | null;
  reason: IgnoreReason;
}

/** Something the folder view shows until it is resolved; never repaired silently (T24). */
export type FolderAlert =
  /** A message names a head with another hash than my log has at that seq. */
  | { kind: 'fork'; seq: number; author: string }
  /** A message names a head beyond the served log: applying waits for the log to catch up. */
  | { kind: 'withheld'; seq: number; author: string; headSeq: number }
  /** The relay's message numbers jump: messages between were withheld or lost. */
  | { kind: 'gap'; after: number; seq: number };

/** Why applying stopped before the end of what was served; it resumes from `cursor` on the next sync. */
export type ApplyWait =
  | { reason: 'withheld'; seq: number }
  | { reason: 'gap'; seq: number }
  /** I have no key for the message's epoch (its folder-key envelope has not arrived, or I was removed). */
  | { reason: 'no-key'; seq: number; epoch: number };

/** The applied folder. */
export interface AppliedFolder {
  /** The last relay seq applied (or ignored); messages after it come next. */
  cursor: number;
  /** The folder's name as a manager last set it, or null. */
  name: { name: string; at: number; author: string; rev: number } | null;
  /** By item id; a deleted item stays with `item: null` and its history. */
  items: Record<string, FolderItem>;
  receipts: FolderReceipt[];
  ignored: IgnoredMessage[];
  alerts: FolderAlert[];
  /** Message id → the seq it was applied at: a repeat of an applied id is dropped. */
  seenIds: Record<string, number>;
  /** Set when applying stopped early, else null. */
  waiting: ApplyWait | null;
}

/** @returns a folder with nothing applied yet */
export function emptyAppliedFolder(): AppliedFolder {
  return { cursor: 0, name: null, items: {}, receipts: [], ignored: [], alerts: [], seenIds: {}, waiting: null };
}

/**
 * What a verified membership log says (replay-folder-log's output): members, roles, epochs and each
 * person's access history. Plain data (records, base64 text, numbers) so the extension can keep it in its
 * sealed folder record as JSON.
 */
import type { FolderRole } from '../folder-role';
import type { SealedWire } from '../sealed-wire';
import type { FolderHead, LogSubject } from './log-entry';

/** A member's public keys as the log names them (base64 text; logSubjectSchema). */
export type MemberKeys = Pick<LogSubject, 'encryptionKey' | 'signingKey' | 'xwingKey'>;

/** One stretch of a person's access with one role: from the entry that gave it to the entry that changed or ended it. */
export interface AccessInterval {
  role: FolderRole;
  autofillOnly: boolean;
  /** When this access ends by itself, ms since epoch, or null. */
  accessEndsAt: number | null;
  /** Seq and time (`at`) of the entry that started it. */
  fromSeq: number;
  fromAt: number;
  /** Seq and time of the entry that ended it (role change, removal, leave), or null while it lasts. */
  toSeq: number | null;
  toAt: number | null;
  /** The ending entry's `cursor` (folder-message seq its author had applied), or null. */
  endCursor: number | null;
}

/** A person the log names, present or former. */
export interface FolderMember {
  handle: string;
  /** keyFingerprint (X25519 + Ed25519), base64 of 32 bytes; also the key of the record it sits in. */
  fingerprint: string;
  keys: MemberKeys;
  /** The role now (for a former member: the last one held). */
  role: FolderRole;
  autofillOnly: boolean;
  accessEndsAt: number | null;
  /** `at` of the entry that last added them. */
  addedAt: number;
  /** For a former member: `at` of the remove or leave entry, and its cursor. */
  removedAt?: number;
  cursorAtRemoval?: number;
  /** Every stretch of access, oldest first (across removals and re-adds). */
  intervals: AccessInterval[];
}

/** One epoch: from the entry that started it, with its key commitment and the wrap of the previous epoch's key. */
export interface EpochInfo {
  epoch: number;
  fromSeq: number;
  fromAt: number;
  /** folderKeyCommitment, base64 of 32 bytes. */
  keyCommitment: string;
  /** The previous epoch's key under this one's (absent for epoch 1). */
  prevKeyWrap?: SealedWire;
  /** The starting entry's `cursor` (null for epoch 1): messages after it must use this epoch or a later one. */
  fromCursor: number | null;
}

/** The folder as a verified log leaves it. */
export interface FolderState {
  folderId: string;
  /** Hash of entry 1 (base64 of 32 bytes): the folder's pinned identity. */
  genesis: string;
  head: FolderHead;
  /** `at` of the head entry, ms since epoch: the next entry may not be dated earlier (builders date it at least this). */
  lastAt: number;
  /** Hash of every entry, index seq-1 (base64): for head checks against any seq. */
  entryHashes: string[];
  /** The current epoch and its key commitment. */
  epoch: number;
  keyCommitment: string;
  /** Every epoch, oldest first. */
  epochs: EpochInfo[];
  /** Current members (access may have ended by date: see memberIsActive), by fingerprint. */
  members: Record<string, FolderMember>;
  /** People removed or who left, by fingerprint; a re-added person moves back to `members`. */
  formerMembers: Record<string, FolderMember>;
  /** Fingerprint of the creator (author of entry 1). */
  creator: string;
  /** A manager deleted the folder: no entry may follow. */
  deleted: boolean;
  /**
   * Someone who held the current key left and no manager has rotated since: what is written now would still
   * open for them. Access that ended by date depends on the time: endedMembers(state, now) lists those.
   */
  rotationNeeded: boolean;
}

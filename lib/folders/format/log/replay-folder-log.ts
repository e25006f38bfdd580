/**
 * Replays a shared folder's membership log (issue 13, DESIGN §10) into the state it describes, refusing the
 * whole log at the first entry that does not count. An entry counts only if its seq follows on, its `prev`
 * is the hash of the entry before, its signature verifies with the author's signing key AS THE LOG SO FAR
 * NAMES IT (the creator's own entry names its keys, and its fingerprint must be theirs), and its author may
 * do it in the state replayed so far: a relay can store and serve entries but cannot write one (T23), and
 * keys go only to people valid entries name (T05).
 *
 * Rules beyond the spec's letter, each where a weaker rule would let something through:
 * - `remove` is for someone else; a manager who wants out uses `leave`, since a key they make themselves
 *   would be no rotation at all;
 * - `leave` does not start an epoch (the leaver would know the new key, so it would protect nothing) and
 *   sets `rotationNeeded` until a manager's `rotate` or `remove`;
 * - the subject of `role` and `remove` must be named with the very keys the log holds for them;
 * - an entry's `at` is never before the previous entry's, so an end date is not dodged by back-dating
 *   past the last entry (clients' clocks are all there is: the relay is no time authority).
 */
import { fromBase64, toBase64 } from '../../../crypto/base64';
import { verifyEd25519 } from '../../../crypto/verify-ed25519';
import { keyFingerprint } from '../../../sharing/identity/key-fingerprint';
import { MAX_FOLDER_ENTRIES, MAX_FOLDER_ENTRY_BYTES } from '../folder-limits';
import { FolderLogError } from './folder-log-error';
import { accessEndedAt } from './folder-state-queries';
import type { FolderMember, FolderState } from './folder-state';
import { logEntrySchema, type LogEntry, type LogSubject } from './log-entry';
import { logEntryHash, logEntrySigningBytes } from './log-entry-bytes';

/** `prev` of entry 1: 32 zero bytes. */
export const GENESIS_PREV = toBase64(new Uint8Array(32));

/**
 * @param entries - the log from seq 1, as served: entry objects or their JSON text (each ≤ 16 KiB)
 * @param pinnedGenesis - the hash of entry 1 this client pinned when it first verified the folder (base64)
 * @returns the state after the last entry
 * @throws FolderLogError naming the first entry that does not count and why; `genesis-mismatch` when entry 1
 *   is not the pinned one; `malformed` for an empty log
 * @example const state = replayFolderLog(await client.listFolderLog(folderId), record.genesis);
 */
export function replayFolderLog(entries: readonly unknown[], pinnedGenesis?: string): FolderState {
  const first = entries[0];
  if (first === undefined) throw new FolderLogError('malformed');
  const entry = parseEntry(first, 1);
  const state = genesisState(entry);
  if (pinnedGenesis !== undefined && state.genesis !== pinnedGenesis) throw new FolderLogError('genesis-mismatch', 1);
  return extendFolderLog(state, entries.slice(1));
}

/**
 * Continues a verified state with the entries after its head, by the same rules as replayFolderLog (the
 * extension keeps the state and checks only what is new).
 * @param state - a state replayFolderLog or this function returned; not changed
 * @param entries - entries head.seq+1, head.seq+2, … as served
 * @returns a new state
 * @throws FolderLogError as replayFolderLog
 */
export function extendFolderLog(state: FolderState, entries: readonly unknown[]): FolderState {
  const next = structuredClone(state);
  for (const raw of entries) applyEntry(next, parseEntry(raw, next.head.seq + 1));
  return next;
}

/** @returns the entry, schema-checked; its JSON at most 16 KiB */
function parseEntry(raw: unknown, seq: number): LogEntry {
  let value = raw;
  try {
    if (typeof raw === 'string') {
      if (raw.length > MAX_FOLDER_ENTRY_BYTES) throw new FolderLogError('malformed', seq);
      value = JSON.parse(raw);
    } else if (JSON.stringify(raw).length > MAX_FOLDER_ENTRY_BYTES) {
      throw new FolderLogError('malformed', seq);
    }
  } catch {
    throw new FolderLogError('malformed', seq);
  }
  const parsed = logEntrySchema.safeParse(value);
  if (!parsed.success) throw new FolderLogError('malformed', seq);
  return parsed.data;
}

function subjectKeysValid(subject: LogSubject): boolean {
  return toBase64(keyFingerprint({ encryptionKey: fromBase64(subject.encryptionKey), signingKey: fromBase64(subject.signingKey) })) === subject.fingerprint;
}

function verifies(signingKey: string, entry: LogEntry): boolean {
  return verifyEd25519(fromBase64(signingKey), logEntrySigningBytes(entry), fromBase64(entry.sig));
}

function newMember(subject: LogSubject, entry: LogEntry): FolderMember {
  const { handle, fingerprint, ...keys } = subject;
  return {
    handle,
    fingerprint,
    keys,
    role: entry.role!,
    autofillOnly: entry.autofillOnly ?? false,
    accessEndsAt: entry.accessEndsAt ?? null,
    addedAt: entry.at,
    intervals: [],
  };
}

function openInterval(member: FolderMember, entry: LogEntry): void {
  member.intervals.push({
    role: member.role,
    autofillOnly: member.autofillOnly,
    accessEndsAt: member.accessEndsAt,
    fromSeq: entry.seq,
    fromAt: entry.at,
    toSeq: null,
    toAt: null,
    endCursor: null,
  });
}

function closeInterval(member: FolderMember, entry: LogEntry): void {
  const last = member.intervals[member.intervals.length - 1];
  if (last && last.toSeq === null) Object.assign(last, { toSeq: entry.seq, toAt: entry.at, endCursor: entry.cursor ?? null });
}

function genesisState(entry: LogEntry): FolderState {
  const { subject } = entry;
  if (entry.seq !== 1) throw new FolderLogError('bad-sequence', 1);
  if (entry.op !== 'create') throw new FolderLogError('invalid-op', 1);
  if (entry.prev !== GENESIS_PREV) throw new FolderLogError('bad-prev', 1);
  if (!subject || subject.fingerprint !== entry.author.fingerprint || subject.handle !== entry.author.handle || !subjectKeysValid(subject)) {
    throw new FolderLogError('malformed', 1);
  }
  if (!verifies(subject.signingKey, entry)) throw new FolderLogError('bad-signature', 1);
  if (entry.role !== 'manager' || entry.autofillOnly === true || (entry.accessEndsAt ?? null) !== null || entry.cursor !== undefined) {
    throw new FolderLogError('invalid-op', 1);
  }
  if (entry.epoch !== 1 || entry.prevKeyWrap !== undefined) throw new FolderLogError('bad-epoch', 1);
  const hash = toBase64(logEntryHash(entry));
  const creator = newMember(subject, entry);
  openInterval(creator, entry);
  return {
    folderId: entry.folderId,
    genesis: hash,
    head: { seq: 1, hash },
    lastAt: entry.at,
    entryHashes: [hash],
    epoch: 1,
    keyCommitment: entry.keyCommitment,
    epochs: [{ epoch: 1, fromSeq: 1, fromAt: entry.at, keyCommitment: entry.keyCommitment, fromCursor: null }],
    members: { [creator.fingerprint]: creator },
    formerMembers: {},
    creator: creator.fingerprint,
    deleted: false,
    rotationNeeded: false,
  };
}

/** True when the member is present, a manager and their access has not ended at `at`. */
function isActiveManager(state: FolderState, fingerprint: string, at: number): boolean {
  const member = Object.hasOwn(state.members, fingerprint) ? state.members[fingerprint] : undefined;
  return member !== undefined && member.role === 'manager' && !accessEndedAt(member.accessEndsAt, at);
}

/** True when a manager other than `fingerprint` remains active at `at`. */
function anotherManager(state: FolderState, fingerprint: string, at: number): boolean {
  return Object.keys(state.members).some((fp) => fp !== fingerprint && isActiveManager(state, fp, at));
}

/** The subject must be a present member named with exactly the keys the log holds for them. */
function presentSubject(state: FolderState, entry: LogEntry): FolderMember {
  const { subject } = entry;
  const member = subject && Object.hasOwn(state.members, subject.fingerprint) ? state.members[subject.fingerprint] : undefined;
  if (!subject || !member) throw new FolderLogError('invalid-op', entry.seq);
  const k = member.keys;
  if (k.encryptionKey !== subject.encryptionKey || k.signingKey !== subject.signingKey || k.xwingKey !== subject.xwingKey) throw new FolderLogError('invalid-op', entry.seq);
  return member;
}

function applyEntry(state: FolderState, entry: LogEntry): void {
  const seq = state.head.seq + 1;
  if (entry.folderId !== state.folderId) throw new FolderLogError('wrong-folder', seq);
  if (entry.seq !== seq) throw new FolderLogError('bad-sequence', seq);
  if (entry.prev !== state.head.hash) throw new FolderLogError('bad-prev', seq);
  if (seq > MAX_FOLDER_ENTRIES) throw new FolderLogError('too-long', seq);
  if (state.deleted) throw new FolderLogError('deleted', seq);
  // Dates never go back: a manager whose access ended by date cannot date an entry before the last one (the
  // relay's clock is no authority, so entries are ordered by their own).
  if (entry.at < state.lastAt) throw new FolderLogError('bad-time', seq);
  const author = entry.author.fingerprint;
  const named = Object.hasOwn(state.members, author) ? state.members[author] : Object.hasOwn(state.formerMembers, author) ? state.formerMembers[author] : undefined;
  // A key the log never named cannot author anything (T23): the relay's own key, an escrow key.
  if (!named) throw new FolderLogError('not-authorised', seq);
  if (!verifies(named.keys.signingKey, entry)) throw new FolderLogError('bad-signature', seq);

  const sameEpoch = () => {
    if (entry.epoch !== state.epoch || entry.keyCommitment !== state.keyCommitment || entry.prevKeyWrap !== undefined) throw new FolderLogError('bad-epoch', seq);
  };
  const nextEpoch = () => {
    if (entry.epoch !== state.epoch + 1 || entry.prevKeyWrap === undefined) throw new FolderLogError('bad-epoch', seq);
  };
  const noMembership = entry.role === undefined && entry.autofillOnly === undefined && entry.accessEndsAt === undefined;
  const needsCursor = () => {
    if (entry.cursor === undefined) throw new FolderLogError('malformed', seq);
  };

  switch (entry.op) {
    case 'create':
      throw new FolderLogError('invalid-op', seq);
    case 'add': {
      if (!isActiveManager(state, author, entry.at)) throw new FolderLogError('not-authorised', seq);
      const { subject } = entry;
      if (!subject || entry.role === undefined || !subjectKeysValid(subject) || entry.cursor !== undefined) throw new FolderLogError('malformed', seq);
      if (Object.hasOwn(state.members, subject.fingerprint)) throw new FolderLogError('invalid-op', seq);
      sameEpoch();
      const member = newMember(subject, entry);
      const before = Object.hasOwn(state.formerMembers, subject.fingerprint) ? state.formerMembers[subject.fingerprint] : undefined;
      if (before) {
        member.intervals = before.intervals;
        delete state.formerMembers[subject.fingerprint];
      }
      openInterval(member, entry);
      state.members[subject.fingerprint] = member;
      break;
    }
    case 'role': {
      if (!isActiveManager(state, author, entry.at)) throw new FolderLogError('not-authorised', seq);
      needsCursor();
      if (entry.role === undefined) throw new FolderLogError('malformed', seq);
      const member = presentSubject(state, entry);
      if (member.role === 'manager' && entry.role !== 'manager' && !anotherManager(state, member.fingerprint, entry.at)) throw new FolderLogError('invalid-op', seq);
      sameEpoch();
      closeInterval(member, entry);
      Object.assign(member, { role: entry.role, autofillOnly: entry.autofillOnly ?? false, accessEndsAt: entry.accessEndsAt ?? null });
      openInterval(member, entry);
      break;
    }
    case 'remove': {
      if (!isActiveManager(state, author, entry.at)) throw new FolderLogError('not-authorised', seq);
      needsCursor();
      if (!noMembership) throw new FolderLogError('malformed', seq);
      const member = presentSubject(state, entry);
      if (member.fingerprint === author) throw new FolderLogError('invalid-op', seq);
      nextEpoch();
      removeMember(state, member, entry);
      startEpoch(state, entry);
      state.rotationNeeded = false;
      break;
    }
    case 'rotate': {
      if (!isActiveManager(state, author, entry.at)) throw new FolderLogError('not-authorised', seq);
      needsCursor();
      if (entry.subject !== undefined || !noMembership) throw new FolderLogError('malformed', seq);
      nextEpoch();
      startEpoch(state, entry);
      state.rotationNeeded = false;
      break;
    }
    case 'leave': {
      // Anyone present may leave, even after their access ended: giving up access is always safe to honour.
      const member = Object.hasOwn(state.members, author) ? state.members[author] : undefined;
      if (!member) throw new FolderLogError('not-authorised', seq);
      needsCursor();
      if (entry.subject !== undefined || !noMembership) throw new FolderLogError('malformed', seq);
      if (member.role === 'manager' && !anotherManager(state, author, entry.at)) throw new FolderLogError('invalid-op', seq);
      sameEpoch();
      removeMember(state, member, entry);
      state.rotationNeeded = true;
      break;
    }
    case 'delete': {
      if (!isActiveManager(state, author, entry.at)) throw new FolderLogError('not-authorised', seq);
      if (entry.subject !== undefined || !noMembership || entry.cursor !== undefined) throw new FolderLogError('malformed', seq);
      sameEpoch();
      state.deleted = true;
      break;
    }
  }
  const hash = toBase64(logEntryHash(entry));
  state.entryHashes.push(hash);
  state.head = { seq, hash };
  state.lastAt = entry.at;
}

function removeMember(state: FolderState, member: FolderMember, entry: LogEntry): void {
  closeInterval(member, entry);
  member.removedAt = entry.at;
  member.cursorAtRemoval = entry.cursor!;
  delete state.members[member.fingerprint];
  state.formerMembers[member.fingerprint] = member;
}

function startEpoch(state: FolderState, entry: LogEntry): void {
  state.epoch = entry.epoch;
  state.keyCommitment = entry.keyCommitment;
  state.epochs.push({ epoch: entry.epoch, fromSeq: entry.seq, fromAt: entry.at, keyCommitment: entry.keyCommitment, prevKeyWrap: entry.prevKeyWrap!, fromCursor: entry.cursor! });
}

/**
 * The apply rule (issue 13): every member runs it over the relay's messages in seq order and, given the
 * same verified log, ends with the same folder. For each message: the signature verifies with the author's
 * key as the log names it; the head it names is in my log (else fork, or withheld: stop and wait); at that
 * head the author is a member whose role allows the kind (item: editor; meta: manager; receipt: anyone)
 * and the epoch is that head's; no later remove, role or leave entry about the author has a cursor before
 * this message lowering them below that role (a removed member cannot write with an old head), and no later
 * rotation has a cursor before it (a message racing a removal is not left under the old key). A message
 * failing a check is ignored and reported. Concurrent edits all apply in relay order, the later marked
 * `conflict`, the version each replaced kept in the item's history: no revision is lost. A repeated message
 * id is dropped.
 *
 * Applying is deterministic for a given log. When the log later grows by an entry whose cursor lies before
 * what was applied (a removal racing the removed member's last edit), folderNeedsReapply says so and the
 * caller applies again from an empty folder.
 */
import type { FolderKey } from '../../../crypto/keys';
import { roleAllows, type FolderRole } from '../folder-role';
import { checkSenderHead } from '../log/check-served-log';
import { accessEndedAt, epochAt, findMember, intervalAt } from '../log/folder-state-queries';
import type { FolderMember, FolderState } from '../log/folder-state';
import type { AppliedFolder, FolderAlert, FolderItem, IgnoreReason } from './applied-folder';
import type { FolderMessage, FolderMessageContent, NumberedFolderMessage } from './folder-message';
import { FolderMessageError } from './folder-message-error';
import { openFolderMessage, parseFolderMessage, verifyFolderMessage } from './open-folder-message';
import { statementOf } from './receipt-batch';
import type { ReceiptStatement } from './receipt-statement';
import { verifyReceiptStatement } from './sign-receipt';

const NEEDED: Record<FolderMessageContent['kind'], FolderRole> = { item: 'editor', meta: 'manager', receipt: 'viewer', receipts: 'viewer' };

/**
 * @param state - the verified log (the latest this client has)
 * @param keys - epoch → folder key, as openEpochKeys gives them
 * @param folder - what was applied so far (not changed)
 * @param messages - the relay's messages after `folder.cursor`, any order (sorted here by seq); ones at or
 *   before the cursor are skipped
 * @returns the new applied folder; `waiting` says why it stopped early (withheld head, a gap, no key)
 * @example folder = applyFolderMessages(state, keys, folder, await client.listFolderMessages(id, folder.cursor));
 */
export function applyFolderMessages(state: FolderState, keys: ReadonlyMap<number, FolderKey>, folder: AppliedFolder, messages: readonly NumberedFolderMessage[]): AppliedFolder {
  const next = structuredClone(folder);
  next.waiting = null;
  const ordered = [...messages].filter((m) => m.seq > folder.cursor).sort((a, b) => a.seq - b.seq);
  for (const { seq, message: raw } of ordered) {
    if (seq === next.cursor) continue;
    if (seq !== next.cursor + 1) {
      raise(next, { kind: 'gap', after: next.cursor, seq });
      next.waiting = { reason: 'gap', seq };
      break;
    }
    const outcome = applyOne(state, keys, next, seq, raw);
    if (outcome === 'stop') break;
    next.cursor = seq;
  }
  return next;
}

/**
 * True when `after` (the log grown since applying with `before`) holds a new entry whose cursor lies before
 * something applied that it would have refused: a rotation with any message applied after its cursor (all
 * were written with older heads, so under the old key: `stale-epoch`), or a removal, leave or demotion with a
 * message of that person applied after its cursor. Then re-apply from emptyAppliedFolder with `after`.
 * @param before - the log the folder was applied with
 * @param after - the log now, which extends `before`
 * @param folder - what was applied with `before`
 */
export function folderNeedsReapply(before: FolderState, after: FolderState, folder: AppliedFolder): boolean {
  if (after.epochs.some((e) => e.fromSeq > before.head.seq && e.fromCursor !== null && e.fromCursor < folder.cursor)) return true;
  const lowered = (m: FolderMember) =>
    m.intervals.some((i) => i.toSeq !== null && i.toSeq > before.head.seq && i.endCursor !== null && i.endCursor < folder.cursor && authoredAfter(folder, m.fingerprint, i.endCursor));
  return [...Object.values(after.members), ...Object.values(after.formerMembers)].some(lowered);
}

/** Whether something applied (an item version, a receipt, the name) came from `author` after relay seq `cursor`. */
function authoredAfter(folder: AppliedFolder, author: string, cursor: number): boolean {
  const versions = Object.values(folder.items).flatMap((i) => [i, ...i.history]);
  return (
    versions.some((v) => v.author === author && v.rev > cursor) ||
    folder.receipts.some((r) => r.statement.member === author && r.seq > cursor) ||
    (folder.name !== null && folder.name.author === author && folder.name.rev > cursor)
  );
}

/** Adds an alert once: a sync that stops at the same message again does not repeat it. */
function raise(folder: AppliedFolder, alert: FolderAlert): void {
  const text = JSON.stringify(alert);
  if (!folder.alerts.some((a) => JSON.stringify(a) === text)) folder.alerts.push(alert);
}

function applyOne(state: FolderState, keys: ReadonlyMap<number, FolderKey>, folder: AppliedFolder, seq: number, raw: unknown): 'next' | 'stop' {
  const ignore = (reason: IgnoreReason, author: string | null) => {
    folder.ignored.push({ seq, author, reason });
    return 'next' as const;
  };
  let message: FolderMessage;
  try {
    message = parseFolderMessage(raw);
  } catch {
    return ignore('malformed', null);
  }
  const { author } = message;
  if (message.folderId !== state.folderId) return ignore('wrong-folder', author);
  if (!verifyFolderMessage(state, message)) return ignore('bad-signature', author);
  // Only a signed message marks its id as used, so a forged one cannot shadow the real one.
  if (Object.hasOwn(folder.seenIds, message.id)) return 'next';
  const head = checkSenderHead(state, message.head);
  if (head === 'withheld') {
    raise(folder, { kind: 'withheld', seq, author, headSeq: message.head.seq });
    folder.waiting = { reason: 'withheld', seq };
    return 'stop';
  }
  if (head === 'fork') {
    raise(folder, { kind: 'fork', seq, author });
    return ignore('fork', author);
  }
  const member = findMember(state, author)!;
  const atHead = intervalAt(member, message.head.seq);
  if (!atHead) return ignore('not-member', author);
  if (message.epoch !== epochAt(state, message.head.seq).epoch) return ignore('epoch-mismatch', author);
  if (state.epochs.some((e) => e.fromSeq > message.head.seq && e.fromCursor !== null && e.fromCursor < seq)) return ignore('stale-epoch', author);
  const key = keys.get(message.epoch);
  if (!key) {
    folder.waiting = { reason: 'no-key', seq, epoch: message.epoch };
    return 'stop';
  }
  let content: FolderMessageContent;
  try {
    content = openFolderMessage(message, key);
  } catch (error) {
    if (error instanceof FolderMessageError) return ignore('unreadable', author);
    throw error;
  }
  const role = effectiveRole(member, message.head.seq, seq, atHead.role);
  // Removed or left before this message in the manager's order (their cursor): no longer a member for it.
  if (role === null) return ignore('not-member', author);
  if (!roleAllows(role, NEEDED[content.kind])) return ignore('role', author);
  const signed = signedStatements(state.folderId, author, content);
  // A batch counts as its latest statement: one made after the access ended drops the message.
  const at = 'at' in content ? content.at : Math.max(...signed!.map((s) => s.statement.at));
  if (accessEndedAt(atHead.accessEndsAt, at)) return ignore('access-ended', author);

  switch (content.kind) {
    case 'item': {
      const current = Object.hasOwn(folder.items, content.itemId) ? folder.items[content.itemId] : undefined;
      if (!current && content.item === null) return ignore('unknown-item', author);
      const version = { rev: seq, author, at: content.at, item: content.item, baseRev: content.baseRev, conflict: content.baseRev !== (current?.rev ?? 0) };
      if (current) {
        const { itemId: _id, createdRev: _rev, createdAt: _at, history, ...replaced } = current;
        folder.items[content.itemId] = { ...current, ...version, history: [...history, replaced] };
      } else {
        folder.items[content.itemId] = { itemId: content.itemId, createdRev: seq, createdAt: content.at, history: [], ...version } satisfies FolderItem;
      }
      break;
    }
    case 'receipt':
    case 'receipts': {
      // Every statement must be the author's own and verify with their key, or the whole message is ignored.
      const mismatch = signed!.some(({ statement, statementSig }) => statement.member !== author || statement.folderId !== state.folderId || !verifyReceiptStatement(statement, statementSig, member.keys.signingKey));
      if (mismatch) return ignore('receipt-mismatch', author);
      for (const { statement, statementSig } of signed!) folder.receipts.push({ seq, statement, statementSig, selfReported: true });
      break;
    }
    case 'meta':
      folder.name = { name: content.name, at: content.at, author, rev: seq };
      break;
  }
  folder.seenIds[message.id] = seq;
  return 'next';
}

/** The signed statements a receipt message carries (a batch's completed with its folder and author), or null for other kinds. */
function signedStatements(folderId: string, author: string, content: FolderMessageContent): { statement: ReceiptStatement; statementSig: string }[] | null {
  if (content.kind === 'receipt') return [{ statement: content.statement, statementSig: content.statementSig }];
  if (content.kind === 'receipts') return content.receipts.map((r) => ({ statement: statementOf(folderId, author, r), statementSig: r.sig }));
  return null;
}

/**
 * The author's role for message `seq` written at log head `headSeq`: the role at the head, lowered by every
 * later entry about them whose cursor lies before the message (the manager had applied less than this when
 * they changed it, so the change comes first).
 */
function effectiveRole(member: FolderMember, headSeq: number, seq: number, role: FolderRole): FolderRole | null {
  let effective: FolderRole | null = role;
  for (const interval of member.intervals) {
    if (interval.toSeq === null || interval.toSeq <= headSeq || interval.endCursor === null || interval.endCursor >= seq) continue;
    const after = member.intervals.find((i) => i.fromSeq === interval.toSeq)?.role ?? null;
    // Only ever lowered: a promotion the author had not seen does not raise what they could do.
    if (after === null || (effective !== null && roleAllows(effective, after))) effective = after;
  }
  return effective;
}

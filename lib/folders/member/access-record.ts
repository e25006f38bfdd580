/**
 * The access record of a folder, or of one item in it (issue 13): who had access when, from the signed
 * membership log (every entry as managers signed it), and the receipts members' clients reported (delivered,
 * opened, filled: self-reported, signed by the member, proof only of what that client claims). The export is
 * core's JSON lines (every log entry as signed, item lifetimes as this client applied them, receipts with
 * their signatures), which anyone holding the members' pinned keys can verify (verifyAccessRecord).
 */
import type { AccessRow } from '../folders-messages';
import { findMember } from '../format/log/folder-state-queries';
import { storedEntry } from '../store/stored-entry';
import { exportAccessRecord } from '../format/record/export-access-record';
import type { StoredFolder } from '../store/stored-folder';

const KIND_OF_OP = { create: 'created', add: 'added', role: 'role', remove: 'removed', leave: 'left', rotate: 'rotated', delete: 'deleted' } as const;

/**
 * @param itemId - one item's record (the log rows, which concern every item, and that item's receipts), or null for the whole folder
 * @param exportedAt - ms since epoch, written into the export's header
 * @returns rows oldest first, and the JSON-lines export of the whole folder (core's exportAccessRecord, which
 *   verifyAccessRecord checks with the members' pinned keys)
 */
export function accessRecord(folder: StoredFolder, itemId: string | null, exportedAt: number): { rows: AccessRow[]; jsonl: string } {
  const rows: AccessRow[] = [];
  const handleOf = (fingerprint: string) => findMember(folder.state, fingerprint)?.handle ?? fingerprint;
  const titleOf = (id: string) => (Object.hasOwn(folder.applied.items, id) ? (folder.applied.items[id]?.item?.title ?? null) : null);
  const entries = folder.log.map((text) => storedEntry(text));
  for (const entry of entries) {
    rows.push({
      at: entry.at,
      kind: KIND_OF_OP[entry.op],
      who: entry.subject?.handle ?? entry.author.handle,
      by: entry.author.handle,
      role: entry.role ?? null,
      itemId: null,
      itemTitle: null,
      selfReported: false,
    });
  }
  for (const member of Object.values(folder.state.members)) {
    if (member.accessEndsAt !== null) rows.push({ at: member.accessEndsAt, kind: 'ended', who: member.handle, by: member.handle, role: member.role, itemId: null, itemTitle: null, selfReported: false });
  }
  for (const receipt of folder.applied.receipts) {
    const { statement } = receipt;
    if (itemId !== null && statement.itemId !== itemId) continue;
    rows.push({ at: statement.at, kind: statement.event, who: handleOf(statement.member), by: handleOf(statement.member), role: null, itemId: statement.itemId, itemTitle: titleOf(statement.itemId), selfReported: true });
  }
  rows.sort((a, b) => a.at - b.at);
  // The whole folder's record either way: a verifier needs every entry and receipt to recompute it.
  return { rows, jsonl: exportAccessRecord(folder.state, entries, folder.applied, exportedAt) };
}

/**
 * The access record as JSON lines that anyone holding the members' pinned public keys can check
 * (verify-access-record): a header, every log entry as signed, the item lifetimes (as the exporter's
 * client applied them: marked so), every receipt as its member signed it (self-reported), and the access
 * periods, which the verifier recomputes from the log and compares. No item content, title or key is in it.
 */
import type { LogEntry } from '../log/log-entry';
import type { FolderState } from '../log/folder-state';
import type { AppliedFolder } from '../messages/applied-folder';
import { accessPeriods, itemLifetimes } from './build-access-record';

/** The first line's `type`: what the file is. */
export const ACCESS_RECORD_TYPE = 'sealpass-folder-access-record';

/**
 * @param state - the verified log's state
 * @param entries - that log's entries, seq 1..head (as verified)
 * @param folder - the applied folder
 * @param exportedAt - ms since epoch
 * @returns UTF-8 text, one JSON object per line, ending with a newline
 * @throws RangeError when `entries` is not the log `state` came from
 */
export function exportAccessRecord(state: FolderState, entries: readonly LogEntry[], folder: Pick<AppliedFolder, 'items' | 'receipts'>, exportedAt: number): string {
  if (entries.length !== state.head.seq || entries.some((e, i) => e.seq !== i + 1 || e.folderId !== state.folderId)) {
    throw new RangeError('exportAccessRecord: entries are not the verified log');
  }
  const lines: unknown[] = [
    { type: ACCESS_RECORD_TYPE, v: 1, folderId: state.folderId, genesis: state.genesis, head: state.head, exportedAt },
    ...entries.map((entry) => ({ type: 'log', entry })),
    ...itemLifetimes(folder).map((life) => ({ type: 'item', reportedBy: 'exporter', ...life })),
    ...folder.receipts.map((r) => ({ type: 'receipt', seq: r.seq, statement: r.statement, statementSig: r.statementSig, selfReported: true })),
    ...accessPeriods(state).map((p) => ({ type: 'access', ...p })),
  ];
  return lines.map((line) => JSON.stringify(line)).join('\n') + '\n';
}

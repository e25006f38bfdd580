/**
 * A test-only entry maker that skips the builders' own replay check, so tests can produce exactly what a
 * malicious relay, a removed member or a broken client could put in the log: any fields, signed by anyone.
 */
import type { FolderState } from '../../../../lib/folders/format/log/folder-state';
import type { LogEntry, UnsignedLogEntry } from '../../../../lib/folders/format/log/log-entry';
import { signLogEntry } from '../../../../lib/folders/format/log/sign-log-entry';
import type { Identity } from '../../../../lib/sharing/identity/identity';
import { fp, NOW } from '../folder-fixtures';

/** Signs `fields` over the defaults for the next entry of `state` (author = signer unless `fields.author` says otherwise). */
export function craftEntry(signer: Identity, state: FolderState, fields: Partial<UnsignedLogEntry>): LogEntry {
  return signLogEntry(signer, {
    v: 1,
    folderId: state.folderId,
    seq: state.head.seq + 1,
    prev: state.head.hash,
    op: 'rotate',
    author: { handle: signer.handle, fingerprint: fp(signer) },
    epoch: state.epoch,
    keyCommitment: state.keyCommitment,
    at: NOW + state.head.seq + 1,
    ...fields,
  });
}

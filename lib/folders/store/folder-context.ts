/**
 * Where this client's sealed copy of a folder belongs (S2): purpose `folder-record`, the vault id, the
 * folder id and the record's revision. A copy moved to another folder's row, another vault, or written back
 * at an older revision (whose clear `rev` was changed to match the manifest) fails to open (T09).
 */
import type { CipherContext } from '../../crypto/associated-data';

/** The context of folder `folderId`'s record at revision `rev`. */
export function folderRecordContext(vaultId: string, folderId: string, rev: number): CipherContext {
  return { purpose: 'folder-record', recordId: `${vaultId}/${folderId}#${rev}`, fields: 'folder' };
}

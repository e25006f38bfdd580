/** Opens a parsed export with its key: the passphrase check first, then the header-bound payload. */
import type { ExportKey } from '../crypto/keys';
import { openSealed } from '../crypto/open-sealed';
import { DecryptError } from '../crypto/sealed';
import type { ItemContent } from '../vault/model/item-schema';
import { openJson } from '../vault/records/sealed-json';
import { EXPORT_CHECK_CONTEXT, exportPayloadContext } from './export-context';
import { ExportFileError } from './export-file-error';
import { exportPayloadSchema } from './export-file-schema';
import type { ParsedExport } from './parse-export-file';

/**
 * @param file - from parseExportFile
 * @param key - `deriveExportKey(passphrase, file.header.kdf)`; the caller wipes it
 * @returns the items, validated, exactly as many as the header says
 * @throws ExportFileError `wrong-passphrase` when the check does not open; `tampered` when the payload does
 *   not authenticate against the header; `damaged` when it authenticates but is not a valid item list
 */
export function openExport(file: ParsedExport, key: ExportKey): ItemContent[] {
  try {
    openSealed(key, file.check, EXPORT_CHECK_CONTEXT);
  } catch {
    throw new ExportFileError('wrong-passphrase');
  }
  let items: ItemContent[];
  try {
    items = openJson(key, file.payload, exportPayloadContext(file.header), exportPayloadSchema).items;
  } catch (error) {
    throw new ExportFileError(error instanceof DecryptError ? 'tampered' : 'damaged');
  }
  // The count is authenticated, so only a writer holding the key could make these differ.
  if (items.length !== file.header.itemCount) throw new ExportFileError('damaged');
  return items;
}

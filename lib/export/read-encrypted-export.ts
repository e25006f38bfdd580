/** Reads an encrypted Sealpass export with its passphrase: structure, KDF floor, one Argon2id, then decryption. */
import { wipe } from '../crypto/wipe';
import type { ItemContent } from '../vault/model/item-schema';
import { deriveExportKey } from './derive-export-key';
import type { ExportHeader } from './export-context';
import { openExport } from './open-export';
import { parseExportFile } from './parse-export-file';

/**
 * Nothing is derived for a file that is not a valid export or asks for parameters below the floor.
 * @param text - the file's text
 * @param passphrase - the one chosen when exporting
 * @returns the items and the authenticated header (time, count)
 * @throws ExportFileError naming the problem (see export-file-error)
 * @example const { items } = await readEncryptedExport(text, passphrase);
 */
export async function readEncryptedExport(text: string, passphrase: string): Promise<{ items: ItemContent[]; header: ExportHeader }> {
  const file = parseExportFile(text);
  const key = await deriveExportKey(passphrase, file.header.kdf);
  try {
    return { items: openExport(file, key), header: file.header };
  } finally {
    wipe(key);
  }
}

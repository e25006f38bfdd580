/**
 * The background's half of exporting and restoring. Both exports ask for the master password again and are
 * recorded in the audit log before the file is handed over; the encrypted one is sealed here, so the items
 * never travel to the page as a whole. A restore decrypts and writes here too.
 */
import { createEncryptedExport } from '../create-encrypted-export';
import { ExportFileError, type ExportFileProblem } from '../export-file-error';
import { exportPlainCsv } from '../export-plain-csv';
import { readEncryptedExport } from '../read-encrypted-export';
import { restoreExportItems } from '../restore-export-items';
import type { ErrorCode } from '../../vault/model/vault-error';
import { VaultError } from '../../vault/model/vault-error';
import type { exportMessages } from '../export-messages';
import { openLiveItems } from '../../vault/items/open-live-items';
import { recordAuditEvent } from '../../vault/records/record-audit-event';
import { verifyMasterPassword } from '../../vault/lifecycle/verify-master-password';
import type { HandlersOf } from '../../messaging/define-message';
import type { HandlerContext } from '../../vault-service/context/handler-context';

/** Shortest export passphrase the background accepts, in UTF-16 units; the page also requires a strong one. */
export const MIN_EXPORT_PASSPHRASE_LENGTH = 12;

/** How each file problem crosses the message boundary; the message itself says which problem it is. */
const PROBLEM_CODE: Record<ExportFileProblem, ErrorCode> = {
  'not-an-export': 'invalid-request',
  'unsupported-version': 'invalid-request',
  damaged: 'corrupted',
  'weak-kdf': 'corrupted',
  'wrong-passphrase': 'wrong-password',
  tampered: 'corrupted',
};

/** `sealpass-export-2026-01-31.json` / `.csv`, from the export time (UTC date). */
function fileName(now: number, extension: 'json' | 'csv'): string {
  return `sealpass-export-${new Date(now).toISOString().slice(0, 10)}${extension === 'csv' ? '-UNENCRYPTED' : ''}.${extension}`;
}

/**
 * Builds the export handlers. Each counts as activity (re-arms auto-lock).
 * @returns exportEncrypted, exportPlain, exportRestore
 */
export function createExportHandlers(ctx: HandlerContext): HandlersOf<typeof exportMessages> {
  const { db } = ctx.deps;

  /** The items to export, after the master password is checked. */
  const itemsToExport = async (masterPassword: string) => {
    const vault = await ctx.unlocked();
    await verifyMasterPassword(db, masterPassword);
    const { items, quarantined } = await openLiveItems(db, vault);
    return { vault, contents: items.map((item) => item.content), skipped: quarantined.length };
  };

  return {
    async exportEncrypted({ masterPassword, passphrase }) {
      if (passphrase.length < MIN_EXPORT_PASSPHRASE_LENGTH) {
        throw new VaultError('weak-password', `The export passphrase must have at least ${MIN_EXPORT_PASSPHRASE_LENGTH} characters.`);
      }
      const { vault, contents, skipped } = await itemsToExport(masterPassword);
      const now = ctx.deps.now();
      const fileText = await createEncryptedExport(contents, passphrase, now);
      await recordAuditEvent(db, vault, { type: 'vault-exported-encrypted', count: contents.length }, now);
      return { fileName: fileName(now, 'json'), fileText, itemCount: contents.length, skipped };
    },
    async exportPlain({ masterPassword }) {
      const { vault, contents, skipped } = await itemsToExport(masterPassword);
      const now = ctx.deps.now();
      const fileText = exportPlainCsv(contents);
      await recordAuditEvent(db, vault, { type: 'vault-exported-plain', count: contents.length }, now);
      return { fileName: fileName(now, 'csv'), fileText, itemCount: contents.length, skipped };
    },
    async exportRestore({ fileText, passphrase }) {
      const vault = await ctx.unlocked();
      let read;
      try {
        read = await readEncryptedExport(fileText, passphrase);
      } catch (error) {
        if (error instanceof ExportFileError) throw new VaultError(PROBLEM_CODE[error.problem], error.message);
        throw error;
      }
      const { added, skipped } = await restoreExportItems(db, vault, read.items, ctx.deps.now());
      return { added, skipped, exportedAt: read.header.createdAt };
    },
  };
}

/**
 * Messages of the encrypted and plain exports and of restoring an encrypted export. The background derives
 * every key and decrypts every item: the page sends passwords and file text and gets file text back, never
 * the items as a whole (S3).
 */
import { z } from 'zod';
import { message, pages } from '../messaging/define-message';
import { MAX_EXPORT_FILE_CHARS } from './export-file-schema';

const secret = z.string().min(1).max(1024);

/** A file for the page to save: its suggested name and its text. */
const exportedFile = z.object({
  fileName: z.string().max(128),
  fileText: z.string().max(MAX_EXPORT_FILE_CHARS),
  /** Items written to the file. */
  itemCount: z.number().int().nonnegative(),
  /** Items left out because they do not decrypt (S8). */
  skipped: z.number().int().nonnegative(),
});

/** The export feature's messages, spread into the protocol map. */
export const exportMessages = {
  /**
   * An encrypted Sealpass export: the master password again (checked first), and the passphrase that will
   * protect the file (at least 12 characters; the page also asks for a strong one).
   */
  exportEncrypted: message(z.object({ masterPassword: secret, passphrase: secret }).strict(), exportedFile, pages),
  /** A plain CSV export; `confirmed` is the user's acknowledgement that the file holds every password in clear. */
  exportPlain: message(z.object({ masterPassword: secret, confirmed: z.literal(true) }).strict(), exportedFile, pages),
  /** Restores an encrypted Sealpass export into this vault; items already here are skipped. */
  exportRestore: message(
    z.object({ fileText: z.string().max(MAX_EXPORT_FILE_CHARS), passphrase: secret }).strict(),
    z.object({ added: z.number().int().nonnegative(), skipped: z.number().int().nonnegative(), exportedAt: z.number().int() }),
    pages,
  ),
} as const;

export type ExportMessageType = keyof typeof exportMessages;

/**
 * The import's messages. Files are read and parsed in the vault page, which holds no keys; the background
 * only receives validated entries and writes them in one transaction (lib/vault/import-items). While it
 * works it tells open pages how far it got (import-progress-event). Before, the page may ask whether the
 * duplicates' passwords are the same as the existing ones.
 */
import { z } from 'zod';
import { message, pages } from '../messaging/define-message';
import { importEntrySchema, MAX_IMPORT_ENTRIES } from '../vault/model/import-entry';
import { MAX_SHORT } from '../vault/model/item-limits';

const count = z.number().int().nonnegative();

/** The import feature's messages, spread into the protocol map. */
export const importMessages = {
  /**
   * Writes `entries`: each a new item, or (`replaces`) an update of the existing item the user chose to
   * replace. All of them or none (S8).
   */
  itemImport: message(
    z.object({ entries: z.array(importEntrySchema).min(1).max(MAX_IMPORT_ENTRIES) }).strict(),
    z.object({ added: count, replaced: count }),
    pages,
  ),
  /**
   * For the duplicates table: whether each imported password is the same as the existing login's
   * (`null`: that item is gone or damaged). Only these answers come back; existing passwords stay in the
   * background.
   */
  itemImportCompare: message(
    z.object({
      pairs: z.array(z.object({ id: z.string().min(1).max(64), password: z.string().max(MAX_SHORT) }).strict()).max(MAX_IMPORT_ENTRIES),
    }).strict(),
    z.object({ same: z.array(z.boolean().nullable()) }),
    pages,
  ),
} as const;

export type ImportMessageType = keyof typeof importMessages;

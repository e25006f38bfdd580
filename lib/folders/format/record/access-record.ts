/**
 * The owner's access record (issue 13): per folder and per item, who had access when (from the verified
 * log) and the receipts members' clients signed (self-reported: a client says what it did). Plain data.
 */
import type { FolderRole } from '../folder-role';
import type { ReceiptEvent } from '../messages/receipt-statement';

/** One stretch of one person's access with one role. */
export interface AccessPeriod {
  fingerprint: string;
  handle: string;
  role: FolderRole;
  autofillOnly: boolean;
  /** From the entry that gave it, ms since epoch (its author's clock) and log seq. */
  from: number;
  fromSeq: number;
  /** Until the entry that changed or ended it, or the end date it had, whichever is first; null while it lasts. */
  to: number | null;
  toSeq: number | null;
}

/** A receipt in the record; always self-reported. */
export interface AccessReceipt {
  fingerprint: string;
  handle: string;
  event: ReceiptEvent;
  at: number;
  rev: number;
  selfReported: true;
}

/** When an item was in the folder, as the exporter's applied messages say. */
export interface ItemLifetime {
  itemId: string;
  /** First version: rev and time. */
  firstRev: number;
  firstAt: number;
  /** When it was deleted (the deleting version's time), or null. */
  deletedAt: number | null;
  /** The current version's rev, time and author fingerprint. */
  lastRev: number;
  lastAt: number;
  lastAuthor: string;
}

/** One item's record: its lifetime, who could read it when (folder access clipped to the lifetime), receipts. */
export interface ItemAccess extends ItemLifetime {
  access: AccessPeriod[];
  receipts: AccessReceipt[];
}

export interface AccessRecord {
  folderId: string;
  genesis: string;
  head: { seq: number; hash: string };
  /** Folder-level access: every period of every person the log names, in log order. */
  members: AccessPeriod[];
  items: ItemAccess[];
}

/**
 * Builds the access record from a verified log and an applied folder. New members open older epochs through
 * the key chain, so an item was readable by whoever had folder access while the item existed: the item's
 * access is the folder's, clipped to its lifetime.
 */
import type { FolderState } from '../log/folder-state';
import type { AppliedFolder, FolderReceipt } from '../messages/applied-folder';
import type { AccessPeriod, AccessReceipt, AccessRecord, ItemLifetime } from './access-record';

/**
 * @param state - the verified log
 * @param folder - the applied folder (items and receipts)
 * @returns the record, periods in log order, items by first rev
 */
export function buildAccessRecord(state: FolderState, folder: Pick<AppliedFolder, 'items' | 'receipts'>): AccessRecord {
  return accessRecordOf(state, itemLifetimes(folder), folder.receipts);
}

/** Every item's lifetime from the applied folder, by first rev. */
export function itemLifetimes(folder: Pick<AppliedFolder, 'items'>): ItemLifetime[] {
  return Object.values(folder.items)
    .map((i) => ({ itemId: i.itemId, firstRev: i.createdRev, firstAt: i.createdAt, deletedAt: i.item === null ? i.at : null, lastRev: i.rev, lastAt: i.at, lastAuthor: i.author }))
    .sort((a, b) => a.firstRev - b.firstRev);
}

/** Every access period the log gives, ordered by the seq that started it, then fingerprint. */
export function accessPeriods(state: FolderState): AccessPeriod[] {
  const people = [...Object.values(state.members), ...Object.values(state.formerMembers)];
  return people
    .flatMap((m) =>
      m.intervals.map((i) => {
        const ends = [i.toAt, i.accessEndsAt].filter((t): t is number => t !== null);
        return {
          fingerprint: m.fingerprint,
          handle: m.handle,
          role: i.role,
          autofillOnly: i.autofillOnly,
          from: i.fromAt,
          fromSeq: i.fromSeq,
          to: ends.length ? Math.min(...ends) : null,
          toSeq: i.toSeq,
        };
      }),
    )
    .sort((a, b) => a.fromSeq - b.fromSeq || (a.fingerprint < b.fingerprint ? -1 : a.fingerprint > b.fingerprint ? 1 : 0));
}

/** The record from its parts; the export's verifier calls it with what it checked. */
export function accessRecordOf(state: FolderState, lifetimes: readonly ItemLifetime[], receipts: readonly FolderReceipt[]): AccessRecord {
  const members = accessPeriods(state);
  const handleOf = (fp: string) => members.find((p) => p.fingerprint === fp)?.handle ?? '';
  return {
    folderId: state.folderId,
    genesis: state.genesis,
    head: state.head,
    members,
    items: lifetimes.map((life) => ({
      ...life,
      access: members.flatMap((p) => clip(p, life)),
      receipts: receipts
        .filter((r) => r.statement.itemId === life.itemId)
        .map((r): AccessReceipt => ({ fingerprint: r.statement.member, handle: handleOf(r.statement.member), event: r.statement.event, at: r.statement.at, rev: r.statement.rev, selfReported: true })),
    })),
  };
}

/** The period clipped to the item's lifetime, or nothing when they do not overlap. */
function clip(period: AccessPeriod, life: ItemLifetime): AccessPeriod[] {
  const from = Math.max(period.from, life.firstAt);
  const ends = [period.to, life.deletedAt].filter((t): t is number => t !== null);
  const to = ends.length ? Math.min(...ends) : null;
  if (to !== null && to <= from) return [];
  return [{ ...period, from, to }];
}

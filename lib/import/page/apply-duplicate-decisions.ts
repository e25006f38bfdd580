/**
 * Turns the rows and the user's choice for each duplicate into what the background writes:
 * skip (the row is left out), replace (an existing item is updated, or an earlier row of the file is
 * superseded, the older password going into the history) or keep both (a new item beside it).
 */
import type { ImportContent, ImportEntry } from '../../vault/model/import-entry';
import { mergeImportContent } from '../../vault/model/merge-import-content';
import type { Duplicate } from './find-duplicates';
import type { ImportRow } from '../import-types';

/** The user's choice for one duplicate. */
export type DuplicateDecision = 'skip' | 'replace' | 'keep-both';

/**
 * @param rows - the importable rows
 * @param duplicates - from findDuplicates over the same rows
 * @param decisions - by duplicate's row index; a duplicate without a decision is skipped
 * @param now - ms since epoch: when a superseded row's password entered the history
 * @returns the entries to send (`replaces` set for updates of existing items) and how many rows were skipped
 */
export function applyDuplicateDecisions(
  rows: readonly ImportRow[],
  duplicates: readonly Duplicate[],
  decisions: ReadonlyMap<number, DuplicateDecision>,
  now: number,
): { entries: ImportEntry[]; skipped: number } {
  const byIndex = new Map(duplicates.map((duplicate) => [duplicate.index, duplicate]));
  const planned: { content: ImportContent; replaces?: string }[] = [];
  // Where each row's content went, so a later row can supersede it.
  const placed = new Map<number, number>();
  let skipped = 0;
  rows.forEach((row, index) => {
    const duplicate = byIndex.get(index);
    const decision = duplicate ? (decisions.get(index) ?? 'skip') : 'keep-both';
    if (decision === 'skip') {
      skipped++;
      return;
    }
    if (duplicate && decision === 'replace') {
      if (duplicate.match.kind === 'item') {
        planned.push({ content: row.content, replaces: duplicate.match.id });
        return;
      }
      const target = placed.get(duplicate.match.index);
      if (target !== undefined) {
        planned[target] = { content: mergeImportContent(planned[target]!.content, row.content, now) };
        placed.set(index, target);
        return;
      }
    }
    placed.set(index, planned.length);
    planned.push({ content: row.content });
  });
  return { entries: planned, skipped };
}

/** applyDuplicateDecisions: skip, replace (an existing item or an earlier row) and keep both; skip by default. */
import { describe, expect, it } from 'vitest';
import { applyDuplicateDecisions, type DuplicateDecision } from '../../../lib/import/page/apply-duplicate-decisions';
import { findDuplicates } from '../../../lib/import/page/find-duplicates';
import type { ImportRow } from '../../../lib/import/import-types';
import type { ItemSummary } from '../../../lib/vault/model/item-schema';
import { importedLogin } from '../fixture';

const NOW = 1_700_000_000_000;
const existing: ItemSummary[] = [
  { state: 'ok', id: 'old', type: 'login', title: 'Old', username: 'u', url: 'https://a.example/', folder: '', tags: [], favourite: false, updatedAt: 0 },
];
const rows: ImportRow[] = [
  { row: 2, content: importedLogin({ title: 'dup of vault', urls: ['https://a.example/'], username: 'u', password: 'new-a' }) },
  { row: 3, content: importedLogin({ title: 'first', urls: ['https://b.example/'], username: 'u', password: 'b1', notes: 'keep me' }) },
  { row: 4, content: importedLogin({ title: 'second', urls: ['https://b.example/'], username: 'u', password: 'b2' }) },
  { row: 5, content: importedLogin({ title: 'unique', urls: ['https://c.example/'], username: 'u', password: 'c' }) },
];
const duplicates = findDuplicates(rows, existing);
const decide = (first: DuplicateDecision, second: DuplicateDecision) => new Map([[0, first], [2, second]]);

describe('applyDuplicateDecisions', () => {
  it('skips every duplicate when nothing was decided', () => {
    const { entries, skipped } = applyDuplicateDecisions(rows, duplicates, new Map(), NOW);
    expect(entries.map((e) => e.content.title)).toEqual(['first', 'unique']);
    expect(skipped).toBe(2);
  });

  it('keep both adds them as new items', () => {
    const { entries, skipped } = applyDuplicateDecisions(rows, duplicates, decide('keep-both', 'keep-both'), NOW);
    expect(entries.map((e) => [e.content.title, e.replaces])).toEqual([['dup of vault', undefined], ['first', undefined], ['second', undefined], ['unique', undefined]]);
    expect(skipped).toBe(0);
  });

  it('replace sends an update of the existing item, and merges a repeated row into the earlier one', () => {
    const { entries, skipped } = applyDuplicateDecisions(rows, duplicates, decide('replace', 'replace'), NOW);
    expect(skipped).toBe(0);
    expect(entries).toHaveLength(3);
    expect(entries[0]).toEqual({ content: rows[0]!.content, replaces: 'old' });
    expect(entries[1]!.content).toMatchObject({
      title: 'second', password: 'b2', notes: 'keep me', updatedAt: NOW, passwordHistory: [{ password: 'b1', changedAt: NOW }],
    });
    expect(entries[1]).not.toHaveProperty('replaces');
    expect(entries[2]!.content.title).toBe('unique');
  });
});

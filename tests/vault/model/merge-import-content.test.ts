/** mergeImportContent: imported values win, empty ones keep the old, history merged and capped, type kept. */
import { describe, expect, it } from 'vitest';
import { VaultError } from '../../../lib/vault/model/vault-error';
import type { ImportContent } from '../../../lib/vault/model/import-entry';
import { importContentSchema } from '../../../lib/vault/model/import-entry';
import { mergeImportContent } from '../../../lib/vault/model/merge-import-content';
import { MAX_PASSWORD_HISTORY } from '../../../lib/vault/model/item-limits';
import { loginInput, noteInput, T0 } from '../fixtures';

const login = (overrides: object): ImportContent => importContentSchema.parse({ ...loginInput(), ...overrides });

describe('mergeImportContent', () => {
  it('merges notes: imported text wins, empty keeps the old; tags and custom fields merged; creation time kept', () => {
    const previous = importContentSchema.parse({ ...noteInput({ notes: 'old', tags: ['a'], fields: [{ name: 'x', value: '1', hidden: false }] }), createdAt: T0 });
    expect(mergeImportContent(previous, importContentSchema.parse(noteInput({ title: 'New', notes: '', tags: ['b'] })), T0 + 9)).toEqual({
      type: 'note', title: 'New', notes: 'old', tags: ['a', 'b'], fields: [{ name: 'x', value: '1', hidden: false }],
      folder: '', favourite: false, createdAt: T0, updatedAt: T0 + 9,
    });
  });

  it('leaves out a creation time neither side has', () => {
    expect(mergeImportContent(login({}), login({}), T0)).not.toHaveProperty('createdAt');
  });

  it('keeps at most 100 history entries, newest first', () => {
    const history = Array.from({ length: MAX_PASSWORD_HISTORY }, (_, i) => ({ password: `p${i}`, changedAt: T0 - i }));
    const merged = mergeImportContent(login({ password: 'current', passwordHistory: history }), login({ password: 'next' }), T0 + 1);
    const kept = (merged as Extract<ImportContent, { type: 'login' }>).passwordHistory!;
    expect(kept).toHaveLength(MAX_PASSWORD_HISTORY);
    expect(kept[0]).toEqual({ password: 'current', changedAt: T0 + 1 });
    expect(kept.at(-1)).toEqual({ password: 'p98', changedAt: T0 - 98 });
  });

  it('an empty imported password keeps the old one, adds no history and keeps the rotation state', () => {
    const merged = mergeImportContent(login({ password: 'keep', passwordChangedAt: T0 - 5, rotationSnoozedUntil: T0 + 5, rotationDays: 7 }), login({ password: '' }), T0);
    expect(merged).toMatchObject({ password: 'keep', passwordHistory: [], passwordChangedAt: T0 - 5, rotationSnoozedUntil: T0 + 5, rotationDays: 7 });
  });

  it('a changed password restarts the rotation clock and ends a snooze; an imported rotation period wins', () => {
    const merged = mergeImportContent(login({ password: 'a', rotationSnoozedUntil: T0 + 5, rotationDays: 7 }), login({ password: 'b', rotationDays: 30 }), T0);
    expect(merged).toMatchObject({ password: 'b', passwordChangedAt: T0, rotationDays: 30 });
    expect(merged).not.toHaveProperty('rotationSnoozedUntil');
  });

  it('a changed password dated by the export keeps that date, so an old imported password stays old (Health)', () => {
    const merged = mergeImportContent(login({ password: 'a', passwordChangedAt: T0 - 5 }), login({ password: 'b', passwordChangedAt: T0 - 400 * 86_400_000 }), T0);
    expect(merged).toMatchObject({ password: 'b', passwordChangedAt: T0 - 400 * 86_400_000, passwordHistory: [{ password: 'a', changedAt: T0 }] });
  });

  it('refuses to merge a login into a note', () => {
    expect(() => mergeImportContent(importContentSchema.parse(noteInput()), login({}), T0)).toThrow(VaultError);
  });
});

/** The S8 notices of the sharing views: plain words, the count, what it means, that the rest is fine; nothing for 0. */
import { describe, expect, it } from 'vitest';
import { damagedSyncText, damagedText, type DamagedKind } from '../../../components/sharing/sharing-text';

const kinds: DamagedKind[] = ['contacts', 'received', 'grants'];

describe('damagedText (S8)', () => {
  it('S8: nothing to say for 0', () => {
    for (const kind of kinds) expect(damagedText(kind, 0)).toBeNull();
    expect(damagedSyncText({ contacts: 0, grants: 0, received: 0 })).toBeNull();
  });

  it('S8: one and many, each a sentence that says the rest is fine', () => {
    expect(damagedText('contacts', 1)).toBe('1 contact record could not be opened and is not shown; your other contacts are fine. If someone is missing, add them again.');
    expect(damagedText('contacts', 3)).toMatch(/^3 contact records could not be opened and are not shown; your other contacts are fine\./);
    for (const kind of kinds) {
      for (const n of [1, 2, 12]) {
        const text = damagedText(kind, n)!;
        expect(text).toMatch(new RegExp(`^${n} .*\\.$`));
        expect(text).toMatch(/other .* fine/);
        expect(text).not.toMatch(/#|undefined|NaN|error|decrypt/i);
      }
    }
  });

  it('S8: the sync status names each kind that has damage, and the total', () => {
    expect(damagedSyncText({ contacts: 1, grants: 0, received: 0 })).toBe('A sharing record in this vault could not be opened (1 contact). It is skipped and not shown; everything else syncs normally.');
    expect(damagedSyncText({ contacts: 2, grants: 1, received: 3 })).toBe(
      '6 sharing records in this vault could not be opened (2 contacts, 1 share you made, 3 shares sent to you). They are skipped and not shown; everything else syncs normally.',
    );
  });
});

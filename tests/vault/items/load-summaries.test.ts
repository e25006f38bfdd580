/** loadSummaries: list rows for live items; a record that fails is quarantined and every other one still loads (S8). */
import { describe, expect, it } from 'vitest';
import { generateKey } from '../../../lib/crypto/generate-key';
import type { VaultKey } from '../../../lib/crypto/keys';
import { loadSummaries } from '../../../lib/vault/items/load-summaries';
import { sealItem } from '../../../lib/vault/records/seal-item';
import { summarizeItem } from '../../../lib/vault/model/summarize-item';
import { openVaultState } from '../../../lib/vault/keys/unlocked-vault';
import { contentOf, loginInput, noteInput, T0 } from '../fixtures';

describe('loadSummaries', () => {
  it('rows for live items, none for deleted ones; S8: a damaged record is quarantined, the rest load; T09: a live item hidden by setting deletedAt is quarantined', () => {
    const vault = openVaultState('aa'.repeat(16), generateKey<VaultKey>(), new Map());
    const ok = contentOf(loginInput({ title: 'ok' }), T0);
    const note = contentOf(noteInput({ title: 'note' }), T0);
    const live = sealItem(vault, 'a', 1, ok);
    const liveNote = sealItem(vault, 'b', 1, note);
    const deleted = sealItem(vault, 'c', 1, ok, undefined, T0);
    const hidden = { ...sealItem(vault, 'f', 1, ok), deletedAt: T0 };
    const damaged = sealItem(vault, 'd', 1, ok);
    damaged.data.ct[0]! ^= 1;
    const deletedDamaged = { ...damaged, id: 'e', deletedAt: T0 };

    const quarantined = loadSummaries(vault, [live, liveNote, deleted, damaged, deletedDamaged, hidden]);
    expect(quarantined).toEqual(['d', 'e', 'f']);
    expect([...vault.summaries.entries()]).toEqual([
      ['a', summarizeItem('a', ok)],
      ['b', summarizeItem('b', note)],
      ['d', { state: 'quarantined', id: 'd' }],
      ['e', { state: 'quarantined', id: 'e' }],
      ['f', { state: 'quarantined', id: 'f' }],
    ]);
  });

  it('replaces rows from an earlier load', () => {
    const vault = openVaultState('aa'.repeat(16), generateKey<VaultKey>(), new Map());
    loadSummaries(vault, [sealItem(vault, 'a', 1, contentOf(loginInput(), T0))]);
    expect(loadSummaries(vault, [])).toEqual([]);
    expect(vault.summaries.size).toBe(0);
  });
});

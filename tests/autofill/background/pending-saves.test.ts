/** PendingSaves: one pending save per tab, offered on the page the submit led to, gone after 2 minutes or the next load. */
import { describe, expect, it } from 'vitest';
import { PENDING_SAVE_TTL_MS, PendingSaves } from '../../../lib/autofill/background/pending-saves';
import { T0 } from '../../vault/fixtures';

const SUBMISSION = { username: 'alice', currentPassword: 'pw', newPassword: '', confirmPassword: '' };

function put(saves: PendingSaves, tabId = 7, now = T0) {
  return saves.put(tabId, 'https://example.com', 'https://example.com/login', SUBMISSION, now);
}

describe('PendingSaves', () => {
  it('put → a fresh offer id (32 hex) per submit; a newer submit in the tab replaces the older one', () => {
    const saves = new PendingSaves();
    const first = put(saves);
    const second = put(saves);
    expect(first.id).toMatch(/^[0-9a-f]{32}$/);
    expect(second.id).not.toBe(first.id);
    expect(saves.get(7, first.id, T0)).toBeNull();
    expect(saves.get(7, second.id, T0)).toBe(second);
  });

  it('the page the submit led to gets it; the next page load drops it', () => {
    const saves = new PendingSaves();
    const save = put(saves);
    expect(saves.pageLoaded(7, T0 + 1)).toBe(save);
    expect(saves.get(7, save.id, T0 + 2)).toBe(save);
    expect(saves.pageLoaded(7, T0 + 3)).toBeNull();
    expect(saves.get(7, save.id, T0 + 4)).toBeNull();
  });

  it(`expires ${PENDING_SAVE_TTL_MS / 1000} s after the submit, whatever asks; a clock set back also expires it`, () => {
    const saves = new PendingSaves();
    const save = put(saves);
    expect(saves.get(7, save.id, T0 + PENDING_SAVE_TTL_MS - 1)).toBe(save);
    expect(saves.get(7, save.id, T0 + PENDING_SAVE_TTL_MS)).toBeNull();
    const again = put(saves);
    expect(saves.pageLoaded(7, T0 - 1)).toBeNull();
    expect(saves.get(7, again.id, T0)).toBeNull();
  });

  it('tabs are separate: another tab, or the wrong offer id, gets nothing', () => {
    const saves = new PendingSaves();
    const save = put(saves, 7);
    expect(saves.pageLoaded(8, T0)).toBeNull();
    expect(saves.get(8, save.id, T0)).toBeNull();
    expect(saves.get(7, 'f'.repeat(32), T0)).toBeNull();
    expect(saves.get(7, save.id, T0)).toBe(save);
  });

  it('delete drops only the matching offer', () => {
    const saves = new PendingSaves();
    const save = put(saves);
    saves.delete(7, 'f'.repeat(32));
    expect(saves.get(7, save.id, T0)).toBe(save);
    saves.delete(7, save.id);
    expect(saves.get(7, save.id, T0)).toBeNull();
  });

  it('a put sweeps the expired saves of other tabs (closed tabs do not pile up)', () => {
    const saves = new PendingSaves();
    const old = put(saves, 1, T0);
    put(saves, 2, T0 + PENDING_SAVE_TTL_MS);
    expect(saves.get(1, old.id, T0)).toBeNull();
  });
});

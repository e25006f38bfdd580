/** rotationStatus, passwordSetAt and countRotationDue: password age from passwordChangedAt / history / createdAt, per-item and global periods, snooze. */
import { describe, expect, it } from 'vitest';
import { countRotationDue } from '../../lib/health/count-rotation-due';
import { overviewRow } from '../../lib/vault/records/overview-bucket';
import { passwordSetAt } from '../../lib/vault/model/password-set-at';
import { DAY_MS, DEFAULT_ROTATION_DAYS, rotationStatus } from '../../lib/health/rotation-status';
import { itemContentSchema, type Item, type ItemContent } from '../../lib/vault/model/item-schema';
import { T0 } from '../vault/fixtures';

type Login = Extract<ItemContent, { type: 'login' }>;

function login(overrides: Partial<Login> = {}): Login {
  return itemContentSchema.parse({
    type: 'login', title: 'L', password: 'pw', createdAt: T0, updatedAt: T0, ...overrides,
  }) as Login;
}

describe('passwordSetAt', () => {
  it('prefers passwordChangedAt', () => {
    expect(passwordSetAt(login({ passwordChangedAt: T0 + 5, passwordHistory: [{ password: 'x', changedAt: T0 + 9 }] }))).toBe(T0 + 5);
  });
  it('else the newest history entry, in whatever order the history was imported', () => {
    const history = [{ password: 'a', changedAt: T0 + 2 }, { password: 'b', changedAt: T0 + 7 }, { password: 'c', changedAt: T0 + 1 }];
    expect(passwordSetAt(login({ passwordHistory: history }))).toBe(T0 + 7);
  });
  it('else createdAt', () => {
    expect(passwordSetAt(login())).toBe(T0);
  });
});

describe('rotationStatus', () => {
  it(`defaults to ${DEFAULT_ROTATION_DAYS} days; due exactly at the boundary, not a millisecond before`, () => {
    const due = T0 + 90 * DAY_MS;
    expect(rotationStatus(login(), due - 1)).toEqual({ passwordSetAt: T0, rotationDays: 90, dueAt: due, due: false, snoozed: false });
    expect(rotationStatus(login(), due)).toMatchObject({ due: true, snoozed: false });
  });

  it('the global period applies to logins with rotationDays 0 or absent', () => {
    expect(rotationStatus(login(), T0 + 31 * DAY_MS, 30).due).toBe(true);
    expect(rotationStatus(login({ rotationDays: 0 }), T0 + 31 * DAY_MS, 30).due).toBe(true);
    expect(rotationStatus(login(), T0 + 31 * DAY_MS, 365).due).toBe(false);
  });

  it("a login's own period wins over the global one, both shorter and longer", () => {
    expect(rotationStatus(login({ rotationDays: 1 }), T0 + DAY_MS, 90)).toMatchObject({ rotationDays: 1, due: true });
    expect(rotationStatus(login({ rotationDays: 400 }), T0 + 399 * DAY_MS, 30)).toMatchObject({ rotationDays: 400, due: false });
  });

  it('age counts from the last password change, not from creation', () => {
    const changed = login({ passwordChangedAt: T0 + 80 * DAY_MS });
    expect(rotationStatus(changed, T0 + 100 * DAY_MS).due).toBe(false);
    expect(rotationStatus(changed, T0 + 170 * DAY_MS).due).toBe(true);
  });

  it('a snooze in the future marks a due login snoozed; an expired one does not; a snooze on a login not due means nothing', () => {
    const now = T0 + 100 * DAY_MS;
    expect(rotationStatus(login({ rotationSnoozedUntil: now + 1 }), now)).toMatchObject({ due: true, snoozed: true });
    expect(rotationStatus(login({ rotationSnoozedUntil: now }), now)).toMatchObject({ due: true, snoozed: false });
    expect(rotationStatus(login({ rotationSnoozedUntil: now + 1 }), T0 + DAY_MS)).toMatchObject({ due: false, snoozed: false });
  });

  it('refuses a global period that is not a positive integer', () => {
    for (const days of [0, -1, 1.5, Number.NaN]) expect(() => rotationStatus(login(), T0, days)).toThrow(RangeError);
  });
});

describe('countRotationDue', () => {
  it('counts due, unsnoozed logins with a password; skips notes, empty passwords and snoozed ones', () => {
    const now = T0 + 100 * DAY_MS;
    const items: Item[] = [
      { id: 'due', rev: 1, content: login() },
      { id: 'own-period', rev: 1, content: login({ rotationDays: 200 }) },
      { id: 'snoozed', rev: 1, content: login({ rotationSnoozedUntil: now + DAY_MS }) },
      { id: 'empty', rev: 1, content: login({ password: '' }) },
      { id: 'fresh', rev: 1, content: login({ passwordChangedAt: now - DAY_MS }) },
      { id: 'note', rev: 1, content: itemContentSchema.parse({ type: 'note', title: 'N', createdAt: T0, updatedAt: T0 }) },
    ];
    // The rows a Health report reads: notes and empty passwords have no health and are not there.
    const rows = items.flatMap(({ id, rev, content }) => {
      const { summary, health } = overviewRow(id, rev, content, false);
      return health ? [{ summary, health }] : [];
    });
    expect(rows).toHaveLength(4);
    expect(countRotationDue(rows, now, 90)).toBe(1);
    expect(countRotationDue(rows, now, 120)).toBe(0);
    // Later the snooze has run out and the freshly changed password is old too.
    expect(countRotationDue(rows, T0 + 300 * DAY_MS, 90)).toBe(4);
  });
});

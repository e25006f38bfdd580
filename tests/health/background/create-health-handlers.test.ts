/**
 * Health handlers through dispatchMessage with fake platform parts and an injected clock: the report and the
 * rotation badge, the global period from settings, the breach list, snoozing, the alarm's rotation check
 * (no auto-lock re-arm), and "locked means locked".
 */
import { afterEach, describe, expect, it } from 'vitest';
import { startRangeServer, type RangeServer } from '../range-server';
import { DAY_MS } from '../../../lib/health/rotation-status';
import { closeVault } from '../../../lib/vault/keys/unlocked-vault';
import { passwordSha1 } from '../../../lib/vault/records/password-sha1';
import type { PasswordScorer } from '../../../lib/health/scoring/password-scorer';
import type { StrengthScore } from '../../../lib/vault/model/overview-row';
import { loginInput, noteInput, syntheticVault, T0 } from '../../vault/fixtures';
import { MemoryKeyStore, MemorySettings, ok, startService, type Service } from '../../vault-service/fakes';

async function unlockedService(settings = new MemorySettings(), healthScorer?: PasswordScorer): Promise<Service> {
  const { db, vault } = await syntheticVault();
  const keyStore = MemoryKeyStore.holding(vault);
  closeVault(vault);
  return startService(db, { keyStore, settings, ...(healthScorer ? { healthScorer } : {}) });
}

/** Waits until the background has scored every login: polls healthProgress (a condition, not a time). */
async function scored(service: Service): Promise<void> {
  for (;;) {
    const { scoring } = ok(await service.send('healthProgress', {}));
    if (scoring === null) return;
    if (scoring.stalled) throw new Error('scoring stalled');
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
}

/** A worker scorer whose batches wait until the test lets them go. */
function gatedScorer(scoreOf: (password: string) => StrengthScore) {
  const waiting: (() => void)[] = [];
  let calls = 0;
  const scorer: PasswordScorer = {
    score(passwords) {
      calls += passwords.length;
      return new Promise((resolve) => waiting.push(() => resolve(passwords.map(scoreOf))));
    },
  };
  return { scorer, scoredPasswords: () => calls, release: () => waiting.splice(0).forEach((go) => go()) };
}

/** Lets every batch of `gate` go until the background has scored every login. */
async function drain(service: Service, gate: ReturnType<typeof gatedScorer>): Promise<void> {
  while (ok(await service.send('healthProgress', {})).scoring !== null) {
    gate.release();
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
}

const errorCode = (result: { ok: boolean; error?: { code: string } }) => (result.ok ? 'ok' : result.error?.code);

/** Three logins: weak, reused across two sites; all created at T0. */
async function seed(service: Service) {
  const weak = ok(await service.send('itemCreate', { item: loginInput({ title: 'Weak', password: 'password1', urls: ['https://weak.example.org/'] }) })).id;
  const a = ok(await service.send('itemCreate', { item: loginInput({ title: 'A', password: 'Qz8!mW3#rT6$yU1p', urls: ['https://a.example.org/'] }) })).id;
  const b = ok(await service.send('itemCreate', { item: loginInput({ title: 'B', password: 'Qz8!mW3#rT6$yU1p', urls: ['https://b.example.net/'], rotationDays: 365 }) })).id;
  ok(await service.send('itemCreate', { item: noteInput() }));
  return { weak, a, b };
}

describe('healthReport', () => {
  it('reports weak, reused and old logins by id, never a password, and puts the rotation count on the badge', async () => {
    const service = await unlockedService();
    const { weak, a, b } = await seed(service);
    await scored(service);
    service.clock.now = T0 + 100 * DAY_MS;
    const { report } = ok(await service.send('healthReport', {}));
    expect(report.weak.map((f) => f.id)).toEqual([weak]);
    expect(report.reused.map((g) => g.items.map((i) => i.id).sort())).toEqual([[a, b].sort()]);
    expect(report.old.map((f) => f.id).sort()).toEqual([weak, a].sort());
    expect(report.counts).toMatchObject({ logins: 3, weak: 1, reused: 2, old: 2, breached: 0, quarantined: 0 });
    expect(service.deps.badge.counts.get('rotation')).toBe(2);
    expect(JSON.stringify(report)).not.toMatch(/password1|Qz8!mW3/);
  });

  it('uses the global rotation period from settings; absent, 90 days', async () => {
    const service = await unlockedService(new MemorySettings({ autoLockMinutes: 15, clipboardSeconds: 30, rotationDays: 30 }));
    await seed(service);
    service.clock.now = T0 + 31 * DAY_MS;
    const { report } = ok(await service.send('healthReport', {}));
    expect(report.defaultRotationDays).toBe(30);
    expect(report.counts.old).toBe(2);
    service.deps.settings.value = { autoLockMinutes: 15, clipboardSeconds: 30 };
    expect(ok(await service.send('healthReport', {})).report).toMatchObject({ defaultRotationDays: 90, counts: { old: 0 } });
  });

  it('checks a breach list sent as text and reports its malformed lines', async () => {
    const service = await unlockedService();
    const { weak } = await seed(service);
    const breachList = `${passwordSha1('password1')}:12\nnot a hash\n`;
    const { report } = ok(await service.send('healthReport', { breachList }));
    expect(report.breached).toEqual([expect.objectContaining({ id: weak, matchedBy: 'hash', count: 12 })]);
    expect(report.breachList).toEqual({ hashes: 1, prefixes: 0, malformed: 1, malformedLines: [2] });
  });

  it('an edited password is scored again; the report waits for nothing meanwhile', async () => {
    const service = await unlockedService();
    const { weak } = await seed(service);
    await scored(service);
    expect(ok(await service.send('healthReport', {})).report.counts.weak).toBe(1);
    ok(await service.send('itemUpdate', { id: weak, item: loginInput({ title: 'Weak', password: 'vK7#pQ2!zR9@xL4$-now-strong', urls: ['https://weak.example.org/'] }) }));
    await scored(service);
    expect(ok(await service.send('healthReport', {})).report.counts).toMatchObject({ weak: 0, unscored: 0 });
  });

  it('a report during scoring lists reused and old at once, counts the unscored logins and says how far scoring got', async () => {
    const gate = gatedScorer((password) => (password === 'password1' ? 0 : 4));
    const service = await unlockedService(new MemorySettings(), gate.scorer);
    const { weak, a, b } = await seed(service);
    service.clock.now = T0 + 100 * DAY_MS;
    const during = ok(await service.send('healthReport', {})).report;
    expect(during.counts).toMatchObject({ logins: 3, unscored: 3, weak: 0, reused: 2, old: 2 });
    expect(during.reused.map((g) => g.items.map((i) => i.id).sort())).toEqual([[a, b].sort()]);
    expect(during.scoring).toMatchObject({ done: 0, stalled: false });
    await drain(service, gate);
    const after = ok(await service.send('healthReport', {})).report;
    expect(after.counts).toMatchObject({ unscored: 0, weak: 1 });
    expect(after.weak.map((f) => f.id)).toEqual([weak]);
    expect(after.scoring).toBeNull();
  });

  it('equal passwords are scored once, also when saved later, and an unchanged password keeps its score after an edit of something else', async () => {
    const gate = gatedScorer(() => 4);
    const service = await unlockedService(new MemorySettings(), gate.scorer);
    const { a } = await seed(service);
    await drain(service, gate);
    expect(gate.scoredPasswords()).toBe(2);
    ok(await service.send('itemUpdate', { id: a, item: loginInput({ title: 'A renamed', password: 'Qz8!mW3#rT6$yU1p', urls: ['https://a.example.org/'] }) }));
    expect(ok(await service.send('healthReport', {})).report.counts.unscored).toBe(0);
    expect(gate.scoredPasswords()).toBe(2);
    ok(await service.send('itemCreate', { item: loginInput({ title: 'C', password: 'Qz8!mW3#rT6$yU1p', urls: ['https://c.example.com/'] }) }));
    await drain(service, gate);
    expect(ok(await service.send('healthReport', {})).report.counts).toMatchObject({ unscored: 0, reused: 3 });
    expect(gate.scoredPasswords()).toBe(2);
  });

  it('a worker that fails is dropped and the logins are scored in place', async () => {
    const service = await unlockedService(new MemorySettings(), { score: () => Promise.reject(new Error('worker gone')) });
    const { weak } = await seed(service);
    await scored(service);
    expect(ok(await service.send('healthReport', {})).report.weak.map((f) => f.id)).toEqual([weak]);
  });

  it('a too large breach list is refused at the boundary', async () => {
    const service = await unlockedService();
    expect(errorCode(await service.send('healthReport', { breachList: 'A'.repeat(32 * 1024 * 1024 + 1) }))).toBe('invalid-request');
  });
});

describe('healthSnooze', () => {
  it('moves a due login from old to snoozed and lowers the badge; days 0 ends the snooze', async () => {
    const service = await unlockedService();
    const { weak } = await seed(service);
    service.clock.now = T0 + 100 * DAY_MS;
    ok(await service.send('healthReport', {}));
    expect(service.deps.badge.counts.get('rotation')).toBe(2);
    ok(await service.send('healthSnooze', { id: weak, days: 7 }));
    expect(service.deps.badge.counts.get('rotation')).toBe(1);
    const { report } = ok(await service.send('healthReport', {}));
    expect(report.snoozed).toEqual([expect.objectContaining({ id: weak, snoozedUntil: T0 + 107 * DAY_MS })]);
    service.clock.now = T0 + 108 * DAY_MS;
    expect(ok(await service.send('healthReport', {})).report.counts).toMatchObject({ old: 2, snoozed: 0 });
    ok(await service.send('healthSnooze', { id: weak, days: 30 }));
    ok(await service.send('healthSnooze', { id: weak, days: 0 }));
    expect(ok(await service.send('healthReport', {})).report.counts.snoozed).toBe(0);
  });

  it('refuses notes, unknown ids and out-of-range days', async () => {
    const service = await unlockedService();
    const note = ok(await service.send('itemCreate', { item: noteInput() })).id;
    expect(errorCode(await service.send('healthSnooze', { id: note, days: 7 }))).toBe('not-found');
    expect(errorCode(await service.send('healthSnooze', { id: 'nope', days: 7 }))).toBe('not-found');
    expect(errorCode(await service.send('healthSnooze', { id: note, days: 366 }))).toBe('invalid-request');
    expect(errorCode(await service.send('healthSnooze', { id: note, days: -1 }))).toBe('invalid-request');
  });
});

describe('healthRotationCheck (the daily alarm)', () => {
  it('counts due logins onto the badge without re-arming auto-lock', async () => {
    const service = await unlockedService();
    await seed(service);
    service.clock.now = T0 + 100 * DAY_MS;
    // A message from a page is activity and re-arms auto-lock; the alarm's check must not be.
    const armed = service.deps.timers.calls.length;
    ok(await service.send('itemList', {}));
    const before = service.deps.timers.calls.length;
    expect(before).toBeGreaterThan(armed);
    expect(await service.handlers.healthRotationCheck({}, { kind: 'extension-page' })).toEqual({ count: 2 });
    expect(service.deps.badge.counts.get('rotation')).toBe(2);
    expect(service.deps.timers.calls.length).toBe(before);
  });

  it('while locked: null, and the badge keeps its last count', async () => {
    const service = await unlockedService();
    await seed(service);
    service.clock.now = T0 + 100 * DAY_MS;
    await service.handlers.healthRotationCheck({}, { kind: 'extension-page' });
    ok(await service.send('vaultLock', {}));
    expect(await service.handlers.healthRotationCheck({}, { kind: 'extension-page' })).toEqual({ count: null });
    expect(service.deps.badge.counts.get('rotation')).toBe(2);
  });

  it('no page may send it', async () => {
    const service = await unlockedService();
    expect(errorCode(await service.send('healthRotationCheck', {}))).toBe('forbidden');
  });
});

describe('online breach check (issue 17)', () => {
  let server: RangeServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  it('off by default: nothing is asked anywhere', async () => {
    server = await startRangeServer(new Map([[passwordSha1('password1'), 9]]));
    const service = await unlockedService();
    await seed(service);
    const { report } = ok(await service.send('healthReport', {}));
    expect(report.onlineCheck).toBeNull();
    expect(server.requests).toHaveLength(0);
  });

  it('on, against a mirror: breached listed with its count, only 5-hex prefixes sent, and an unreachable mirror is reported', async () => {
    server = await startRangeServer(new Map([[passwordSha1('password1'), 9]]));
    const service = await unlockedService();
    const { weak } = await seed(service);
    service.deps.settings.value = { ...service.deps.settings.value, breachCheck: { enabled: true, rangeUrl: server.rangeUrl } };
    const { report } = ok(await service.send('healthReport', {}));
    expect(report.breached).toEqual([expect.objectContaining({ id: weak, matchedBy: 'online', count: 9 })]);
    expect(report.onlineCheck).toEqual({ host: new URL(server.rangeUrl).host, asked: 2, failed: 0, error: null });
    expect(report.counts.breached).toBe(1);
    expect(server.requests.every((r) => /^\/range\/[0-9A-F]{5}$/.test(r.path) && r.headers['add-padding'] === 'true')).toBe(true);
    expect(JSON.stringify(report)).not.toContain(passwordSha1('password1'));

    const url = server.rangeUrl;
    await server.close();
    server = undefined;
    ok(await service.send('itemCreate', { item: loginInput({ title: 'New', password: 'Another-Fresh-Pass-42', urls: ['https://new.example.org/'] }) }));
    const second = ok(await service.send('healthReport', {})).report;
    expect(second.onlineCheck).toMatchObject({ failed: 1, error: expect.stringContaining(new URL(url).host) });
    // What was already answered while unlocked still counts.
    expect(second.breached.map((f) => f.id)).toEqual([weak]);
  });
});

describe('healthSetPassword (issue 17: "New password" saved into the item)', () => {
  it('replaces the password, keeps the old one in history, restarts the rotation clock and takes it off the lists', async () => {
    const service = await unlockedService();
    const { weak } = await seed(service);
    await scored(service);
    service.clock.now = T0 + 100 * DAY_MS;
    expect(ok(await service.send('healthReport', {})).report.weak.map((f) => f.id)).toEqual([weak]);
    ok(await service.send('healthSetPassword', { id: weak, password: 'Kx9$vL2@qW7!zR4&nB6e' }));
    const { item } = ok(await service.send('itemGet', { id: weak }));
    expect(item.content).toMatchObject({ password: 'Kx9$vL2@qW7!zR4&nB6e', passwordChangedAt: T0 + 100 * DAY_MS, passwordHistory: [{ password: 'password1', changedAt: T0 + 100 * DAY_MS }] });
    await scored(service);
    const { report } = ok(await service.send('healthReport', {}));
    expect(report.counts.unscored).toBe(0);
    expect(report.weak).toEqual([]);
    expect(report.old.map((f) => f.id)).not.toContain(weak);
  });

  it('a note, an unknown id and a locked vault are refused', async () => {
    const service = await unlockedService();
    const note = ok(await service.send('itemCreate', { item: noteInput() })).id;
    expect(errorCode(await service.send('healthSetPassword', { id: note, password: 'x' }))).toBe('invalid-request');
    expect(errorCode(await service.send('healthSetPassword', { id: 'ff'.repeat(16), password: 'x' }))).toBe('not-found');
    ok(await service.send('vaultLock', {}));
    expect(errorCode(await service.send('healthSetPassword', { id: note, password: 'x' }))).toBe('locked');
  });
});

describe('locked means locked', () => {
  it('healthReport and healthSnooze are refused while locked', async () => {
    const service = await unlockedService();
    ok(await service.send('vaultLock', {}));
    expect(errorCode(await service.send('healthReport', {}))).toBe('locked');
    expect(errorCode(await service.send('healthSnooze', { id: 'a', days: 1 }))).toBe('locked');
  });
});

/** scoreFixture: each scoring rule of the corpus evaluator, on synthetic page results (no browser). */
import { describe, expect, it } from 'vitest';
import type { CorpusFixture } from './corpus-labels';
import type { CorpusPageForm, CorpusPageResult } from './corpus-page-entry';
import { scoreFixture } from './score-fixture';

const ALL_SCOPE = ['username', 'currentPassword', 'newPassword', 'confirmPassword', 'otp'];

function fixture(over: Partial<CorpusFixture>): CorpusFixture {
  return { kind: 'login', labelAttribute: 'data-manual-scoring', labelScope: ALL_SCOPE, expected: {}, fields: [], ...over };
}

function page(resolved: number[], forms: CorpusPageForm[], hidden: number[] = []): CorpusPageResult {
  const describe: Record<number, string> = {};
  for (let i = 0; i < 50; i++) describe[i] = `input#e${i}`;
  return { resolved, hidden, forms, describe, detectMs: 1, warmDetectMs: 1 };
}

const form = (kind: string, fields: Array<[string, number]>): CorpusPageForm => ({
  kind,
  container: 0,
  fields: fields.map(([role, el]) => ({ role, elements: [el] })),
  ancestors: [0, ...fields.map(([, el]) => el)],
});

const field = (role: string, selector: string) => ({ role, selector });

describe('scoreFixture', () => {
  it('counts true positives, misses and false positives per role', () => {
    const fx = fixture({
      expected: { username: ['#u'], currentPassword: ['#p'] },
      fields: [field('username', '#u'), field('current-password', '#p'), field('other', '#x')],
    });
    // resolved: expected #u=1, #p=2, then fields #u=1, #p=2, #x=3
    const tally = scoreFixture('f', fx, page([1, 2, 1, 2, 3], [form('login', [['username', 3], ['current-password', 2]])]));
    expect(tally.roles.username).toEqual({ tp: 0, fp: 1, fn: 1 });
    expect(tally.roles.currentPassword).toEqual({ tp: 1, fp: 0, fn: 0 });
    expect(tally.misses).toEqual([{ fixture: 'f', field: 'input#e1', expected: 'username', got: 'nothing' }]);
    expect(tally.falsePositives).toEqual([{ fixture: 'f', field: 'input#e3', expected: 'other', got: 'username' }]);
    // The form kind is read from the form holding the first expected element, which no form holds here.
    expect(tally.formKind).toEqual({ expected: 'login', got: 'nothing' });
    const right = scoreFixture('f', fx, page([1, 2, 1, 2, 3], [form('login', [['username', 1], ['current-password', 2]])]));
    expect(right.formKind).toEqual({ expected: 'login', got: 'login' });
  });

  it('counts a confirm password as new on DDG labels, which have no confirm role', () => {
    const fx = fixture({ kind: 'signup', expected: { newPassword: ['#a', '#b'] }, fields: [field('new-password', '#a'), field('new-password', '#b')] });
    const tally = scoreFixture('f', fx, page([1, 2, 1, 2], [form('signup', [['new-password', 1], ['confirm-password', 2]])]));
    expect(tally.roles.newPassword).toEqual({ tp: 2, fp: 0, fn: 0 });
    expect(tally.roles.confirmPassword).toEqual({ tp: 0, fp: 0, fn: 0 });
  });

  it('keeps confirm apart on Mozilla labels', () => {
    const fx = fixture({
      kind: 'signup',
      labelAttribute: 'data-fathom',
      labelScope: ['newPassword', 'confirmPassword'],
      expected: { newPassword: ['#a'], confirmPassword: ['#b'] },
      fields: [field('new-password', '#a'), field('confirm-password', '#b')],
    });
    const tally = scoreFixture('f', fx, page([1, 2, 1, 2], [form('signup', [['new-password', 2], ['confirm-password', 1]])]));
    expect(tally.roles.newPassword).toEqual({ tp: 0, fp: 1, fn: 1 });
    expect(tally.roles.confirmPassword).toEqual({ tp: 0, fp: 1, fn: 1 });
  });

  it('does not score detections on unlabelled DDG elements, but reports them as excused', () => {
    const fx = fixture({ expected: { username: ['#u'] }, fields: [field('username', '#u')] });
    const tally = scoreFixture('f', fx, page([1, 1], [form('login', [['username', 1], ['current-password', 9]])]));
    expect(tally.roles.currentPassword).toEqual({ tp: 0, fp: 0, fn: 0 });
    expect([tally.unscored, tally.excused]).toEqual([1, 1]);
  });

  it('does score detections on unlabelled elements of Mozilla fixtures', () => {
    const fx = fixture({ labelAttribute: 'data-fathom', labelScope: ['username', 'currentPassword'], kind: 'no-login-form' });
    const tally = scoreFixture('f', fx, page([], [form('login', [['username', 4], ['current-password', 5]])]));
    expect(tally.roles.username.fp + tally.roles.currentPassword.fp).toBe(2);
  });

  it('puts sign-up forms out of scope on login-rubric fixtures, and scores them elsewhere', () => {
    const login = fixture({ labelAttribute: 'data-fathom', labelScope: ['username', 'currentPassword'], kind: 'no-login-form' });
    const signup = [form('signup', [['username', 4], ['new-password', 5]])];
    const tally = scoreFixture('f', login, page([], signup));
    expect(tally.roles.username.fp).toBe(0);
    expect(tally.outOfScope.map((o) => o.got)).toEqual(['username (signup)', 'new-password (signup)']);
    const fullScope = fixture({ kind: 'non-login:checkout', labelAttribute: 'data-fathom' });
    expect(scoreFixture('f', fullScope, page([], signup)).roles.username.fp).toBe(1);
  });

  it('accepts any password role on passwordUnspecified elements and on plain DDG passwords of login+signup pages', () => {
    const unspecified = fixture({ kind: 'change-password', expected: { passwordUnspecified: ['#a'] }, fields: [field('password', '#a')] });
    const t1 = scoreFixture('f', unspecified, page([1, 1], [form('change-password', [['current-password', 1]])]));
    expect(t1.unspecified).toEqual({ found: 1, total: 1 });
    expect(t1.roles.currentPassword).toEqual({ tp: 0, fp: 0, fn: 0 });

    const mixed = fixture({ kind: 'login+signup', expected: { currentPassword: ['#a', '#b'] }, fields: [field('password', '#a'), field('password', '#b')] });
    const t2 = scoreFixture('f', mixed, page([1, 2, 1, 2], [form('login', [['current-password', 1]]), form('signup', [['new-password', 2]])]));
    expect(t2.unspecified).toEqual({ found: 2, total: 2 });
    expect([t2.roles.currentPassword, t2.roles.newPassword]).toEqual([{ tp: 0, fp: 0, fn: 0 }, { tp: 0, fp: 0, fn: 0 }]);
  });

  it('does not score a code on a DDG "unknown" field, but does score a password on one', () => {
    const fx = fixture({ kind: 'verification-code', fields: [field('not-credential', '#c')] });
    const t1 = scoreFixture('f', fx, page([1], [form('otp', [['otp', 1]])]));
    expect([t1.roles.otp.fp, t1.excused]).toEqual([0, 1]);
    const t2 = scoreFixture('f', fx, page([1], [form('password-step', [['current-password', 1]])]));
    expect(t2.roles.currentPassword.fp).toBe(1);
  });

  it('lists expected elements that are not rendered instead of counting them as misses', () => {
    const fx = fixture({ expected: { username: ['#u'] }, fields: [field('username', '#u')] });
    const tally = scoreFixture('f', fx, page([1, 1], [], [1]));
    expect(tally.roles.username).toEqual({ tp: 0, fp: 0, fn: 0 });
    expect(tally.hiddenExpected).toEqual([{ field: 'input#e1', expected: 'username' }]);
  });

  it('matches sign-up forms by containment and counts other sign-up forms as false positives', () => {
    const fx = fixture({ kind: 'signup', labelAttribute: 'data-fathom', labelScope: ['signupForm'], expected: { signupForm: ['form#s'] } });
    const inside = { ...form('signup', [['username', 8]]), ancestors: [7, 8, 20] };
    const elsewhere = { ...form('signup', [['username', 30]]), ancestors: [30, 31] };
    const tally = scoreFixture('f', fx, page([20], [inside, elsewhere]));
    expect(tally.signup).toEqual({ tp: 1, fp: 1, fn: 0 });
    expect(scoreFixture('f', fx, page([20], [elsewhere])).signup).toEqual({ tp: 0, fp: 1, fn: 1 });
  });

  it('reports selectors that matched nothing', () => {
    const tally = scoreFixture('f', fixture({ expected: { username: ['#gone'] } }), page([-1], []));
    expect(tally.unresolved).toEqual(['#gone']);
  });
});

/**
 * Scores one corpus page: the detector's forms (by element index, from corpus-page-entry.ts) against the
 * fixture's labels, under the rules listed in evaluate-corpus.ts.
 */
import type { CorpusFixture } from './corpus-labels';
import type { CorpusPageResult } from './corpus-page-entry';

/** The expected keys of labels.json that name field roles. */
export const ROLE_KEYS = ['username', 'currentPassword', 'newPassword', 'confirmPassword', 'otp'] as const;
/** One of `ROLE_KEYS`. */
export type RoleKey = (typeof ROLE_KEYS)[number];

/** A labelled element the detector did not report in its role, or a detection nobody expected. */
export interface Miss {
  fixture: string;
  field: string;
  expected: string;
  got: string;
}

const KEY_OF_ROLE: Readonly<Record<string, RoleKey>> = {
  username: 'username',
  'current-password': 'currentPassword',
  'new-password': 'newPassword',
  'confirm-password': 'confirmPassword',
  otp: 'otp',
};
const PASSWORD_KEYS: readonly RoleKey[] = ['currentPassword', 'newPassword', 'confirmPassword'];
/** The fixture kind → the form kind the detector should give the form holding the expected fields. */
const FORM_KIND_OF_FIXTURE: Readonly<Record<string, string>> = {
  login: 'login',
  'login-username-step': 'username-step',
  'login-password-step': 'password-step',
  'reauth-password': 'password-step',
  signup: 'signup',
  'change-password': 'change-password',
  'password-reset': 'password-reset',
  otp: 'otp',
};
/** What one page adds to the corpus totals. */
export interface FixtureTally {
  roles: Record<RoleKey, { tp: number; fp: number; fn: number }>;
  signup: { tp: number; fp: number; fn: number };
  unspecified: { found: number; total: number };
  unscored: number;
  /** Detections not scored by the unlabelled-DDG and code-on-"unknown" rules. */
  excused: number;
  hiddenExpected: Array<{ field: string; expected: string }>;
  formKind: { expected: string; got: string } | null;
  misses: Miss[];
  falsePositives: Miss[];
  outOfScope: Array<{ field: string; got: string }>;
  unresolved: string[];
}

/**
 * Scores one fixture's page result against its labels (rules: see evaluate-corpus.ts).
 *
 * @param name - the fixture's path in the corpus, for the miss lists
 * @param fixture - its labels
 * @param result - the page's answer; `resolved` holds the `expected` selectors first (key by key, in order), then
 *   one per entry of `fixture.fields`
 * @returns counts and lists for this page
 */
export function scoreFixture(name: string, fixture: CorpusFixture, result: CorpusPageResult): FixtureTally {
  const scope = new Set(fixture.labelScope);
  const ddg = fixture.labelAttribute === 'data-manual-scoring';
  const loginRubric = scope.has('username') && !scope.has('newPassword');
  const expected = new Map<string, Set<number>>();
  const unresolved: string[] = [];
  let at = 0;
  for (const key of Object.keys(fixture.expected)) {
    const set = new Set<number>();
    for (const selector of fixture.expected[key]!) {
      const index = result.resolved[at++]!;
      if (index < 0) unresolved.push(selector);
      else set.add(index);
    }
    expected.set(key, set);
  }
  const labelOf = new Map<number, string>();
  const notCredential = new Set<number>();
  const unspecifiedSet = expected.get('passwordUnspecified') ?? new Set<number>();
  const mixedKind = fixture.kind.includes('login') && fixture.kind.includes('signup');
  fixture.fields.forEach((field, i) => {
    const index = result.resolved[at + i]!;
    if (index < 0) return;
    labelOf.set(index, field.role);
    if (field.role === 'not-credential') notCredential.add(index);
    if (ddg && mixedKind && field.role === 'password') {
      for (const key of PASSWORD_KEYS) expected.get(key)?.delete(index);
      unspecifiedSet.add(index);
    }
  });
  const describe = (i: number) => result.describe[i] ?? `#${i}`;
  const hiddenSet = new Set(result.hidden);
  const hiddenExpected: FixtureTally['hiddenExpected'] = [];
  for (const [key, set] of expected) {
    for (const el of set) {
      if (key === 'signupForm' || !hiddenSet.has(el)) continue;
      set.delete(el);
      hiddenExpected.push({ field: describe(el), expected: key });
    }
  }

  const detected = new Map<RoleKey, Set<number>>(ROLE_KEYS.map((k) => [k, new Set<number>()]));
  const gotRoles = new Map<number, string[]>();
  const outOfScope: FixtureTally['outOfScope'] = [];
  const unspecifiedFound = new Set<number>();
  let unscored = 0;
  let excused = 0;
  for (const form of result.forms) {
    for (const field of form.fields) {
      let key = KEY_OF_ROLE[field.role]!;
      if (ddg && key === 'confirmPassword') key = 'newPassword';
      for (const el of field.elements) {
        (gotRoles.get(el) ?? gotRoles.set(el, []).get(el)!).push(`${field.role} (${form.kind})`);
        if (unspecifiedSet.has(el) && PASSWORD_KEYS.includes(key)) {
          unspecifiedFound.add(el);
          continue;
        }
        if (key === 'otp' && notCredential.has(el)) {
          excused++;
          continue;
        }
        if (ddg && !labelOf.has(el)) {
          unscored++;
          excused++;
          continue;
        }
        if (!scope.has(key) || (loginRubric && form.kind === 'signup')) {
          outOfScope.push({ field: describe(el), got: `${field.role} (${form.kind})` });
          continue;
        }
        detected.get(key)!.add(el);
      }
    }
  }

  const roles = Object.fromEntries(ROLE_KEYS.map((k) => [k, { tp: 0, fp: 0, fn: 0 }])) as FixtureTally['roles'];
  const misses: Miss[] = [];
  const falsePositives: Miss[] = [];
  for (const key of ROLE_KEYS) {
    if (!scope.has(key)) continue;
    const want = expected.get(key) ?? new Set<number>();
    const got = detected.get(key)!;
    for (const el of want) {
      if (got.has(el)) roles[key].tp++;
      else {
        roles[key].fn++;
        misses.push({ fixture: name, field: describe(el), expected: key, got: gotRoles.get(el)?.join(', ') ?? 'nothing' });
      }
    }
    for (const el of got) {
      if (want.has(el)) continue;
      roles[key].fp++;
      falsePositives.push({ fixture: name, field: describe(el), expected: labelOf.get(el) ?? 'unlabelled', got: key });
    }
  }

  const signup = { tp: 0, fp: 0, fn: 0 };
  if (scope.has('signupForm')) {
    const want = expected.get('signupForm') ?? new Set<number>();
    const found = new Set<number>();
    for (const form of result.forms) {
      if (form.kind !== 'signup') continue;
      const match = [...want].find((el) => form.ancestors.includes(el));
      if (match === undefined) {
        signup.fp++;
        falsePositives.push({ fixture: name, field: describe(form.container), expected: 'no sign-up form', got: 'signupForm' });
      } else found.add(match);
    }
    signup.tp = found.size;
    signup.fn = want.size - found.size;
    for (const el of want) {
      if (found.has(el)) continue;
      const kinds = result.forms.filter((f) => f.ancestors.includes(el) || f.container === el).map((f) => f.kind);
      misses.push({ fixture: name, field: describe(el), expected: 'signupForm', got: kinds.join(', ') || 'nothing' });
    }
  }

  let formKind: FixtureTally['formKind'] = null;
  const wantKind = FORM_KIND_OF_FIXTURE[fixture.kind];
  const first = [...expected.entries()].filter(([k]) => k !== 'signupForm').flatMap(([, s]) => [...s])[0];
  if (wantKind && first !== undefined) {
    const holder = result.forms.find((f) => f.fields.some((field) => field.elements.includes(first)));
    formKind = { expected: wantKind, got: holder?.kind ?? 'nothing' };
  }
  return {
    roles,
    signup,
    unspecified: { found: unspecifiedFound.size, total: unspecifiedSet.size },
    unscored,
    excused,
    hiddenExpected,
    formKind,
    misses,
    falsePositives,
    outOfScope,
    unresolved,
  };
}

/**
 * Form detection in real Chromium: the corpus targets of issue 3 on ../shared/autofill-corpus (skipped when that
 * folder is absent; it is test data kept outside the repository), and the authored fixtures of
 * tests/fixtures/forms held to the same answers as the jsdom unit tests, plus the layout-only honeypots.
 * Needs no extension build: the detector is bundled straight from lib/autofill.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FORM_FIXTURE_EXPECTATIONS, LAYOUT_FIXTURE_EXPECTATIONS } from '../autofill/form-fixture-expectations';
import { FORM_FIXTURES } from '../autofill/jsdom-document';
import { REPO_ROOT } from '../corpus/bundle-detector';
import { openFixturePages, type FixturePages } from '../corpus/chromium-fixture-pages';
import type { CorpusPageResult } from '../corpus/corpus-page-entry';
import { evaluateCorpus, type CorpusReport, type Miss } from '../corpus/evaluate-corpus';

const CORPUS = resolve(REPO_ROOT, process.env.SEALPASS_AUTOFILL_CORPUS || '../shared/autofill-corpus');
const HAS_CORPUS = existsSync(join(CORPUS, 'labels.json'));
/** Issue 3: F1 ≥ 0.97 for username, current and new password; ≥ 0.9 for confirm password and one-time code. */
const TARGETS = { username: 0.97, currentPassword: 0.97, newPassword: 0.97, confirmPassword: 0.9, otp: 0.9 } as const;

/**
 * Labels we believe are wrong, kept like DDG's own `expectedFailures`: the evaluator still counts them (its
 * printed report shows them), the targets are asserted without them, and the test fails if one of them stops
 * occurring, so the list cannot go stale. Each is a labelling question, not a page the detector special-cases.
 */
const DISPUTED: ReadonlyArray<{ fixture: string; field: string; expected: string; why: string }> = [
  { fixture: 'ddg/accounts_hindustantimes_com_login.html', field: 'input#userEmail[type=text]', expected: 'username', why: 'email of a "contact us" form ("share your details and we will reach out"), not a login identifier' },
  { fixture: 'ddg/accounts_hindustantimes_com_login.html', field: 'input#linkEmail[type=email]', expected: 'username', why: 'email of a profile-completion form shown after login ("Welcome", name, email, phone, "Do this later")' },
  { fixture: 'ddg/en_irna_ir_login.html', field: 'input#userEmail[name=userEmail][type=email]', expected: 'username', why: 'email of a news comment form (name, email, captcha, "send"); upstream lists it as a known failure too' },
  { fixture: 'ddg/eventbrite_checkout-signup.html', field: 'input#buyer.N-email[name=buyer.N-email][type=email]', expected: 'username', why: 'buyer email of a checkout form (names, attendee details); DDG labels it an identity emailAddress' },
  { fixture: 'ddg/eventbrite_checkout-signup.html', field: 'input#buyer.confirmEmailAddress[name=buyer.confirmEmailAddress][type=email]', expected: 'username', why: 'as above: checkout buyer email confirmation' },
  { fixture: 'ddg/eventbrite_checkout-signup.html', field: 'input#A-2f9b86b601244d6798b678a8e8170320.N-email[name=A-2f9b86b601244d6798b678a8e8170320.N-email][type=email]', expected: 'username', why: 'as above: attendee email' },
  { fixture: 'ddg/help_uber_com_login.html', field: 'input[type=text]', expected: 'username', why: 'fields of a help request form ("I can\'t sign in to my account": name, email and phone on the account, submit "Submit")' },
  { fixture: 'ddg/socialmediaexaminer_com_login.html', field: 'input#callout-name[name=fields[first_name]][type=text]', expected: 'username', why: 'first-name field of a "send me a copy" newsletter form; upstream lists both as known failures' },
  { fixture: 'ddg/socialmediaexaminer_com_login.html', field: 'input#callout-email[name=fields[email]][type=text]', expected: 'username', why: 'email of the same newsletter form' },
  { fixture: 'mozilla-login/negative__fp5.html', field: 'input#loginValue[name=inputField][type=email]', expected: 'unlabelled', why: 'labelled a page without login form, but its "I\'m a Returning User" box is an email + password login' },
  { fixture: 'mozilla-login/negative__fp5.html', field: 'input#logonPassword[name=inputField][type=password]', expected: 'unlabelled', why: 'as above: the returning user\'s password' },
];

const isDisputed = (m: Miss) => DISPUTED.some((d) => d.fixture === m.fixture && d.field === m.field && d.expected === m.expected);

/** F1 per role after taking the disputed misses and false positives out of the counts. */
function scoresWithoutDisputed(report: CorpusReport): Record<keyof typeof TARGETS, number> {
  const f1 = {} as Record<keyof typeof TARGETS, number>;
  for (const key of Object.keys(TARGETS) as Array<keyof typeof TARGETS>) {
    const role = report.roles[key];
    const fn = role.fn - report.misses.filter((m) => m.expected === key && isDisputed(m)).length;
    const fp = role.fp - report.falsePositives.filter((m) => m.got === key && isDisputed(m)).length;
    f1[key] = 2 * role.tp + fp + fn === 0 ? 1 : (2 * role.tp) / (2 * role.tp + fp + fn);
  }
  return f1;
}

describe.skipIf(!HAS_CORPUS)('autofill corpus (../shared/autofill-corpus)', () => {
  let report: CorpusReport;

  beforeAll(async () => {
    report = await evaluateCorpus(CORPUS);
  }, 900_000);

  it('meets the F1 targets per role', () => {
    const f1 = scoresWithoutDisputed(report);
    for (const key of Object.keys(TARGETS) as Array<keyof typeof TARGETS>) {
      expect(f1[key], `${key}: ${JSON.stringify(report.roles[key])}`).toBeGreaterThanOrEqual(TARGETS[key]);
    }
  });

  it('finds no credential field on the negative pages', () => {
    const found = report.falsePositives.filter(
      (m) => report.negatives.pagesWithCredentialFields.includes(m.fixture) && !isDisputed(m),
    );
    expect(found).toEqual([]);
    // Detections excused elsewhere (unlabelled DDG inputs, codes on "unknown" fields) count on negative pages:
    // every page that has any must be one whose only findings are disputed.
    for (const page of report.negatives.pagesWithCredentialFields) {
      expect(DISPUTED.some((d) => d.fixture === page), page).toBe(true);
    }
  });

  it('finds the sign-up forms and no other', () => {
    expect(report.signupForm.f1).toBeGreaterThanOrEqual(0.9);
  });

  it('still disagrees with every disputed label (remove an entry once it is resolved)', () => {
    for (const d of DISPUTED) {
      const occurs = [...report.misses, ...report.falsePositives].some((m) => isDisputed(m) && m.fixture === d.fixture && m.field === d.field);
      expect(occurs, `${d.fixture} ${d.field}`).toBe(true);
    }
  });

  it('resolves every labelled element of the corpus', () => {
    expect(report.unresolved).toEqual([]);
  });
});

describe('authored fixtures in Chromium', () => {
  let pages: FixturePages;

  beforeAll(async () => {
    pages = await openFixturePages();
  }, 120_000);

  afterAll(async () => {
    await pages?.close();
  });

  /** The page result as `kind: role=#id+#id` lines, as in form-fixture-expectations.ts. */
  function summary(result: CorpusPageResult): string[] {
    const name = (i: number) => {
      const text = result.describe[i] ?? '';
      return `#${/#([^[]+)/.exec(text)?.[1] ?? /\[name=([^\]]*)\]/.exec(text)?.[1] ?? ''}`;
    };
    return result.forms.map((f) => `${f.kind}: ${f.fields.map((x) => `${x.role}=${x.elements.map(name).join('+')}`).join(', ')}`.trim());
  }

  for (const [fixture, expected] of Object.entries({ ...FORM_FIXTURE_EXPECTATIONS, ...LAYOUT_FIXTURE_EXPECTATIONS })) {
    it(fixture, async () => {
      const html = await readFile(join(FORM_FIXTURES, fixture), 'utf8');
      expect(summary(await pages.run(html, { selectors: [], stripAttributes: [] }))).toEqual(expected);
    });
  }
});

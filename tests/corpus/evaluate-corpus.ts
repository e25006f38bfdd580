/**
 * The autofill corpus evaluator: loads every fixture of a corpus (`labels.json` in the schema of
 * ../shared/autofill-corpus) into headless Chromium with the network cut off, removes the label attributes,
 * runs the project's detector, and scores it per role, per fixture kind and on the negative pages.
 *
 * Scoring rules, all from the corpus README and the upstream rubrics, none about a particular fixture:
 * - only the `expected` keys in a fixture's `labelScope` are scored; within scope, a detection that is not
 *   expected is a false positive;
 * - DDG labels (`data-manual-scoring`) have no confirm role: `password.new` covers new and confirm fields, so a
 *   detected confirm-password counts as new-password there;
 * - `passwordUnspecified` elements accept any password role and are scored apart; so are DDG's plain `password`
 *   labels on pages with both a login and a sign-up form, where the fixture kind cannot say which form (and so
 *   which of current or new) a password belongs to;
 * - DDG's own test scores only the elements that carry `data-manual-scoring`, so on DDG fixtures a detection
 *   on an unlabelled element is not scored (it is counted in `unscored`);
 * - an expected element that is not rendered at all in Chromium (display:none, visibility:hidden, opacity 0,
 *   aria-hidden, empty box; checked by the evaluator, not by the detector) is one the detector must never
 *   choose (hidden fields are honeypots by contract): it is listed in `hiddenExpected`, not scored;
 * - DDG `unknown` fields ("not-credential": must not be taken for a username or password) are not scored for
 *   one-time codes: the README notes several are emailed codes a password manager may treat as one;
 * - fixtures labelled for login fields only (scope has `username` but not `newPassword`, the Mozilla Lockwise
 *   rubric) treat registration forms as negatives, so fields of forms the detector calls `signup` are out of
 *   scope there: they are reported apart, not scored.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { openFixturePages } from './chromium-fixture-pages';
import { corpusLabelsSchema, fieldSelector } from './corpus-labels';
import { ROLE_KEYS, scoreFixture, type Miss, type RoleKey } from './score-fixture';
import { servedPageHtml } from './served-page-html';

export type { Miss } from './score-fixture';

/** Precision, recall and F1 of one role (or form label) over the corpus. */
export interface RoleScore {
  tp: number;
  fp: number;
  fn: number;
  precision: number | null;
  recall: number | null;
  f1: number | null;
}

/** The evaluator's whole output, printed as JSON by `npm run eval:autofill`. */
export interface CorpusReport {
  corpus: string;
  fixtures: number;
  roles: Record<RoleKey, RoleScore>;
  signupForm: RoleScore;
  passwordUnspecified: { found: number; total: number };
  /** Detections on unlabelled elements of DDG fixtures, which DDG's rubric does not score. */
  unscored: number;
  /** Expected elements not rendered in Chromium: the contract forbids choosing them, so they are not scored. */
  hiddenExpected: Array<{ fixture: string; field: string; expected: string }>;
  kinds: Record<string, RoleScore & { fixtures: number; perfect: number }>;
  formKinds: { correct: number; total: number; wrong: Array<{ fixture: string; expected: string; got: string }> };
  negatives: {
    pages: number;
    credentialFields: number;
    pagesWithCredentialFields: string[];
    /** Detections on negative pages outside the labelling's scope (a sign-up form on registration bait). */
    outOfScope: Array<{ fixture: string; field: string; got: string }>;
  };
  /** Per page, in ms: `first` includes the layout a fresh page needs for the first box read; `warm` is a rescan. */
  detectMs: { firstMedian: number; firstMax: number; warmMedian: number; warmMax: number };
  misses: Miss[];
  falsePositives: Miss[];
  /** Expected selectors that matched no element (a corpus or loader problem, not a detector one). */
  unresolved: Array<{ fixture: string; selector: string }>;
  /** With `details`: each page's forms as `kind: role=field, …`. */
  pages?: Record<string, string[]>;
}

/** Options for `evaluateCorpus`. */
export interface EvaluateOptions {
  /** Only fixtures whose path contains this text. */
  only?: string;
  /** Chromium executable; default `CHROMIUM_PATH` or /usr/bin/chromium. */
  executablePath?: string;
  /** Add every page's detected forms to the report (`pages`), for studying misses. */
  details?: boolean;
}

function score(tp: number, fp: number, fn: number): RoleScore {
  const precision = tp + fp === 0 ? null : tp / (tp + fp);
  const recall = tp + fn === 0 ? null : tp / (tp + fn);
  const f1 = precision === null || recall === null || precision + recall === 0 ? (tp + fp + fn === 0 ? null : 0) : (2 * precision * recall) / (precision + recall);
  const r = (n: number | null) => (n === null ? null : Math.round(n * 1000) / 1000);
  return { tp, fp, fn, precision: r(precision), recall: r(recall), f1: r(f1) };
}

/**
 * Evaluates the detector on every fixture of the corpus in `dir`.
 *
 * @param dir - a folder holding `labels.json` and the fixture files it names
 * @param options - fixture filter and Chromium path
 * @returns the report (see `CorpusReport`)
 * @throws {Error} when labels.json is missing or does not match the schema, or Chromium cannot start
 */
export async function evaluateCorpus(dir: string, options: EvaluateOptions = {}): Promise<CorpusReport> {
  const labels = corpusLabelsSchema.parse(JSON.parse(await readFile(join(dir, 'labels.json'), 'utf8')));
  const fixtures = await openFixturePages(options.executablePath);
  const counts = Object.fromEntries(ROLE_KEYS.map((k) => [k, { tp: 0, fp: 0, fn: 0 }])) as Record<RoleKey, { tp: number; fp: number; fn: number }>;
  const signupCount = { tp: 0, fp: 0, fn: 0 };
  const unspecified = { found: 0, total: 0 };
  let unscored = 0;
  const hiddenExpected: CorpusReport['hiddenExpected'] = [];
  const pages: Record<string, string[]> = {};
  const kindCounts: Record<string, { tp: number; fp: number; fn: number; fixtures: number; perfect: number }> = {};
  const formKinds: CorpusReport['formKinds'] = { correct: 0, total: 0, wrong: [] };
  const negatives: CorpusReport['negatives'] = { pages: 0, credentialFields: 0, pagesWithCredentialFields: [], outOfScope: [] };
  const misses: Miss[] = [];
  const falsePositives: Miss[] = [];
  const unresolved: CorpusReport['unresolved'] = [];
  const times: number[] = [];
  const warmTimes: number[] = [];
  const entries = Object.entries(labels.fixtures).filter(([name]) => !options.only || name.includes(options.only));
  try {
    for (const [name, fixture] of entries) {
      const html = servedPageHtml(await readFile(join(dir, name), 'utf8'), fixture.fragment === true);
      const expectedKeys = Object.keys(fixture.expected);
      const selectors = [...expectedKeys.flatMap((k) => fixture.expected[k]!), ...fixture.fields.map((f) => fieldSelector(f) ?? '')];
      const result = await fixtures.run(html, { selectors, stripAttributes: labels.labelAttributes });
      times.push(result.detectMs);
      warmTimes.push(result.warmDetectMs);
      const tally = scoreFixture(name, fixture, result);
      for (const k of ROLE_KEYS) {
        counts[k].tp += tally.roles[k].tp;
        counts[k].fp += tally.roles[k].fp;
        counts[k].fn += tally.roles[k].fn;
      }
      signupCount.tp += tally.signup.tp;
      signupCount.fp += tally.signup.fp;
      signupCount.fn += tally.signup.fn;
      unspecified.found += tally.unspecified.found;
      unspecified.total += tally.unspecified.total;
      unscored += tally.unscored;
      hiddenExpected.push(...tally.hiddenExpected.map((h) => ({ fixture: name, ...h })));
      if (options.details) {
        pages[name] = result.forms.map(
          (f) => `${f.kind} ${result.describe[f.container] ?? ''}: ${f.fields.map((x) => `${x.role}=${x.elements.map((e) => result.describe[e]).join('+')}`).join(', ')}`,
        );
      }
      const kind = (kindCounts[fixture.kind] ??= { tp: 0, fp: 0, fn: 0, fixtures: 0, perfect: 0 });
      const sum = [...Object.values(tally.roles), tally.signup].reduce((a, b) => ({ tp: a.tp + b.tp, fp: a.fp + b.fp, fn: a.fn + b.fn }));
      kind.tp += sum.tp;
      kind.fp += sum.fp;
      kind.fn += sum.fn;
      kind.fixtures++;
      if (sum.fp === 0 && sum.fn === 0) kind.perfect++;
      if (tally.formKind) {
        formKinds.total++;
        if (tally.formKind.expected === tally.formKind.got) formKinds.correct++;
        else formKinds.wrong.push({ fixture: name, ...tally.formKind });
      }
      if (fixture.kind.startsWith('non-login:') || fixture.kind === 'no-login-form') {
        negatives.pages++;
        // Strict here: detections the lenient rules excuse elsewhere (unlabelled, code on "unknown") count too.
        const found = sum.fp + tally.excused;
        negatives.credentialFields += found;
        if (found > 0) negatives.pagesWithCredentialFields.push(name);
        negatives.outOfScope.push(...tally.outOfScope.map((o) => ({ fixture: name, ...o })));
      }
      misses.push(...tally.misses);
      falsePositives.push(...tally.falsePositives);
      unresolved.push(...tally.unresolved.map((selector) => ({ fixture: name, selector })));
    }
  } finally {
    await fixtures.close();
  }
  const ms = (list: number[], at: number) => Math.round((list.sort((a, b) => a - b)[Math.floor(at * (list.length - 1))] ?? 0) * 100) / 100;
  return {
    corpus: dir,
    fixtures: entries.length,
    roles: Object.fromEntries(ROLE_KEYS.map((k) => [k, score(counts[k].tp, counts[k].fp, counts[k].fn)])) as Record<RoleKey, RoleScore>,
    signupForm: score(signupCount.tp, signupCount.fp, signupCount.fn),
    passwordUnspecified: unspecified,
    unscored,
    hiddenExpected,
    kinds: Object.fromEntries(
      Object.entries(kindCounts).map(([k, c]) => [k, { ...score(c.tp, c.fp, c.fn), fixtures: c.fixtures, perfect: c.perfect }]),
    ),
    formKinds,
    negatives,
    detectMs: { firstMedian: ms(times, 0.5), firstMax: ms(times, 1), warmMedian: ms(warmTimes, 0.5), warmMax: ms(warmTimes, 1) },
    misses,
    falsePositives,
    unresolved,
    ...(options.details ? { pages } : {}),
  };
}

/**
 * The pure part of relabelling (scripts/eval-set/apply-relabels.ts): applies the hand decisions of
 * scripts/eval-set/relabel.json to one part's labels.json, with the checks that need no browser.
 */

/** The roles a relabel may add: the expected keys of the field-level scopes. */
export const RELABEL_ROLES = ['username', 'currentPassword', 'newPassword', 'confirmPassword', 'otp'] as const;
/** See {@link RELABEL_ROLES}. */
export type RelabelRole = (typeof RELABEL_ROLES)[number];

/** One page's decision in relabel.json. */
export interface Relabel {
  kind?: string;
  add?: Array<{ role: RelabelRole; selector: string }>;
  remove?: string[];
  reason: string;
}

/** relabel.json: page key (`<folder>/<file>.html`) → decision. */
export type RelabelFile = Record<string, Relabel>;

/** The parts of a fixture this step reads or writes; everything else is carried over unchanged. */
export interface RelabelFixture {
  kind: string;
  labelScope: string[];
  expected: Record<string, string[] | undefined>;
  relabelled?: { reason: string; previousKind?: string; added: Array<{ role: string; selector: string }>; removed: Array<{ role: string; selector: string }> };
  [other: string]: unknown;
}

/** A labels.json (only `fixtures` is read). */
export interface LabelsFile {
  fixtures: Record<string, RelabelFixture>;
  [other: string]: unknown;
}

/** Counts for the README. */
export interface RelabelStats {
  pagesChanged: number;
  added: Record<string, number>;
  removed: Record<string, number>;
  kindsChanged: Array<{ page: string; from: string; to: string }>;
}

/** A decision that cannot be applied as written. */
export class RelabelError extends Error {
  override name = 'RelabelError';
}

const KINDS = /^(login|login-username-step|login-password-step|login\+signup|login\+otp|signup|signup-username-step|change-password|password-reset|reauth-password|otp|otp\+password|verification-code|no-login-form|no-new-password|not-signup|non-login:[a-z]+)$/;

/**
 * Applies the decisions for the pages of one part. Pages of `relabels` that are not in `labels` are ignored
 * (they belong to the other part; {@link unusedRelabels} checks the union).
 *
 * @returns a new labels object (the input is not changed) and the counts
 * @throws {RelabelError} for a role outside the page's labelScope, an added selector already expected, a removed
 *   selector not expected, an unknown kind, a decision with nothing in it, or a missing reason
 */
export function applyRelabels(labels: LabelsFile, relabels: RelabelFile): { labels: LabelsFile; stats: RelabelStats } {
  const out = structuredClone(labels);
  const stats: RelabelStats = { pagesChanged: 0, added: {}, removed: {}, kindsChanged: [] };
  for (const [page, decision] of Object.entries(relabels)) {
    const fx = out.fixtures[page];
    if (!fx) continue;
    const fail = (why: string): never => {
      throw new RelabelError(`${page}: ${why}`);
    };
    if (!decision.reason?.trim()) fail('no reason');
    const adds = decision.add ?? [];
    const removes = decision.remove ?? [];
    if (!decision.kind && adds.length === 0 && removes.length === 0) fail('nothing to change');
    const note: NonNullable<RelabelFixture['relabelled']> = { reason: decision.reason, added: [], removed: [] };
    if (decision.kind && decision.kind !== fx.kind) {
      if (!KINDS.test(decision.kind)) fail(`unknown kind ${decision.kind}`);
      note.previousKind = fx.kind;
      stats.kindsChanged.push({ page, from: fx.kind, to: decision.kind });
      fx.kind = decision.kind;
    } else if (decision.kind) fail(`kind is already ${decision.kind}`);
    for (const selector of removes) {
      const keys = Object.keys(fx.expected).filter((k) => fx.expected[k]!.includes(selector));
      if (keys.length === 0) fail(`remove: ${selector} is not expected`);
      for (const k of keys) {
        fx.expected[k] = fx.expected[k]!.filter((s) => s !== selector);
        if (fx.expected[k]!.length === 0) delete fx.expected[k];
        note.removed.push({ role: k, selector });
        stats.removed[k] = (stats.removed[k] ?? 0) + 1;
      }
    }
    const seen = new Set<string>();
    for (const { role, selector } of adds) {
      if (!(RELABEL_ROLES as readonly string[]).includes(role)) fail(`unknown role ${role}`);
      if (!fx.labelScope.includes(role)) fail(`${role} is outside the labelScope (${fx.labelScope.join(', ')})`);
      if (!selector?.trim()) fail('empty selector');
      if (seen.has(selector)) fail(`${selector} added twice`);
      seen.add(selector);
      if (Object.values(fx.expected).some((list) => list?.includes(selector))) fail(`add: ${selector} is already expected`);
      fx.expected[role] = [...(fx.expected[role] ?? []), selector];
      note.added.push({ role, selector });
      stats.added[role] = (stats.added[role] ?? 0) + 1;
    }
    fx.relabelled = note;
    stats.pagesChanged++;
  }
  return { labels: out, stats };
}

/** Pages named in relabel.json that are in none of the given parts (a typo, or a page that left the set). */
export function unusedRelabels(relabels: RelabelFile, parts: LabelsFile[]): string[] {
  return Object.keys(relabels).filter((page) => !parts.some((p) => page in p.fixtures));
}

/** The selectors to verify in the browser for one page: every added one must be exactly one visible input. */
export function addedSelectors(decision: Relabel): string[] {
  return (decision.add ?? []).map((a) => a.selector);
}

/** Markers around the relabelling section of the evaluation set's README, replaced on every run. */
export const README_MARKERS = ['<!-- relabel:start -->', '<!-- relabel:end -->'] as const;

/** One part's figures for the README. */
export interface PartReport {
  part: string;
  /** Candidate lines the lister printed for the part and a person read; null when not given. */
  candidatesRead: number | null;
  stats: RelabelStats;
}

const ROLE_ORDER = [...RELABEL_ROLES, 'passwordUnspecified', 'signupForm'];

/** The README section: the rule, the procedure and the counts per part (pure; apply-relabels.ts writes it). */
export function renderRelabelSection(reports: PartReport[]): string {
  const roles = ROLE_ORDER.filter((r) => reports.some((p) => p.stats.added[r] || p.stats.removed[r]));
  const lines = [
    README_MARKERS[0],
    '## Relabelled parts (`tune-relabelled/`, `heldout-relabelled/`)',
    '',
    'The upstream labels under-label: Mozilla\'s Fathom labels one form per page, so a second login form, a sign-up',
    'form beside a login, or a real login form on a page filed under `negative/` is left unlabelled, and a detector',
    'that finds it is scored wrong. The relabelled parts re-label every page by one rule, decided blind (the',
    'detector and the evaluator were not run, nor their output read, on any page):',
    '',
    '* **Label every credential field a user could fill on the page as served** (headless Chromium, 1100 × 900,',
    '  scripts removed, network refused; visible by the evaluator\'s `isFieldVisible`), with the shared corpus\'s role',
    '  rules, **within each page\'s unchanged `labelScope`** (lockwise: username + currentPassword; new-password:',
    '  newPassword + confirmPassword; DDG: all five; Mozilla sign-up pages: signupForm only, so nothing changes there).',
    '* A login form\'s identifier and password; a sign-up or change form\'s new password (+ confirm); a sign-up form\'s',
    '  account identifier where the scope has `username` (its username field, else its e-mail, as the corpus rules',
    '  say). DDG confirm boxes are `newPassword` (DDG\'s `password.new` convention).',
    '* A page filed as having no login / new-password form that shows one gets the right kind (`login`, `signup`,',
    '  `login+signup`). A page whose only labelled credential fields are not visible as served loses those labels',
    '  (and its kind says what is visible). Show-password twins count once; decoys and honeypots stay unlabelled;',
    '  delete-account / change-e-mail confirmations are out of the new-password scope; a form that switches sign-in',
    '  and sign-up by script with one set of inputs is left as labelled.',
    '* A label is removed only when plainly wrong: on a hidden element, on a verification-code box, or a sign-up',
    '  password filed as a current password (moved to `newPassword`).',
    '',
    'Procedure: `scripts/eval-set/list-relabel-candidates.ts` lists structural candidates per page (unlabelled',
    'visible passwords, text boxes named like a password, identifier-like boxes on negative pages with a visible',
    'password, labelled login forms holding two passwords, labels on non-inputs or invisible elements); every',
    'candidate was read by hand in the HTML and decided; the decisions are `scripts/eval-set/relabel.json` (one',
    'reason per page; `[login-form]`, `[signup-identifier]`, `[new-password-form]` tag the three kinds of addition);',
    '`scripts/eval-set/apply-relabels.ts` applies them, checks in Chromium that every added selector is exactly one',
    'visible input, and writes the two parts (labels.json with a `relabelled` note on each changed page; the HTML',
    'files are hard links). heldout was relabelled first, then tune.',
    '',
    'Counts: a label moved to another role (a sign-up password filed as current) counts as − in the old role and +',
    'in the new one. `[signup-identifier]` additions (a sign-up form\'s identifier on lockwise pages, and the kind of',
    'a `negative/` page that shows only a sign-up form becoming `signup`) follow the rule\'s "account identifier',
    'where the scope includes it"; they can be told apart by that tag in relabel.json.',
    '',
    `| part | candidates read | pages changed | kinds changed | ${roles.map((r) => `\`${r}\` +/−`).join(' | ')} |`,
    `|---|---:|---:|---:|${roles.map(() => '---:').join('|')}|`,
  ];
  for (const p of reports) {
    const cells = roles.map((r) => `+${p.stats.added[r] ?? 0} / −${p.stats.removed[r] ?? 0}`);
    lines.push(`| ${p.part} | ${p.candidatesRead ?? '—'} | ${p.stats.pagesChanged} | ${p.stats.kindsChanged.length} | ${cells.join(' | ')} |`);
  }
  for (const p of reports) {
    if (p.stats.kindsChanged.length === 0) continue;
    const byChange = new Map<string, number>();
    for (const k of p.stats.kindsChanged) byChange.set(`${k.from} → ${k.to}`, (byChange.get(`${k.from} → ${k.to}`) ?? 0) + 1);
    lines.push('', `Kinds changed in ${p.part}: ${[...byChange].map(([c, n]) => `${c} (${n})`).join(', ')}.`);
  }
  lines.push(README_MARKERS[1]);
  return lines.join('\n');
}

/** `readme` with its relabelling section replaced by `section` (appended when there is none yet). */
export function withRelabelSection(readme: string, section: string): string {
  const start = readme.indexOf(README_MARKERS[0]);
  const end = readme.indexOf(README_MARKERS[1]);
  if (start >= 0 && end > start) return readme.slice(0, start) + section + readme.slice(end + README_MARKERS[1].length);
  // Before the long per-page tables, so the rule is read first.
  const anchor = readme.indexOf('\n## Excluded');
  return anchor >= 0 ? `${readme.slice(0, anchor)}\n${section}\n${readme.slice(anchor)}` : `${readme.trimEnd()}\n\n${section}\n`;
}

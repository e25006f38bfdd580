/**
 * The decisions of the evaluation-set build, kept free of I/O so that they can be unit-tested: which part a page
 * goes to, which selector names a labelled element, which role an upstream label means, which kind a page is and
 * what the detector is expected to find. The conventions are those of the shared corpus
 * (../shared/autofill-corpus/README.md), so that the evaluator reads both sets the same way.
 */
import { createHash } from 'node:crypto';

/** Roles of labelled elements, as in the shared corpus's labels.json. */
export const ROLES = [
  'username',
  'email',
  'password',
  'current-password',
  'new-password',
  'confirm-password',
  'otp',
  'not-credential',
  'other',
  'signup-form',
] as const;

/** One role of {@link ROLES}. */
export type Role = (typeof ROLES)[number];

/** Keys of a fixture's `expected`, in the order they are written. */
export const EXPECTED_KEYS = ['username', 'currentPassword', 'newPassword', 'confirmPassword', 'otp', 'signupForm', 'passwordUnspecified'] as const;

/** One key of {@link EXPECTED_KEYS}. */
export type ExpectedKey = (typeof EXPECTED_KEYS)[number];

/** A labelled element as written to labels.json `fields` (key order as in the shared corpus). */
export interface LabelledField {
  sourceLabel: string;
  labelSelector: string;
  labelIndex: number;
  selector: string | null;
  tag: string;
  id: string | null;
  name: string | null;
  type: string | null;
  autocomplete: string | null;
  role: Role;
}

/** A labelled element together with the element itself, for checks made before the page is dropped. */
export interface FoundLabel {
  field: LabelledField;
  element: Element;
}

/** Raised when a page's labels cannot be turned into fixture labels; the page is skipped with this message. */
export class LabelError extends Error {
  override name = 'LabelError';
}

// ---------------------------------------------------------------------------------------------------------------
// Split

/** Salt of the split hash; a new version gives a new split, so it must not change while a split is in use. */
export const SPLIT_SALT = 'sealpass-eval-v2:';

/** Where a page goes: tune (≈40 %) or heldout, and whether it is in the ≈40 % sample used for positive/unused. */
export interface SplitDecision {
  part: 'tune' | 'heldout';
  inUnusedSample: boolean;
}

/**
 * The fixed split rule: sha256(`sealpass-eval-v2:<folder>/<name>.html`); first byte < 102 → tune, else heldout;
 * second byte < 100 → in the sample kept from Mozilla's positive/unused pages (which would otherwise double the
 * run time). Depends on the fixture key only, so a page keeps its part when other pages are added or removed.
 */
export function splitOf(key: string): SplitDecision {
  const digest = createHash('sha256').update(`${SPLIT_SALT}${key}`, 'utf8').digest();
  return { part: digest[0]! < 102 ? 'tune' : 'heldout', inUnusedSample: digest[1]! < 100 };
}

// ---------------------------------------------------------------------------------------------------------------
// Selectors

/** `value` as a CSS double-quoted string body (backslash, quote and line breaks escaped). */
export function cssString(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\a ').replace(/\r/g, '\\d ').replace(/\f/g, '\\c ');
}

/**
 * The stable selector of `el`: `tag[id="…"]` when its id is unique in the document, else `tag[name="…"]` when its
 * name is, else null (the caller then names it by its upstream label and index, as the shared corpus does).
 * Uniqueness is counted over all elements, not just this tag, as the shared corpus did.
 */
export function elementSelector(el: Element): string | null {
  const doc = el.ownerDocument;
  const tag = el.localName;
  const id = el.getAttribute('id');
  if (id && doc.querySelectorAll(`[id="${cssString(id)}"]`).length === 1) return `${tag}[id="${cssString(id)}"]`;
  const name = el.getAttribute('name');
  if (name && doc.querySelectorAll(`[name="${cssString(name)}"]`).length === 1) return `${tag}[name="${cssString(name)}"]`;
  return null;
}

/** `[attr="value"]`, the selector of every element carrying one upstream label value. */
export function labelSelector(attr: string, value: string): string {
  return `[${attr}="${cssString(value)}"]`;
}

/** The selector written in `expected` for a field: its own selector, else `label >> nth=N` (Playwright syntax). */
export function expectedSelector(field: LabelledField): string {
  return field.selector ?? `${field.labelSelector} >> nth=${field.labelIndex}`;
}

/** Every element a selector of labels.json names (`… >> nth=N` picks the N-th of the CSS part's matches). */
export function resolveSelector(doc: Document, selector: string): Element[] {
  const m = /^(.*) >> nth=(\d+)$/.exec(selector);
  if (!m) return [...doc.querySelectorAll(selector)];
  const el = doc.querySelectorAll(m[1]!)[Number(m[2])];
  return el ? [el] : [];
}

// ---------------------------------------------------------------------------------------------------------------
// Reading labels

/** Tags a field label may sit on; a label elsewhere (a div, a label element) cannot be filled, so the page is rejected. */
const FIELD_TAGS = new Set(['input', 'select', 'textarea']);

/**
 * Every element carrying `attr` in document order, with its role from `roleOf`. Labels for which `roleOf` returns
 * null (submit buttons) are left out. Throws {@link LabelError} when a field label sits on an element that is not
 * a form field (only `signup-form` labels belong on a `<form>`).
 */
export function collectLabels(doc: Document, attr: string, roleOf: (value: string) => Role | null): FoundLabel[] {
  const seen = new Map<string, number>();
  const found: FoundLabel[] = [];
  for (const el of doc.querySelectorAll(`[${attr}]`)) {
    const value = el.getAttribute(attr) ?? '';
    const index = seen.get(value) ?? 0;
    seen.set(value, index + 1);
    const role = roleOf(value);
    if (role === null) continue;
    const tag = el.localName;
    if (role === 'signup-form' ? tag !== 'form' : !FIELD_TAGS.has(tag)) {
      throw new LabelError(`label ${attr}="${value}" (#${index}) is on a <${tag}>, not on ${role === 'signup-form' ? 'a <form>' : 'a form field'}`);
    }
    found.push({ element: el, field: describeLabelled(el, attr, value, index, role) });
  }
  return found;
}

/** The labels.json description of one labelled element. */
export function describeLabelled(el: Element, attr: string, value: string, index: number, role: Role): LabelledField {
  return {
    sourceLabel: value,
    labelSelector: labelSelector(attr, value),
    labelIndex: index,
    selector: elementSelector(el),
    tag: el.localName,
    id: el.getAttribute('id'),
    name: el.getAttribute('name'),
    type: el.getAttribute('type'),
    autocomplete: el.getAttribute('autocomplete'),
    role,
  };
}

/** DDG `data-manual-scoring` value → role (shared README, "Roles"); identity and card types are `other`. */
export function ddgRole(label: string): Role {
  switch (label) {
    case 'username':
    case 'username OR emailAddress':
      return 'username';
    case 'emailAddress':
      return 'email';
    case 'password':
      return 'password';
    case 'password.current':
      return 'current-password';
    case 'password.new':
      return 'new-password';
    case 'totp':
      return 'otp';
    case 'unknown':
      return 'not-credential';
    default:
      return 'other';
  }
}

/** Mozilla `data-fathom` value → role; `next` (the submit button) is null: it goes to `submitButtons`. */
export function fathomRole(label: string): Role | null {
  switch (label) {
    case 'username':
      return 'username';
    case 'password':
      return 'current-password';
    case 'new':
      return 'new-password';
    case 'confirm':
      return 'confirm-password';
    case 'form':
      return 'signup-form';
    case 'next':
      return null;
    default:
      throw new LabelError(`unknown data-fathom label "${label}"`);
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Kinds

/** A kind and the rule that gave it, so that the README can count how often each rule was used. */
export interface KindDecision {
  kind: string;
  rule: string;
}

/** A file name split into its words: lower case, `_` and `.` read as `-`, extension dropped. */
function nameWords(fileName: string): string {
  return `-${fileName.toLowerCase().replace(/\.html$/, '').replace(/[_.\s]+/g, '-')}-`;
}

const has = (words: string, re: RegExp): boolean => re.test(words);
const LOGIN_WORDS = /-(login|log-in|signin|sign-in|logon|log-on)-/;
const SIGNUP_WORDS = /-(signup|sign-up|register|registration|join|create-account|enroll|enrollment)-/;
const CHANGE_WORDS = /-(change-password|password-change|update-password|change-pass|changepassword)-/;
const RESET_WORDS = /-(reset|reset-password|password-reset|forgot|forgot-password|recover|recovery)-/;
const REAUTH_WORDS = /-(locked|account-locked|reauth|re-auth|unlock|access-settings)-/;
const OTP_WORDS = /-(otp|2fa|totp|mfa|two-factor|security-step)-/;
const VERIFY_WORDS = /-(verification|verify|confirmation-code|code)-/;

/**
 * Words that mark a page with no credential labels as a non-login page, and the `non-login:*` name each gives.
 * Checked in this order; a name must contain the word as a whole `-`/`_`-separated token.
 */
export const NON_LOGIN_WORDS: ReadonlyArray<[RegExp, string]> = [
  [/-checkout-/, 'checkout'],
  [/-(payment|payment-form|billing|credit-card|card)-/, 'payment'],
  [/-(newsletter|subscribe|subscription)-/, 'newsletter'],
  [/-(contact|contact-form|contact-us)-/, 'contact'],
  [/-search-/, 'search'],
  [/-(address|shipping)-/, 'address'],
  [/-(donation|donate)-/, 'donation'],
  [/-pin-/, 'pin'],
];

/**
 * How many distinct `<form>` elements hold an element labelled `data-manual-scoring="password"` (formless ones
 * count as one more).
 *
 * @param doc - the parsed page, labels still on
 * @returns the number of forms, 0 when no plain password label is there
 */
export function countPlainPasswordForms(doc: Document): number {
  const forms = new Set<Element | null>();
  for (const el of doc.querySelectorAll('[data-manual-scoring="password"]')) forms.add(el.closest('form'));
  return forms.size;
}

/**
 * The kind of a DDG fragment from its file name and its label roles. Conservative: when the name and labels do
 * not agree on one kind, returns a reason string instead and the page is skipped (listed in the README).
 */
export function inferDdgKind(fileName: string, roles: readonly Role[], plainPasswordForms = 1): KindDecision | string {
  const r = new Set(roles);
  const w = nameWords(fileName);
  const user = r.has('username');
  const email = r.has('email');
  const ident = user || email;
  const plain = r.has('password');
  const cur = r.has('current-password');
  const neu = r.has('new-password');
  const otp = r.has('otp');
  const anyPw = plain || cur || neu;
  const login = has(w, LOGIN_WORDS);
  const signup = has(w, SIGNUP_WORDS);

  if (!user && !anyPw && !otp) {
    // No credential labels: a non-login page, a verification step, or an identifier-only step named as such.
    if (has(w, OTP_WORDS)) return { kind: 'otp', rule: 'no credential labels; name says otp/2fa' };
    if (has(w, VERIFY_WORDS)) return { kind: 'verification-code', rule: 'no credential labels; name says verification/code' };
    // Login/sign-up words win over non-login ones: "checkout-signup" is the account step of a checkout, and the
    // shared corpus labels it signup-username-step.
    if (email && login && !signup) return { kind: 'login-username-step', rule: 'email label only; name says login' };
    if (email && signup && !login) return { kind: 'signup-username-step', rule: 'email label only; name says signup' };
    for (const [re, what] of NON_LOGIN_WORDS) {
      if (has(w, re)) return { kind: `non-login:${what}`, rule: `no credential labels; name says ${what}` };
    }
    return 'no credential labels and the name gives no known purpose';
  }

  if (cur && neu) return { kind: 'change-password', rule: 'labels: current + new password' };
  if (has(w, CHANGE_WORDS)) {
    return anyPw ? { kind: 'change-password', rule: 'name says change-password' } : 'name says change-password but no password label';
  }
  if (has(w, RESET_WORDS)) {
    if ((neu || plain) && !cur && !otp) return { kind: 'password-reset', rule: 'name says reset; new/plain password labels' };
    return 'name says reset but the labels are not a new-password form';
  }
  if (login && signup) return { kind: 'login+signup', rule: 'name says login and signup' };
  // Plain `password` labels in two or more forms: a login form beside a sign-up form (or a second copy), and
  // the name cannot say which password is current and which new, so they are scored apart (any password role).
  if (plain && !cur && !neu && plainPasswordForms > 1 && (login || signup)) {
    return { kind: 'login+signup', rule: 'plain password labels in two or more forms' };
  }
  if (has(w, REAUTH_WORDS)) {
    if ((plain || cur) && !ident && !neu) return { kind: 'reauth-password', rule: 'name says locked/reauth; password only' };
    return 'name says locked/reauth but the labels are not a password-only form';
  }
  if (signup) {
    if (cur) return 'name says signup but a current-password label is present';
    if (anyPw) return { kind: 'signup', rule: 'name says signup; password labels' };
    if (ident && !otp) return { kind: 'signup-username-step', rule: 'name says signup; identifier only' };
    return 'name says signup but the labels are not a sign-up form';
  }
  if (login) {
    if (neu) return 'name says login but a new-password label is present';
    if (otp && (plain || cur || ident)) return { kind: 'login+otp', rule: 'name says login; otp with login fields' };
    if (otp) return { kind: 'otp', rule: 'name says login; otp labels only' };
    if ((plain || cur) && ident) return { kind: 'login', rule: 'name says login; identifier + password' };
    if (plain || cur) return { kind: 'login-password-step', rule: 'name says login; password only' };
    return { kind: 'login-username-step', rule: 'name says login; identifier only' };
  }
  if (otp && !anyPw && !user) return { kind: 'otp', rule: 'otp labels only' };
  for (const [re, what] of NON_LOGIN_WORDS) {
    if (has(w, re)) return `name says ${what} but credential labels are present`;
  }
  return 'name says neither login nor signup, and the labels alone are not trusted to give the kind';
}

/** Mozilla lockwise-proof-of-concept kind from its folder and the roles found. */
export function lockwiseKind(folder: string, roles: readonly Role[]): KindDecision | string {
  const user = roles.includes('username');
  const pw = roles.includes('current-password');
  if (folder === 'negative') {
    return user || pw ? 'negative page carries username/password labels' : { kind: 'no-login-form', rule: 'negative/' };
  }
  if (user && pw) return { kind: 'login', rule: 'username + password labels' };
  if (user) return { kind: 'login-username-step', rule: 'username label only' };
  if (pw) return { kind: 'login-password-step', rule: 'password label only' };
  return { kind: 'no-login-form', rule: 'no labels (fp/nfp bait)' };
}

/** Mozilla new-password kind from its file name (`_change`, `n` suffix), checked against the labels. */
export function newPasswordKind(fileName: string, roles: readonly Role[]): KindDecision | string {
  const base = fileName.replace(/\.html$/, '');
  const labelled = roles.includes('new-password') || roles.includes('confirm-password');
  if (/_change$/.test(base)) {
    return labelled ? { kind: 'change-password', rule: '_change suffix' } : '_change page without a new-password label';
  }
  if (/\d(?:[a-c]?n|n[a-c])$/.test(base)) {
    return labelled ? '`n` page (no new-password field) carries new-password labels' : { kind: 'no-new-password', rule: 'n suffix' };
  }
  return labelled ? { kind: 'signup', rule: 'other names' } : 'sign-up page without a new-password label';
}

/** Mozilla sign-up-scenario kind: `_n` pages are the same site's login page. */
export function signupScenarioKind(fileName: string, roles: readonly Role[]): KindDecision | string {
  const form = roles.includes('signup-form');
  if (/_n\.html$/.test(fileName)) return form ? '_n page carries a sign-up form label' : { kind: 'not-signup', rule: '_n suffix' };
  return form ? { kind: 'signup', rule: 'form label' } : 'sign-up page without a form label';
}

// ---------------------------------------------------------------------------------------------------------------
// Expected

const LOGINISH = new Set(['login', 'login-username-step', 'login-password-step', 'login+otp', 'login+signup', 'reauth-password', 'otp', 'otp+password']);
const SIGNUPISH = new Set(['signup', 'signup-username-step', 'password-reset', 'change-password']);

/**
 * `expected` of a DDG fixture (shared README, "Roles"): emails count as the login identifier in login-type kinds
 * and in sign-up-type forms without a separate username; plain `password` is the current password in login-type
 * kinds, the new password in sign-up/reset kinds and "unspecified" on change-password pages; non-login pages expect
 * nothing.
 */
export function ddgExpected(kind: string, fields: readonly LabelledField[]): Partial<Record<ExpectedKey, string[]>> {
  if (kind.startsWith('non-login:') || kind === 'verification-code') return {};
  const loginish = LOGINISH.has(kind);
  const hasUsername = fields.some((f) => f.role === 'username');
  const keyOf = (f: LabelledField): ExpectedKey | null => {
    switch (f.role) {
      case 'username':
        return 'username';
      case 'email':
        return loginish || !hasUsername ? 'username' : null;
      case 'current-password':
        return 'currentPassword';
      case 'new-password':
        return 'newPassword';
      case 'password':
        if (kind === 'change-password') return 'passwordUnspecified';
        if (loginish) return 'currentPassword';
        return SIGNUPISH.has(kind) ? 'newPassword' : null;
      case 'otp':
        return 'otp';
      default:
        return null;
    }
  };
  return groupExpected(fields, keyOf);
}

/** `expected` of a Mozilla fixture: every labelled field, under the key of its role. */
export function fathomExpected(fields: readonly LabelledField[]): Partial<Record<ExpectedKey, string[]>> {
  const byRole: Partial<Record<Role, ExpectedKey>> = {
    username: 'username',
    'current-password': 'currentPassword',
    'new-password': 'newPassword',
    'confirm-password': 'confirmPassword',
    'signup-form': 'signupForm',
  };
  return groupExpected(fields, (f) => byRole[f.role] ?? null);
}

function groupExpected(fields: readonly LabelledField[], keyOf: (f: LabelledField) => ExpectedKey | null): Partial<Record<ExpectedKey, string[]>> {
  const grouped = new Map<ExpectedKey, string[]>();
  for (const f of fields) {
    const key = keyOf(f);
    if (key) (grouped.get(key) ?? grouped.set(key, []).get(key)!).push(expectedSelector(f));
  }
  const out: Partial<Record<ExpectedKey, string[]>> = {};
  for (const key of EXPECTED_KEYS) {
    const list = grouped.get(key);
    if (list) out[key] = list;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// Verification

/**
 * Problems with a fixture's selectors in `doc`: every field selector and label reference must name exactly its
 * element, and every `expected` selector exactly one labelled element. Empty when all is well.
 */
export function selectorProblems(doc: Document, found: readonly FoundLabel[], expected: Partial<Record<ExpectedKey, string[]>>): string[] {
  const problems: string[] = [];
  const labelled = new Set(found.map((f) => f.element));
  for (const { field, element } of found) {
    const byLabel = doc.querySelectorAll(field.labelSelector)[field.labelIndex];
    if (byLabel !== element) problems.push(`${field.labelSelector} #${field.labelIndex} does not name the labelled element`);
    if (field.selector) {
      const hits = resolveSelector(doc, field.selector);
      if (hits.length !== 1 || hits[0] !== element) problems.push(`${field.selector} matches ${hits.length} element(s), not just the labelled one`);
    }
  }
  for (const [key, selectors] of Object.entries(expected)) {
    for (const sel of selectors ?? []) {
      const hits = resolveSelector(doc, sel);
      if (hits.length !== 1 || !labelled.has(hits[0]!)) problems.push(`expected.${key} ${sel} matches ${hits.length} element(s), not one labelled element`);
    }
  }
  return problems;
}

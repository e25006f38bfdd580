/**
 * Decides what a group of inputs is for (login, username step, password step, sign-up, change password,
 * password reset, one-time code, or none) and which role each credential field plays in it. Combines the
 * fields' own traits with the form's wording: submit button text first, then the form's attributes, headings
 * and the text just before it.
 */
import { LOGIN, NEWS_OR_CHECKOUT, NEWSLETTER, NEXT, NOT_ACCOUNT, RESET, SIGNUP } from './detection-keywords';
import type { FieldTraits } from './classify-field';
import { findNearbyText } from './find-nearby-text';
import type { DetectedField, DetectedForm, FieldRole, FormKind } from './form-types';
import type { FieldGroup } from './group-fields';
import { normalizeDetectionText } from './normalize-detection-text';
import { readButtonText } from './read-button-text';

/** Split code boxes: fewer are a PIN or a date, more are not a code. */
const MIN_CODE_BOXES = 4;
const MAX_CODE_BOXES = 8;
/** Characters of a password-less form's text read for newsletter and reset wording. */
const BODY_TEXT_CHARS = 600;
/** Container levels whose id, class and name describe the form ("login-modal", "signup-form"). */
const ATTRIBUTE_LEVELS = 3;

/** What the form says about itself: its names (id, name, class, action, aria-label); its own headings; the text before it; the page title. */
function readFormContext(container: Element): { names: string; heads: string; text: string; title: string } {
  const names: string[] = [];
  for (let node: Element | null = container, level = 0; node && level < ATTRIBUTE_LEVELS; node = node.parentElement, level++) {
    if (node.tagName === 'BODY') break;
    // getAttribute, not .id or .name: a form's named inputs shadow those properties ("DOM clobbering").
    for (const attr of ['id', 'name', 'class', 'aria-label', 'action']) names.push(normalizeDetectionText(node.getAttribute(attr)));
  }
  const headings = [...container.querySelectorAll('h1,h2,h3,h4,h5,legend,[role=heading]')].slice(0, 3);
  const heads = headings.map((h) => normalizeDetectionText(h.textContent)).join(' | ');
  const near = normalizeDetectionText(findNearbyText(container));
  // The page title names the page's main form ("Create Your Account", "Sign in"), not every form on it.
  return { names: names.join(' | '), heads, text: `${heads} | ${near}`, title: normalizeDetectionText(container.ownerDocument.title) };
}

/**
 * Roles of the password fields, in order: wording and autocomplete first, then position. `creating` (the submit
 * button says sign up) outvotes a field's "current" words against its autocomplete=new-password: "Don't reuse an
 * old password" on a sign-up form asks for a new one.
 */
function passwordRoles(passwords: FieldTraits[], signup: number, creating: boolean): FieldRole[] {
  // A lone password follows the whole form's evidence (its own hint is part of it): sites put
  // autocomplete=new-password on login fields too. On a tie its own words decide ("Create a password").
  const [lone] = passwords;
  if (!passwords[1]) return [signup > 0 || (!signup && lone!.worded && lone!.hint === 'new') ? 'new-password' : 'current-password'];
  let hasNew = false;
  // "Current" said only by autocomplete is a copied attribute, not the form's meaning, when the button says create,
  // when every password field says it, or when the next field confirms this one; so is "current" words against
  // autocomplete=new-password under a create button ("Don't reuse an old password").
  const hints = passwords.map((field, i) =>
    field.hint === 'current' &&
    (creating ? field.acHint === 'new' || !field.worded : !field.worded && (passwords[i + 1]?.hint === 'confirm' || passwords.every((p) => p.hint === 'current' && !p.worded)))
      ? undefined
      : field.hint,
  );
  const hasCurrent = hints.includes('current');
  return passwords.map((field, i) => {
    let hint = hints[i];
    // Unlabelled: current when a later field is marked new or when three ask in a row, unless another field
    // says current (it may come last); else new, then confirm.
    if (!hint) {
      const laterNew = hints.slice(i + 1).includes('new');
      hint = !hasCurrent && (laterNew || (i === 0 && passwords.length >= 3)) ? 'current' : hasNew ? 'confirm' : 'new';
    }
    if (hint === 'current') return 'current-password';
    // The first new-or-confirm field is the new password (autocomplete=new-password is often on both); the rest confirm it.
    if (hasNew) return 'confirm-password';
    hasNew = true;
    return 'new-password';
  });
}

/** Runs of adjacent one-time-code inputs, each run one field; a masked run of digit boxes is a PIN, not a code. */
function codeFields(traits: FieldTraits[]): DetectedField[] {
  const isBox = (t: FieldTraits | undefined) => !!t && t.box && t.el.type !== 'password';
  const fields: DetectedField[] = [];
  for (let i = 0; i < traits.length; ) {
    let end = i;
    const push = () => fields.push({ role: 'otp', elements: traits.slice(i, end).map((t) => t.el) });
    while (isBox(traits[end])) end++;
    const boxes = end - i;
    if (boxes >= MIN_CODE_BOXES && boxes <= MAX_CODE_BOXES) {
      push();
      i = end;
      continue;
    }
    end = i;
    while (traits[end]?.otp) end++;
    if (end > i) push();
    i = Math.max(end, i + 1);
  }
  return fields;
}

/**
 * The login identifier: the identifier nearest before the first password, a number (member, customer) only when no
 * other identifier is there; else the nearest there of a plain input
 * (no evidence either way) and, since a login needs one, a field whose words said only "code" ("CPF", then
 * "Código de acesso", right before the password, is the access code); else, in a form that says log in, the one field there whatever it said ("Domain
 * name", "Card number" at a bank); else the identifier right after the password that says so by
 * autocomplete.
 */
function loginUsername(traits: FieldTraits[], firstPassword: FieldTraits, login: boolean): FieldTraits | undefined {
  const at = traits.indexOf(firstPassword);
  const before = traits.slice(0, at).filter((t) => !t.box && !t.password && t.el.type !== 'password').reverse();
  // An e-mail or user name before a member or customer number beside it: the number may be asked too, the login is the account.
  const id = (any: boolean) => before.find((t) => t.user > 0 && !t.otp && (any || t.identifier !== 'number'));
  const found =
    id(false) ??
    id(true) ??
    before.find((t) => (t.user === 0 && !t.otp && t.el.type !== 'number') || (t.otp && !t.strongOtp)) ??
    (login && before.length === 1 && !before[0]!.otp ? before[0] : undefined) ??
    traits.slice(at + 1).find((t) => t.acUser && !t.password);
  if (found) found.otp = false;
  return found;
}

/**
 * Sign-up identifiers: the user-name fields when there are any, else the email fields, else the phone fields
 * (an "ID number" beside them is the person's, not the account's).
 * A user-name field counts when its words lean that way at all (a name "usernamee" behind a URL prefix is one
 * weak sign; fields a shared id prefix such as "usernamereg-" marks as names or addresses lean the other way),
 * and only before the password: an "ID" asked after it is someone else's (a referral, a parent).
 */
function signupUsernames(candidates: FieldTraits[], firstPassword?: FieldTraits): FieldTraits[] {
  const before = (t: FieldTraits) => !firstPassword || t.el.compareDocumentPosition(firstPassword.el) & 4;
  for (const kind of ['name', 'email', 'phone']) {
    const found = candidates.filter((t) => t.identifier === kind && (kind !== 'name' || ((t.user > 0 || t.said) && before(t))));
    if (found.length > 0) return found;
  }
  return candidates.slice(0, 1);
}

/**
 * Classifies one group of inputs.
 *
 * @param group - inputs, container and submit button from `groupFields`
 * @param traits - `classifyField` of each of `group.inputs`, in the same order
 * @returns the detected form; kind `none` and no fields when nothing in it is a credential
 * @example classifyForm(group, group.inputs.map(classifyField)).kind; // "login"
 */
export function classifyForm(group: FieldGroup, traits: FieldTraits[]): DetectedForm {
  // The button's name and id count with its text: <input type=submit name=forgot value="Show reminder">.
  const button = group.submit;
  const submit = button
    ? `${readButtonText(button)} ${normalizeDetectionText(`${button.getAttribute('name')} ${button.id}`)}`
    : '';
  const { names, heads, text, title } = readFormContext(group.container);
  const context = `${names} | ${text} | ${title}`;
  const wording = `${submit} | ${context}`;
  // A text password next to a masked one that asks the same (or says nothing) is its shown twin: the page swaps
  // them on "show", and only one is visible at a time.
  // A masked field right after a masked box too short for a password is the last part of a split number (an SSN);
  // one that says nothing after a confirmation answers something else (a secret question chosen from a list).
  const passwords = traits.filter(
    (t, i) =>
      t.password &&
      !(traits[i - 1]?.el.type === 'password' && !traits[i - 1]!.password && traits[i - 1]!.el.maxLength > 0) &&
      !(!t.hint && traits.slice(0, i).some((p) => p.password && p.hint === 'confirm')) &&
      (t.el.type === 'password' ||
        ![traits[i - 1], traits[i + 1]].some((n) => n?.password && n.el.type === 'password' && (!t.hint || n.hint === t.hint))),
  );
  const candidates = traits.filter((t) => !t.password && !t.otp && !t.box && t.user > 0);
  const others = traits.filter((t) => !t.password && t.user < 0).length;
  const card = traits.some((t) => t.card);
  // Beside names and addresses, a field that only says "code" is a door code, a tax code or a postal code.
  if (others > 1) for (const t of traits) t.otp &&= t.strongOtp;

  const submitSignup = SIGNUP.test(submit);
  const submitLogin = LOGIN.test(submit);
  // The button says create, and not log in.
  const creating = submitSignup && !submitLogin;
  const signupWords = submitSignup || (SIGNUP.test(context) && !submitLogin);
  let signup = submitSignup ? 3 : 0;
  if (submitLogin) signup -= 3;
  // The form's own headings name it; the text before it is often the page's header ("Sign in" beside a sign-up form).
  // Unary plus counts a boolean as 0 or 1 (shorter in the content script than `? 1 : 0`).
  const vote = (words: string) => +SIGNUP.test(words) - +LOGIN.test(words);
  signup += vote(heads) + vote(context);
  // autocomplete=new-password alone weighs half of words that say so: sites set it on login fields to stop browsers.
  // autocomplete=current-password alone weighs less than words too: sites copy it from their login form.
  // A lone password that says "confirm" or "re-enter" confirms who you are, as "current" does ("Enter your password
  // to confirm"); beside a new password it is that one's confirmation, and the votes only decide a lone password.
  for (const p of passwords) signup += p.hint === 'new' ? (p.worded ? 2 : 1) : p.hint ? (p.worded ? -3 : -2) : 0;
  // Personal data beside the password (names, birthday) and a second identifier (confirm email) lean sign-up;
  // one such field does not, since bank logins ask for a surname or a member number too. Two identifiers of one
  // name are one field in two tabs of a login ("Phone", "Phone/Email"), not an identifier and its confirmation.
  signup += +(others >= 2) + +(new Set(candidates.map((t) => t.el.name || t)).size > 1);

  const result = (kind: FormKind, fields: DetectedField[]): DetectedForm => ({
    kind,
    container: group.container,
    fields: [...fields, ...(card || kind === 'none' ? [] : codeFields(traits))].sort(
      (a, b) => group.inputs.indexOf(a.elements[0]!) - group.inputs.indexOf(b.elements[0]!),
    ),
    submit: group.submit,
  });
  const asFields = (list: FieldTraits[], role: FieldRole) => list.map((t) => ({ role, elements: [t.el] }));

  if (passwords.length > 0) {
    const roles = passwordRoles(passwords, signup, creating);
    const passwordFields = passwords.map((t, i) => ({ role: roles[i]!, elements: [t.el] }));
    const hasCurrent = roles.includes('current-password');
    const hasNew = roles.includes('new-password');
    if (hasNew && hasCurrent) return result('change-password', [...passwordFields, ...asFields(candidates.filter((t) => t.acUser), 'username')]);
    if (hasNew) {
      if (RESET.test(wording) && !signupWords) return result('password-reset', passwordFields);
      if (candidates.length > 0 || signupWords) {
        return result('signup', [...passwordFields, ...asFields(signupUsernames(candidates, passwords[0]), 'username')]);
      }
      return result('change-password', passwordFields);
    }
    const username = loginUsername(traits, passwords[0]!, submitLogin || LOGIN.test(text));
    return result(username ? 'login' : 'password-step', [...passwordFields, ...asFields(username ? [username] : [], 'username')]);
  }
  // A code step may show the account it is for ("Email (username)", autocomplete=username).
  if (!card && codeFields(traits).length > 0) return result('otp', asFields(candidates.filter((t) => t.acUser), 'username'));
  // Without a password the form's own text decides more: a newsletter box or a "forgot your password?" request.
  const body = normalizeDetectionText(group.container.textContent, BODY_TEXT_CHARS);
  const ownText = `${submit} | ${names} | ${text}`;
  const allText = `${ownText} | ${body}`;
  // A checkout's "Continue" or a news box's "Sign up" asks for a contact, not an account; a returning customer's
  // step says log in on its button, its names or its headings (the text before a form is often the page header).
  if (
    candidates.length === 0 ||
    card ||
    others >= 2 ||
    NOT_ACCOUNT.test(ownText) ||
    NEWSLETTER.test(allText) ||
    (NEWS_OR_CHECKOUT.test(allText) && !LOGIN.test(`${submit} | ${names} | ${heads}`))
  ) {
    return result('none', []);
  }
  const loginSubmit = submitLogin || NEXT.test(submit);
  if (RESET.test(submit) || (RESET.test(`${context} | ${body}`) && !loginSubmit)) return result('password-reset', []);
  // Without a password only unambiguous wording makes a sign-up step: a "Create account" button, or sign-up
  // words around a form that says nothing of logging in ("Sign in or create an account" does). Two identifiers
  // alone are as often a checkout.
  if (creating || (SIGNUP.test(context) && !LOGIN.test(ownText))) {
    return result('signup', asFields(signupUsernames(candidates), 'username'));
  }
  const best = candidates.reduce((a, b) => (b.user > a.user ? b : a));
  // Not the page title: a "Customer Login" page's review, call-back and question forms are no login steps.
  if (best.acUser || loginSubmit || LOGIN.test(ownText)) return result('username-step', asFields([best], 'username'));
  return result('none', []);
}

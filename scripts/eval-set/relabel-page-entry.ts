/**
 * Runs inside a served evaluation page (bundled by relabel-browser.ts): lists relabelling candidates and checks
 * selectors. Structural only: it reads the DOM, the labels and the evaluator's visibility test; it is not the
 * detector and makes no role decision.
 */
import { isFieldVisible } from '../../lib/autofill/content/detect/is-field-visible';
import { clip, resolveSelector, selectorFor } from './page-selectors';

/** What the page code needs of a fixture's labels. */
export interface RelabelPageSpec {
  kind: string;
  labelScope: string[];
  expected: Record<string, string[]>;
  fields: Array<{ role: string; selector: string | null; labelSelector: string; labelIndex: number }>;
}

/** One structural candidate for a human decision. */
export interface Candidate {
  reason: string;
  selector: string | null;
  tag: string;
  type: string;
  name: string;
  id: string;
  placeholder: string;
  autocomplete: string;
  label: string;
  heading: string;
  form: string;
  fieldRole: string;
}

/** The result of resolving one selector. */
export interface SelectorCheck {
  selector: string;
  count: number;
  tag: string | null;
  visible: boolean;
  /** Another selector of `others` (or an earlier one of `selectors`) that resolves to the same element, if any. */
  sameAs: string | null;
}

const PASSWORD_WORDS =
  /pass|pwd|contrase|mot de passe|senha|parol|пароль|密码|密碼|パスワード|비밀번호|şifre|sifre|wachtwoord|hasło|haslo|lösenord|kennwort|salasana|adgangskode|passord|κωδικ|סיסמ|كلمة|رمز/i;

const resolve = (selector: string): Element[] => resolveSelector(document, selector);

function labelText(el: HTMLInputElement): string {
  const parts: string[] = [];
  for (const l of el.labels ?? []) parts.push(l.textContent ?? '');
  const aria = el.getAttribute('aria-label');
  if (aria) parts.push(aria);
  const by = el.getAttribute('aria-labelledby');
  if (by) for (const id of by.split(/\s+/)) parts.push(document.getElementById(id)?.textContent ?? '');
  if (parts.length === 0) {
    // The text right before the field in its container.
    const prev = el.previousElementSibling ?? el.parentElement?.previousElementSibling;
    if (prev) parts.push(prev.textContent ?? '');
  }
  return clip(parts.join(' | '));
}

function headingText(el: Element): string {
  for (let node: Element | null = el.parentElement, depth = 0; node && depth < 8; node = node.parentElement, depth++) {
    const h = node.querySelector('h1,h2,h3,h4,h5,legend,[class*="title" i],[class*="heading" i]');
    if (h && clip(h.textContent)) return clip(h.textContent);
  }
  return '';
}

function formSummary(el: HTMLInputElement): string {
  const box: Element | null = el.form ?? el.closest('div[id],section,aside,header,nav') ?? el.parentElement;
  if (!box) return '';
  const inputs = [...box.querySelectorAll('input')].filter(
    (i) => !['hidden', 'submit', 'button', 'image', 'checkbox', 'radio', 'reset', 'file'].includes(i.type) && isFieldVisible(i),
  );
  const list = inputs.map((i) => `${i.type}:${i.name || i.id || '?'}`).join(',');
  const submit = [...box.querySelectorAll('button,input[type=submit],input[type=image],[role=button],a[class*=btn i]')]
    .map((b) => clip((b as HTMLInputElement).value || b.textContent || b.getAttribute('aria-label'), 25))
    .filter(Boolean)
    .slice(0, 3)
    .join('/');
  const action = el.form ? clip(el.form.getAttribute('action'), 40) : '(no form)';
  return clip(`${action} [${list}] «${submit}»`, 200);
}

const TEXTLIKE = new Set(['text', 'email', 'tel', '']);

/**
 * Lists the page's candidates: unlabelled visible password inputs, visible text inputs named like a password,
 * identifier-like inputs on pages filed as having no login / new-password form, labelled forms with two visible
 * passwords, and labels on non-inputs or invisible elements.
 */
function list(spec: RelabelPageSpec): Candidate[] {
  const expected = new Map<Element, string>();
  const bad: Candidate[] = [];
  const describe = (el: Element, reason: string): Candidate => {
    const input = el as HTMLInputElement;
    const isInput = el.localName === 'input';
    return {
      reason,
      selector: selectorFor(el),
      tag: el.localName,
      type: isInput ? input.type : '',
      name: el.getAttribute('name') ?? '',
      id: el.getAttribute('id') ?? '',
      placeholder: clip(el.getAttribute('placeholder'), 40),
      autocomplete: el.getAttribute('autocomplete') ?? '',
      label: isInput ? labelText(input) : clip(el.textContent),
      heading: headingText(el),
      form: isInput ? formSummary(input) : '',
      fieldRole: fieldRoles.get(el) ?? '',
    };
  };
  const fieldRoles = new Map<Element, string>();
  for (const f of spec.fields) {
    const el = f.selector ? resolve(f.selector)[0] : document.querySelectorAll(f.labelSelector)[f.labelIndex];
    if (el) fieldRoles.set(el, f.role);
  }
  for (const [key, sels] of Object.entries(spec.expected)) {
    for (const sel of sels) {
      const found = resolve(sel);
      if (found.length !== 1) {
        bad.push({ ...describe(found[0] ?? document.body, `label-resolves-${found.length}`), selector: sel, fieldRole: key });
        continue;
      }
      const el = found[0]!;
      expected.set(el, key);
      if (key === 'signupForm') continue;
      if (el.localName !== 'input' && el.localName !== 'textarea') bad.push({ ...describe(el, `label-on-${el.localName}`), fieldRole: key });
      else if (!isFieldVisible(el as HTMLElement)) bad.push({ ...describe(el, 'label-invisible'), fieldRole: key });
    }
  }
  const out: Candidate[] = [...bad];
  const inputs = [...document.querySelectorAll('input')].filter((i) => !expected.has(i));
  const visible = inputs.filter((i) => isFieldVisible(i));
  const anyPassword = [...document.querySelectorAll('input[type=password]')].some((p) => isFieldVisible(p as HTMLElement));
  const negative = spec.kind === 'no-login-form' || spec.kind === 'no-new-password' || spec.kind.startsWith('non-login:');
  for (const i of visible) {
    if (i.type === 'password') out.push(describe(i, 'password'));
    else if (TEXTLIKE.has(i.type) || i.type === 'search') {
      const words = `${i.name} ${i.id} ${i.placeholder} ${labelText(i)} ${i.getAttribute('aria-label') ?? ''}`;
      if (i.type !== 'search' && PASSWORD_WORDS.test(words)) out.push(describe(i, 'text-named-password'));
      else if (negative && anyPassword && i.type !== 'search') out.push(describe(i, 'identifier-on-negative'));
    }
  }
  // Labelled login forms holding two visible passwords.
  const forms = new Set<HTMLFormElement>();
  for (const [el, key] of expected) {
    if (key === 'currentPassword' && (el as HTMLInputElement).form) forms.add((el as HTMLInputElement).form!);
  }
  for (const f of forms) {
    const pw = [...f.querySelectorAll('input[type=password]')].filter((p) => isFieldVisible(p as HTMLElement));
    if (pw.length >= 2) out.push({ ...describe(pw[0]!, `login-form-${pw.length}-passwords`), form: formSummary(pw[0] as HTMLInputElement) });
  }
  return out;
}

const safeResolve = (selector: string): Element[] => {
  try {
    return resolve(selector);
  } catch {
    return [];
  }
};

/**
 * Resolves each selector: how many elements, the first one's tag, whether it is visible, and whether it is the
 * element of one of `others` (the page's other expected selectors) or of an earlier selector of the list.
 */
function check({ selectors, others }: { selectors: string[]; others: string[] }): SelectorCheck[] {
  const seen = new Map<Element, string>();
  for (const o of others) {
    const el = safeResolve(o)[0];
    if (el && !seen.has(el)) seen.set(el, o);
  }
  return selectors.map((selector) => {
    const found = safeResolve(selector);
    const el = found[0];
    const sameAs = el ? (seen.get(el) ?? null) : null;
    if (el && !sameAs) seen.set(el, selector);
    return { selector, count: found.length, tag: el?.localName ?? null, visible: el ? isFieldVisible(el as HTMLElement) : false, sameAs };
  });
}

(globalThis as unknown as { sealpassRelabel: unknown }).sealpassRelabel = { list, check };

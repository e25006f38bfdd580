/** The decisions of the evaluation-set build (scripts/eval-set/label-rules.ts), on small authored pages. */
import { createHash } from 'node:crypto';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import {
  collectLabels,
  ddgExpected,
  ddgRole,
  elementSelector,
  fathomRole,
  countPlainPasswordForms,
  inferDdgKind,
  LabelError,
  lockwiseKind,
  newPasswordKind,
  resolveSelector,
  selectorProblems,
  signupScenarioKind,
  splitOf,
  type KindDecision,
  type Role,
} from '../../../scripts/eval-set/label-rules';

const doc = (body: string): Document => new JSDOM(`<!doctype html><html><body>${body}</body></html>`).window.document;
const kindOf = (d: KindDecision | string): string => (typeof d === 'string' ? `skip: ${d}` : d.kind);

describe('splitOf', () => {
  it('follows the documented hash rule', () => {
    const key = 'ddg/example_login.html';
    const digest = createHash('sha256').update(`sealpass-eval-v2:${key}`).digest();
    expect(splitOf(key)).toEqual({ part: digest[0]! < 102 ? 'tune' : 'heldout', inUnusedSample: digest[1]! < 100 });
  });

  it('puts about 40 % in tune and in the unused sample, independently of the other pages', () => {
    const keys = Array.from({ length: 4000 }, (_, i) => `mozilla-login/positive__unused__${i}.html`);
    const tune = keys.filter((k) => splitOf(k).part === 'tune').length / keys.length;
    const sample = keys.filter((k) => splitOf(k).inUnusedSample).length / keys.length;
    expect(tune).toBeGreaterThan(0.36);
    expect(tune).toBeLessThan(0.44);
    expect(sample).toBeGreaterThan(0.35);
    expect(sample).toBeLessThan(0.43);
  });
});

describe('elementSelector', () => {
  it('prefers a unique id, then a unique name, else null', () => {
    const d = doc(`<input id="a" name="n1"><input name="n2"><input name="dup"><input name="dup"><span id="x"></span><input id="x" name="n3">`);
    const inputs = [...d.querySelectorAll('input')];
    expect(elementSelector(inputs[0]!)).toBe('input[id="a"]');
    expect(elementSelector(inputs[1]!)).toBe('input[name="n2"]');
    expect(elementSelector(inputs[2]!)).toBeNull();
    // The id is shared with a span: uniqueness counts every element, so the name is used.
    expect(elementSelector(inputs[4]!)).toBe('input[name="n3"]');
  });

  it('escapes quotes and backslashes so the selector still resolves to the element', () => {
    const d = doc(`<input id='we"ird\\id'>`);
    const el = d.querySelector('input')!;
    const sel = elementSelector(el)!;
    expect(resolveSelector(d, sel)).toEqual([el]);
  });

  it('resolves Playwright nth selectors', () => {
    const d = doc(`<input data-fathom="username"><input data-fathom="username" id="b">`);
    expect(resolveSelector(d, '[data-fathom="username"] >> nth=1')[0]?.id).toBe('b');
    expect(resolveSelector(d, '[data-fathom="username"] >> nth=2')).toEqual([]);
  });
});

describe('collectLabels', () => {
  it('numbers labels per value in document order and leaves submit labels out', () => {
    const d = doc(`<form><input data-fathom="username" name="u"><input data-fathom="password" name="p">
      <input data-fathom="password" name="p"><button data-fathom="next">Go</button></form>`);
    const found = collectLabels(d, 'data-fathom', fathomRole);
    expect(found.map((f) => [f.field.role, f.field.labelIndex, f.field.selector])).toEqual([
      ['username', 0, 'input[name="u"]'],
      ['current-password', 0, null],
      ['current-password', 1, null],
    ]);
  });

  it('rejects a page with a field label on a non-input', () => {
    const d = doc(`<div data-manual-scoring="username">user</div><input type="password" data-manual-scoring="password">`);
    expect(() => collectLabels(d, 'data-manual-scoring', ddgRole)).toThrow(LabelError);
    expect(() => collectLabels(d, 'data-manual-scoring', ddgRole)).toThrow(/on a <div>, not on a form field/);
  });

  it('accepts a sign-up label only on a form', () => {
    expect(collectLabels(doc(`<form data-fathom="form"></form>`), 'data-fathom', fathomRole)).toHaveLength(1);
    expect(() => collectLabels(doc(`<div data-fathom="form"></div>`), 'data-fathom', fathomRole)).toThrow(/not on a <form>/);
  });

  it('rejects an unknown Mozilla label', () => {
    expect(() => collectLabels(doc(`<input data-fathom="email">`), 'data-fathom', fathomRole)).toThrow(/unknown data-fathom label/);
  });
});

describe('selectorProblems', () => {
  it('is empty when every selector names its labelled element', () => {
    const d = doc(`<input id="u" data-manual-scoring="username"><input type="password" data-manual-scoring="password">`);
    const found = collectLabels(d, 'data-manual-scoring', ddgRole);
    expect(selectorProblems(d, found, ddgExpected('login', found.map((f) => f.field)))).toEqual([]);
  });

  it('reports an expected selector that names an unlabelled or ambiguous element', () => {
    const d = doc(`<input id="u" data-manual-scoring="username"><input name="p"><input name="p">`);
    const found = collectLabels(d, 'data-manual-scoring', ddgRole);
    expect(selectorProblems(d, found, { currentPassword: ['input[name="p"]'] })).toHaveLength(1);
    expect(selectorProblems(d, found, { username: ['input[id="missing"]'] })).toHaveLength(1);
  });
});

describe('inferDdgKind', () => {
  const roles = (...r: Role[]) => r;
  it('reads login pages by name and labels', () => {
    expect(kindOf(inferDdgKind('site_login.html', roles('username', 'password')))).toBe('login');
    expect(kindOf(inferDdgKind('site_login.html', roles('username')))).toBe('login-username-step');
    expect(kindOf(inferDdgKind('site_login.html', roles('current-password')))).toBe('login-password-step');
    expect(kindOf(inferDdgKind('site_login.html', roles('username', 'password', 'otp')))).toBe('login+otp');
    expect(kindOf(inferDdgKind('site_sign-in.html', roles('email')))).toBe('login-username-step');
  });

  it('reads sign-up, change, reset, reauth and mixed pages', () => {
    expect(kindOf(inferDdgKind('site_signup.html', roles('email', 'password', 'other')))).toBe('signup');
    expect(kindOf(inferDdgKind('site_register.html', roles('email', 'other')))).toBe('signup-username-step');
    expect(kindOf(inferDdgKind('site_checkout-signup.html', roles('email')))).toBe('signup-username-step');
    expect(kindOf(inferDdgKind('site_settings.html', roles('current-password', 'new-password')))).toBe('change-password');
    expect(kindOf(inferDdgKind('site_change-password.html', roles('password', 'password')))).toBe('change-password');
    expect(kindOf(inferDdgKind('site_reset_password.html', roles('new-password')))).toBe('password-reset');
    expect(kindOf(inferDdgKind('site_account-locked.html', roles('password')))).toBe('reauth-password');
    expect(kindOf(inferDdgKind('site_login_signup.html', roles('username', 'password')))).toBe('login+signup');
    // Plain passwords in two forms: which is the login's and which the sign-up's is not in the name.
    const two = doc(`<form><input data-manual-scoring="password"></form><form><input data-manual-scoring="password"><input data-manual-scoring="password"></form>`);
    expect(countPlainPasswordForms(two)).toBe(2);
    expect(kindOf(inferDdgKind('site_signup.html', roles('username', 'password'), countPlainPasswordForms(two)))).toBe('login+signup');
    expect(kindOf(inferDdgKind('site_signup.html', roles('username', 'password'), 1))).toBe('signup');
    expect(countPlainPasswordForms(doc(`<input data-manual-scoring="username">`))).toBe(0);
  });

  it('names non-login pages only when they carry no credential label', () => {
    expect(kindOf(inferDdgKind('shop_checkout.html', roles('email', 'other')))).toBe('non-login:checkout');
    expect(kindOf(inferDdgKind('news_newsletter.html', roles('email')))).toBe('non-login:newsletter');
    expect(kindOf(inferDdgKind('tv_account-pin.html', roles('not-credential')))).toBe('non-login:pin');
    expect(kindOf(inferDdgKind('shop_checkout.html', roles('email', 'password')))).toMatch(/^skip: name says checkout but credential labels/);
  });

  it('skips pages it cannot classify instead of guessing', () => {
    expect(kindOf(inferDdgKind('shop_cart.html', roles('other')))).toMatch(/^skip: no credential labels/);
    expect(kindOf(inferDdgKind('bank.html', roles('username', 'password')))).toMatch(/^skip: name says neither/);
    expect(kindOf(inferDdgKind('site_login.html', roles('username', 'new-password')))).toMatch(/^skip: name says login but a new-password/);
    expect(kindOf(inferDdgKind('site_signup.html', roles('current-password')))).toMatch(/^skip: name says signup but a current-password/);
  });

  it('does not read words inside other words (mastercard is not a card page, pinterest not a PIN page)', () => {
    expect(kindOf(inferDdgKind('pinterest_help.html', roles('other')))).toMatch(/^skip/);
    expect(kindOf(inferDdgKind('mastercard_about.html', roles('other')))).toMatch(/^skip/);
  });
});

describe('Mozilla kinds', () => {
  it('lockwise: folder and labels', () => {
    expect(kindOf(lockwiseKind('negative', []))).toBe('no-login-form');
    expect(kindOf(lockwiseKind('negative', ['username']))).toMatch(/^skip/);
    expect(kindOf(lockwiseKind('training', ['username', 'current-password']))).toBe('login');
    expect(kindOf(lockwiseKind('training', ['username']))).toBe('login-username-step');
    expect(kindOf(lockwiseKind('positive/unused', ['current-password']))).toBe('login-password-step');
    expect(kindOf(lockwiseKind('training', []))).toBe('no-login-form');
  });

  it('new-password: _change, n suffix (n, an, na), else signup; checked against the labels', () => {
    expect(kindOf(newPasswordKind('EN_12a_change.html', ['new-password', 'confirm-password']))).toBe('change-password');
    expect(kindOf(newPasswordKind('EN_12n.html', []))).toBe('no-new-password');
    expect(kindOf(newPasswordKind('EN_12an.html', []))).toBe('no-new-password');
    expect(kindOf(newPasswordKind('EN_12na.html', []))).toBe('no-new-password');
    expect(kindOf(newPasswordKind('EN_X8.html', ['new-password']))).toBe('signup');
    expect(kindOf(newPasswordKind('EN_X8.html', []))).toMatch(/^skip/);
    expect(kindOf(newPasswordKind('EN_12n.html', ['new-password']))).toMatch(/^skip/);
  });

  it('sign-up-scenario: _n pages are not sign-up pages', () => {
    expect(kindOf(signupScenarioKind('EN_x.com.html', ['signup-form']))).toBe('signup');
    expect(kindOf(signupScenarioKind('EN_x.com_n.html', []))).toBe('not-signup');
    expect(kindOf(signupScenarioKind('EN_x.com.html', []))).toMatch(/^skip/);
  });
});

describe('ddgExpected', () => {
  const fields = (d: Document) => collectLabels(d, 'data-manual-scoring', ddgRole).map((f) => f.field);

  it('maps plain passwords by kind and emails as identifiers where the shared corpus does', () => {
    const d = doc(`<input id="e" data-manual-scoring="emailAddress"><input id="p" data-manual-scoring="password">`);
    expect(ddgExpected('login', fields(d))).toEqual({ username: ['input[id="e"]'], currentPassword: ['input[id="p"]'] });
    expect(ddgExpected('signup', fields(d))).toEqual({ username: ['input[id="e"]'], newPassword: ['input[id="p"]'] });
    expect(ddgExpected('change-password', fields(d))).toEqual({ username: ['input[id="e"]'], passwordUnspecified: ['input[id="p"]'] });
    expect(ddgExpected('non-login:newsletter', fields(d))).toEqual({});
  });

  it('leaves the email out of a sign-up form that has a username', () => {
    const d = doc(`<input id="u" data-manual-scoring="username"><input id="e" data-manual-scoring="emailAddress"><input data-manual-scoring="password.new">`);
    expect(ddgExpected('signup', fields(d))).toEqual({ username: ['input[id="u"]'], newPassword: ['[data-manual-scoring="password.new"] >> nth=0'] });
  });
});

// @vitest-environment jsdom
/** planFill: which visible fields of a detected form are filled, and so which values are asked for (S3, T15). */
import { describe, expect, it } from 'vitest';
import type { DetectedForm, FieldRole, FormKind } from '../../../../lib/autofill/content/detect/form-types';
import { planFill } from '../../../../lib/autofill/content/fill/plan-fill';

function input(id: string): HTMLInputElement {
  const el = document.createElement('input');
  el.id = id;
  return el;
}

function form(kind: FormKind, fields: [FieldRole, ...HTMLInputElement[]][]): DetectedForm {
  return { kind, container: document.createElement('form'), submit: null, fields: fields.map(([role, ...elements]) => ({ role, elements })) };
}

const all = () => true;

describe('planFill', () => {
  it('login: username and password; no code without a code field (the background copies it after the fill, S3)', () => {
    const [u, p] = [input('u'), input('p')];
    expect(planFill(form('login', [['username', u], ['current-password', p]]), all)).toEqual({ username: u, password: p, otp: [], fields: ['username', 'password'] });
  });

  it('username step: the username only, never a password (S3)', () => {
    const u = input('u');
    expect(planFill(form('username-step', [['username', u]]), all).fields).toEqual(['username']);
  });

  it('password step and change-password: the current password only', () => {
    const p = input('p');
    expect(planFill(form('password-step', [['current-password', p]]), all)).toMatchObject({ username: null, password: p, fields: ['password'] });
    const change = form('change-password', [['username', input('u')], ['current-password', p], ['new-password', input('n')], ['confirm-password', input('c')]]);
    expect(planFill(change, all)).toMatchObject({ username: null, password: p, fields: ['password'] });
  });

  it('sign-up and password-reset forms are not filled (their values are new ones)', () => {
    const signup = form('signup', [['username', input('u')], ['new-password', input('n')], ['confirm-password', input('c')]]);
    expect(planFill(signup, all).fields).toEqual([]);
    expect(planFill(form('password-reset', []), all).fields).toEqual([]);
  });

  it('one-time code: a single field, or every box of a split code; the code only', () => {
    const one = input('o');
    expect(planFill(form('otp', [['otp', one]]), all)).toMatchObject({ otp: [one], fields: ['totp'] });
    const boxes = Array.from({ length: 6 }, (_, i) => input(`d${i}`));
    expect(planFill(form('otp', [['otp', ...boxes]]), all)).toMatchObject({ otp: boxes, fields: ['totp'] });
  });

  it('T15: hidden fields are skipped; the first visible one of a role is chosen', () => {
    const [hidden, visible, p] = [input('hidden'), input('visible'), input('p')];
    const plan = planFill(form('login', [['username', hidden], ['username', visible], ['current-password', p]]), (el) => el !== hidden);
    expect(plan.username).toBe(visible);
  });

  it('T15: a hidden password field means no password is asked for; a split code with one hidden box gets no code', () => {
    const [u, p] = [input('u'), input('p')];
    expect(planFill(form('login', [['username', u], ['current-password', p]]), (el) => el !== p).fields).toEqual(['username']);
    const boxes = Array.from({ length: 6 }, (_, i) => input(`d${i}`));
    expect(planFill(form('otp', [['otp', ...boxes]]), (el) => el !== boxes[3]).fields).toEqual([]);
  });

  it('nothing visible → nothing asked for', () => {
    expect(planFill(form('login', [['username', input('u')], ['current-password', input('p')]]), () => false).fields).toEqual([]);
  });
});

// @vitest-environment jsdom
/** fillForm: writes only released values into planned, still-visible fields; split codes digit by digit. */
import { describe, expect, it } from 'vitest';
import { fillForm } from '../../../../lib/autofill/content/fill/fill-form';
import type { FillPlan } from '../../../../lib/autofill/content/fill/plan-fill';

function input(): HTMLInputElement {
  return document.body.appendChild(document.createElement('input'));
}

const plan = (p: Partial<FillPlan>): FillPlan => ({ username: null, password: null, otp: [], fields: [], ...p });

describe('fillForm', () => {
  it('writes username and password and returns what it wrote', () => {
    const [u, p] = [input(), input()];
    expect(fillForm(plan({ username: u, password: p }), { username: 'ann', password: 'pw' }, () => true)).toEqual([u, p]);
    expect([u.value, p.value]).toEqual(['ann', 'pw']);
  });

  it('a value the background did not release is not written (the field keeps what the user typed)', () => {
    const [u, p] = [input(), input()];
    u.value = 'typed';
    expect(fillForm(plan({ username: u, password: p }), { password: 'pw' }, () => true)).toEqual([p]);
    expect(u.value).toBe('typed');
  });

  it('T15: a field hidden since the plan was made stays empty', () => {
    const [u, p] = [input(), input()];
    expect(fillForm(plan({ username: u, password: p }), { username: 'ann', password: 'pw' }, (el) => el === u)).toEqual([u]);
    expect(p.value).toBe('');
  });

  it('one-time code: the whole code in one field; one digit per box when there is a box for each digit', () => {
    const one = input();
    fillForm(plan({ otp: [one] }), { totp: '123456' }, () => true);
    expect(one.value).toBe('123456');
    const boxes = Array.from({ length: 6 }, input);
    fillForm(plan({ otp: boxes }), { totp: '987654' }, () => true);
    expect(boxes.map((b) => b.value).join('')).toBe('987654');
    const tooFew = Array.from({ length: 4 }, input);
    expect(fillForm(plan({ otp: tooFew }), { totp: '987654' }, () => true)).toEqual([]);
  });
});

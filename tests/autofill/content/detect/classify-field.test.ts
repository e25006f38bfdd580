// @vitest-environment jsdom
/** classifyField: autocomplete first, then the field's own texts, labels weighing double. */
import { describe, expect, it } from 'vitest';
import { classifyField } from '../../../../lib/autofill/content/detect/classify-field';
import { htmlDocument } from '../../jsdom-document';

async function traitsOf(html: string, id = 'f') {
  const doc = await htmlDocument(html);
  return classifyField(doc.getElementById(id) as HTMLInputElement);
}

describe('classifyField: password fields', () => {
  it('reads current/new from autocomplete before any wording', async () => {
    expect((await traitsOf('<input id="f" type="password" autocomplete="current-password" placeholder="New password">')).hint).toBe('current');
    expect((await traitsOf('<input id="f" type="password" autocomplete="new-password">')).hint).toBe('new');
  });

  it('reads current, confirm and new wording, in that order of precedence', async () => {
    const cases: Array<[string, string | undefined]> = [
      ['<label for="f">Current password</label><input id="f" type="password">', 'current'],
      ['<input id="f" type="password" name="oldPassword">', 'current'],
      ['<label>Confirm new password <input id="f" type="password"></label>', 'confirm'],
      ['<input id="f" type="password" name="password2">', 'confirm'],
      ['<input id="f" type="password" placeholder="Neues Passwort wiederholen">', 'confirm'],
      ['<input id="f" type="password" aria-label="Choose a password">', 'new'],
      ['<input id="f" type="password" placeholder="At least 8 characters">', 'new'],
      ['<input id="f" type="password" name="pass">', undefined],
      ['<input id="f" type="password" name="reset_token_password">', undefined],
    ];
    for (const [html, hint] of cases) expect((await traitsOf(html)).hint, html).toBe(hint);
  });

  it('takes a masked one-time code for a code, unless it says password', async () => {
    const mfa = await traitsOf('<label for="f">MFA code</label><input id="f" type="password" name="mfacode">');
    expect([mfa.otp, mfa.password]).toEqual([true, false]);
    const pin = await traitsOf('<label for="f">Password</label><input id="f" type="password" name="identificationCode">');
    expect([pin.otp, pin.password]).toEqual([false, true]);
  });

  it('never takes a card code or a one-character box for a password', async () => {
    const cvc = await traitsOf('<input id="f" type="password" name="cvc" maxlength="4">');
    expect([cvc.password, cvc.card]).toEqual([false, true]);
    const csc = await traitsOf('<input id="f" type="password" autocomplete="cc-csc">');
    expect(csc.password).toBe(false);
    const box = await traitsOf('<input id="f" type="password" maxlength="1">');
    expect([box.password, box.box]).toEqual([false, true]);
  });

  it('reads a floating label placed after the field', async () => {
    expect((await traitsOf('<div><input id="f" type="password"><label>Saisissez votre mot de passe actuel</label></div>')).hint).toBe('current');
  });
});

describe('classifyField: other fields', () => {
  it('scores identifiers above zero and personal data below', async () => {
    expect((await traitsOf('<input id="f" autocomplete="username">')).user).toBeGreaterThan(0);
    expect((await traitsOf('<input id="f" type="email">')).user).toBeGreaterThan(0);
    expect((await traitsOf('<label for="f">Benutzername</label><input id="f">')).user).toBeGreaterThan(0);
    expect((await traitsOf('<input id="f" placeholder="手机号/邮箱">')).user).toBeGreaterThan(0);
    expect((await traitsOf('<input id="f" name="user[first_name]" placeholder="First name">')).user).toBeLessThan(0);
    expect((await traitsOf('<input id="f" autocomplete="given-name" name="username">')).user).toBeLessThan(0);
    expect((await traitsOf('<input id="f" name="q">')).user).toBeLessThan(0);
    expect((await traitsOf('<input id="f" name="misc">')).user).toBe(0);
  });

  it('lets what a person reads outvote what a developer named (Drupal: name="name", label Username)', async () => {
    expect((await traitsOf('<label for="f">Username</label><input id="f" name="name">')).user).toBeGreaterThan(0);
  });

  it('reads one-time codes from autocomplete and wording, but not promo or postal codes', async () => {
    expect((await traitsOf('<input id="f" autocomplete="one-time-code">')).otp, 'ac').toBe(true);
    expect((await traitsOf('<input id="f" name="email_verification[code_given]">')).otp, 'name').toBe(true);
    expect((await traitsOf('<input id="f" placeholder="Verification code">')).otp).toBe(true);
    expect((await traitsOf('<input id="f" placeholder="Promo code">')).otp).toBe(false);
    expect((await traitsOf('<input id="f" placeholder="Postal code">')).otp).toBe(false);
  });

  it('tells name, email and phone identifiers apart', async () => {
    expect((await traitsOf('<input id="f" autocomplete="username" type="email">')).identifier).toBe('name');
    expect((await traitsOf('<input id="f" type="email">')).identifier).toBe('email');
    expect((await traitsOf('<input id="f" name="reenter_email">')).identifier).toBe('email');
    expect((await traitsOf('<input id="f" type="tel">')).identifier).toBe('phone');
    expect((await traitsOf('<input id="f" placeholder="Mobile number">')).identifier).toBe('phone');
    expect((await traitsOf('<input id="f" name="login">')).identifier).toBe('name');
  });

  it('reads labels through aria-labelledby, in a shadow root too', async () => {
    const doc = await htmlDocument('<div id="host"></div>');
    const root = doc.getElementById('host')!.attachShadow({ mode: 'open' });
    root.innerHTML = '<span id="l">E-Mail-Adresse</span><input id="f" aria-labelledby="l">';
    expect(classifyField(root.getElementById('f') as HTMLInputElement).user).toBeGreaterThan(0);
  });
});

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
  it("reads a table row's header before the help text that precedes the field in its cell", async () => {
    const row = (header: string) =>
      `<table><tr><th>${header}</th><td><em>At least 6 characters</em><br><input id="f" type="password"></td></tr></table>`;
    expect((await traitsOf(row('Current password'))).hint).toBe('current');
    expect((await traitsOf(row('Password'))).hint).toBeUndefined();
    // Without a row header the nearby text still counts.
    expect((await traitsOf('<div><em>At least 6 characters</em><br><input id="f" type="password"></div>')).hint).toBe('new');
  });

  it('reads current/new from autocomplete when the words say nothing', async () => {
    expect((await traitsOf('<input id="f" type="password" autocomplete="new-password">')).worded).toBe(false);
    expect((await traitsOf('<input id="f" type="password" autocomplete="new-password" placeholder="New password">')).worded).toBe(true);
    expect((await traitsOf('<input id="f" type="password" autocomplete="current-password" name="pass">')).hint).toBe('current');
    expect((await traitsOf('<input id="f" type="password" autocomplete="new-password">')).hint).toBe('new');
  });

  it('lets the words a person reads outrank autocomplete=current-password, which sites copy onto sign-up fields', async () => {
    const create = await traitsOf('<input id="f" type="password" autocomplete="current-password" aria-label="Create a secure password">');
    expect([create.hint, create.acHint]).toEqual(['new', 'current']);
    const again = await traitsOf('<label for="f">Confirm Password</label><input id="f" type="password" autocomplete="current-password">');
    expect(again.hint).toBe('confirm');
    // Against autocomplete=new-password the words win here too; the form decides (see detect-forms.test.ts).
    const reuse = await traitsOf('<input id="f" type="password" autocomplete="new-password" placeholder="Don\'t reuse an old password">');
    expect([reuse.hint, reuse.acHint]).toEqual(['current', 'new']);
  });

  it('never takes the answer to a secret question for a password, nor for an identifier', async () => {
    for (const html of [
      '<label for="f">Security answer</label><input id="f" type="password">',
      '<input id="f" type="password" name="secret_answer" placeholder="Réponse secrète">',
    ]) {
      const answer = await traitsOf(html);
      expect([answer.password, answer.otp, answer.user < 0], html).toEqual([false, false, true]);
    }
  });

  it('takes masked boxes under four characters for parts of a number (an SSN), not a password', async () => {
    expect((await traitsOf('<input id="f" type="password" name="TIN3" maxlength="3">')).password).toBe(false);
    expect((await traitsOf('<input id="f" type="password" name="pin" maxlength="4">')).password).toBe(true);
  });

  it('reads password words of more languages (Romanian, Turkish, Czech, Hungarian)', async () => {
    for (const word of ['Parola', 'Şifre', 'Heslo', 'Jelszó']) {
      const masked = await traitsOf(`<label for="f">${word}</label><input id="f" type="password" name="verification">`);
      expect([masked.password, masked.otp], word).toEqual([true, false]);
    }
    expect((await traitsOf('<label for="f">Repetaţi parola:</label><input id="f" type="password" name="verification">')).hint).toBe('confirm');
  });

  it('never takes a decoy for a credential', async () => {
    expect((await traitsOf('<input id="f" type="password" name="fakepasswordremembered">')).password).toBe(false);
    expect((await traitsOf('<input id="f" name="fakeusernameremembered">')).user).toBeLessThan(0);
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

describe('classifyField: a password shown in clear (type=text)', () => {
  it('is a password when its own words say password', async () => {
    for (const html of [
      '<input id="f" type="text" name="password" autocomplete="off">',
      '<input id="f" type="text" name="customerPassword">',
      '<label for="f">Confirm password</label><input id="f" type="text">',
    ]) {
      expect((await traitsOf(html)).password, html).toBe(true);
    }
    expect((await traitsOf('<input id="f" type="text" name="ConfirmPasswd" aria-label="Confirm" autocomplete="new-password">')).hint).toBe('confirm');
  });

  it('is not a password when the words say something else beside password', async () => {
    for (const html of [
      '<input id="f" type="text" placeholder="Search passwords">',
      '<input id="f" type="text" name="password_hint" placeholder="Password hint">',
      '<input id="f" type="text" placeholder="Email for your password reset">',
      '<label for="f">Username or password</label><input id="f" type="text">',
      '<input id="f" type="text" placeholder="One-time password">',
      '<label for="f">Last name</label><input id="f" type="text" placeholder="password">',
      '<input id="f" type="text" autocomplete="username" name="password">',
    ]) {
      expect((await traitsOf(html)).password, html).toBe(false);
    }
  });

  it('is not a password on autocomplete=new-password alone: sites put it on address fields to stop autofill', async () => {
    const street = await traitsOf('<label for="f">Street address</label><input id="f" type="text" autocomplete="new-password" name="addressLineOne">');
    expect(street.password).toBe(false);
  });

  it('stays a password when a show-password toggle switches it to type=text (the same element)', async () => {
    const doc = await htmlDocument('<input id="f" type="password" name="pass">');
    const input = doc.getElementById('f') as HTMLInputElement;
    expect(classifyField(input).password).toBe(true);
    input.type = 'text';
    expect(classifyField(input).password).toBe(true);
    const other = doc.createElement('input');
    other.name = 'pass';
    expect(classifyField(other).password).toBe(false);
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

  it('reads "code" beside an account word as an identifier, beside email or phone as the code sent there', async () => {
    for (const html of ['<input id="f" name="codice_utente">', '<label for="f">Code utilisateur</label><input id="f">', '<input id="f" placeholder="Customer code">']) {
      const t = await traitsOf(html);
      expect([t.otp, t.user > 0], html).toEqual([false, true]);
    }
    const sent = await traitsOf('<input id="f" placeholder="Enter the code sent to your email">');
    expect([sent.otp, sent.strongOtp]).toEqual([true, false]);
    const once = await traitsOf('<label for="f">One-time code</label><input id="f" name="identificationCode">');
    expect([once.otp, once.strongOtp]).toEqual([true, true]);
  });

  it('reads a field named by account words first, a code named later, as the account the code goes to', async () => {
    const mobile = await traitsOf('<label for="f">Mobile No. (A one-time password will be sent via SMS to you.)</label><input id="f" type="tel">');
    expect([mobile.otp, mobile.user > 0, mobile.identifier]).toEqual([false, true, 'phone']);
    const email = await traitsOf('<label for="f">Enter your e-mail to receive a login code</label><input id="f">');
    expect([email.otp, email.user > 0]).toEqual([false, true]);
    // Too few words before the code word: the field asks for the code.
    for (const label of ['Phone verification code', 'SMS code sent to your phone', 'Please enter the verification code sent to your email']) {
      expect((await traitsOf(`<label for="f">${label}</label><input id="f" type="tel">`)).otp, label).toBe(true);
    }
  });

  it('counts a search box as an identifier only when its words or autocomplete say so', async () => {
    expect((await traitsOf('<input id="f" type="search" name="q">')).user).toBeLessThan(0);
    expect((await traitsOf('<input id="f" type="search">')).user).toBeLessThan(0);
    expect((await traitsOf('<label for="f">User ID</label><input id="f" type="search" autocomplete="username">')).user).toBeGreaterThan(0);
  });

  it('tells a label that names an identifier from a developer name that does', async () => {
    expect((await traitsOf('<label for="f">User Name</label><input id="f" name="name">')).said).toBe(true);
    const gender = await traitsOf('<input id="f" id="usernamereg-freeformGender" name="freeformGender" placeholder="Gender (optional)">');
    expect(gender.said).toBe(false);
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
    for (const label of ['ID Number', 'Membership number', 'Kundennummer', 'Numéro client', 'Número de sócio', 'Numer klienta', '会员编号']) {
      expect((await traitsOf(`<label for="f">${label}</label><input id="f">`)).identifier, label).toBe('number');
    }
    const help = '<label for="f">Login (It must be between 2 and 24 characters long. It can contain letters and numbers.)</label><input id="f">';
    expect((await traitsOf(help)).identifier).toBe('name');
  });

  it('reads labels through aria-labelledby, in a shadow root too', async () => {
    const doc = await htmlDocument('<div id="host"></div>');
    const root = doc.getElementById('host')!.attachShadow({ mode: 'open' });
    root.innerHTML = '<span id="l">E-Mail-Adresse</span><input id="f" aria-labelledby="l">';
    expect(classifyField(root.getElementById('f') as HTMLInputElement).user).toBeGreaterThan(0);
  });
});

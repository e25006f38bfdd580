// @vitest-environment jsdom
/**
 * detectForms on the authored fixtures in tests/fixtures/forms (jsdom: style-based visibility only; the
 * layout-based honeypot rules and the same expectations in real Chromium are checked by
 * tests/e2e/autofill-corpus.e2e.ts).
 */
import { describe, expect, it } from 'vitest';
import { detectForms } from '../../../../lib/autofill/content/detect/detect-forms';
import type { DetectedForm } from '../../../../lib/autofill/content/detect/form-types';
import { FORM_FIXTURE_EXPECTATIONS } from '../../form-fixture-expectations';
import { formFixture, htmlDocument } from '../../jsdom-document';

/** `kind: role=#id+#id, …` per form, as in form-fixture-expectations.ts. */
function summary(forms: DetectedForm[]): string[] {
  const name = (el: Element) => `#${el.id || el.getAttribute('name')}`;
  return forms.map((f) => `${f.kind}: ${f.fields.map((x) => `${x.role}=${x.elements.map(name).join('+')}`).join(', ')}`.trim());
}

describe('detectForms on the authored fixtures', () => {
  for (const [fixture, expected] of Object.entries(FORM_FIXTURE_EXPECTATIONS)) {
    it(fixture, async () => {
      expect(summary(detectForms(await formFixture(fixture)))).toEqual(expected);
    });
  }
});

describe('detectForms', () => {
  it('reports the form element as container and the submit button', async () => {
    const doc = await formFixture('login.html');
    const form = detectForms(doc).find((f) => f.kind === 'login');
    expect(form!.container).toBe(doc.getElementById('login'));
    expect(form!.submit?.textContent).toBe('Sign in');
  });

  it('gives a formless form its nearest container and a dialog its own form', async () => {
    const doc = await formFixture('formless-spa.html');
    const forms = detectForms(doc);
    expect(forms.map((f) => f.container.className || f.container.tagName)).toEqual(['panel login', 'panel register', 'DIALOG']);
    expect(forms[0]!.submit?.getAttribute('role')).toBe('button');
  });

  it('keeps the six boxes of a split code in one field', async () => {
    const [split] = detectForms(await formFixture('otp-split.html'));
    expect(split!.fields).toHaveLength(1);
    expect(split!.fields[0]!.elements).toHaveLength(6);
  });

  it('walks into open shadow roots, from the document or from the shadow root itself', async () => {
    const doc = await formFixture('shadow-root.html');
    const host = doc.getElementById('host')!;
    const template = doc.getElementById('shadow-content') as HTMLTemplateElement;
    host.attachShadow({ mode: 'open' }).append(template.content.cloneNode(true));
    const forms = detectForms(doc);
    expect(summary(forms)).toEqual(['login: username=#u, current-password=#p']);
    expect(forms[0]!.fields[0]!.elements[0]!.getRootNode()).toBe(host.shadowRoot);
    expect(summary(detectForms(host.shadowRoot!))).toEqual(['login: username=#u, current-password=#p']);
  });

  it('does not see into closed shadow roots', async () => {
    const doc = await formFixture('shadow-root.html');
    const host = doc.getElementById('host')!;
    const template = doc.getElementById('shadow-content') as HTMLTemplateElement;
    host.attachShadow({ mode: 'closed' }).append(template.content.cloneNode(true));
    expect(detectForms(doc)).toEqual([]);
  });

  it('uses the visibility rule it is given', async () => {
    const doc = await formFixture('login.html');
    const forms = detectForms(doc, { isVisible: (el) => el.id !== 'user' });
    expect(summary(forms)).toEqual(['none:', 'password-step: current-password=#pass']);
  });

  it('takes autocomplete over wording, and a form-wide login wording over a lone autocomplete=new-password', async () => {
    const doc = await htmlDocument(`
      <form id="a"><input name="x" autocomplete="username"><input type="password" name="y" autocomplete="current-password"><button>Go</button></form>
      <form id="b"><input type="email" name="e"><input type="password" name="p" autocomplete="new-password"><button type="submit">Log in</button></form>
      <form id="c"><input type="email" name="e"><input type="password" name="p" autocomplete="new-password"><button type="submit">Continue</button></form>`);
    expect(summary(detectForms(doc))).toEqual([
      'login: username=#x, current-password=#y',
      'login: username=#e, current-password=#p',
      'signup: username=#e, new-password=#p',
    ]);
  });

  it('keeps a password field a password after a show-password toggle switches it to type=text', async () => {
    const doc = await htmlDocument(`<form><label for="u">Email</label><input id="u" type="email">
      <label for="p">Passphrase</label><input id="p" type="password"><button type="button" id="eye">Show</button>
      <button type="submit">Sign in</button></form>`);
    expect(summary(detectForms(doc))).toEqual(['login: username=#u, current-password=#p']);
    // What the page's toggle does: the same element, now in clear. A later scan (on focus) still sees a password.
    (doc.getElementById('p') as HTMLInputElement).type = 'text';
    expect(summary(detectForms(doc))).toEqual(['login: username=#u, current-password=#p']);
  });

  it("weighs the form's own heading above the text before it (a page header's \"Sign in\" beside a sign-up form)", async () => {
    const doc = await htmlDocument(`<header><a href="/login">Sign in</a></header><form><h1>Finish signup to start your membership</h1>
      <input type="email" id="e" autocomplete="email"><input type="password" id="p"><button type="submit">Continue</button></form>`);
    expect(summary(detectForms(doc))).toEqual(['signup: username=#e, new-password=#p']);
  });

  it('lets a sign-up button outvote "current" words against autocomplete=new-password', async () => {
    const doc = await htmlDocument(`<form><input type="email" id="e"><input type="password" id="p" autocomplete="new-password" placeholder="Don't reuse an old password">
      <input type="password" id="c" autocomplete="new-password" placeholder="Confirm password"><button type="submit">Create account</button></form>`);
    expect(summary(detectForms(doc))).toEqual(['signup: username=#e, new-password=#p, confirm-password=#c']);
  });

  it('reads an unlabelled first password as new when another field says current, even last', async () => {
    const doc = await htmlDocument(`<form><input type="password" id="n" name="user[password]"><input type="password" id="c" name="user[password_confirmation]">
      <label for="o">Current password</label><input type="password" id="o"><button type="submit">Update</button></form>`);
    expect(summary(detectForms(doc))).toEqual(['change-password: new-password=#n, confirm-password=#c, current-password=#o']);
  });

  it('names a field by its nearest label when a site points two labels at it, and ignores aria references to the form itself', async () => {
    const doc = await htmlDocument(`<form id="password"><label for="pw">Current password</label><input type="password" id="cur">
      <label for="pw">New password</label><input type="password" id="pw" aria-describedby="New password">
      <label for="pw2">New password (again)</label><input type="password" id="pw2"><button>Change Password</button></form>`);
    expect(summary(detectForms(doc))).toEqual(['change-password: current-password=#cur, new-password=#pw, confirm-password=#pw2']);
  });

  it('weighs autocomplete=new-password alone below the form saying sign in (sites set it on login fields to stop browsers)', async () => {
    const doc = await htmlDocument(`<div><h1>Sign in</h1><input id="phone" name="account" placeholder="Phone">
      <input id="acct" name="account" placeholder="Phone/Email"><input id="p" type="password" placeholder="Password" autocomplete="new-password"></div>`);
    expect(summary(detectForms(doc))).toEqual(['login: username=#acct, current-password=#p']);
    // Words that say new still make it a sign-up under the same heading.
    const create = await htmlDocument(`<div><h1>Sign in</h1><input id="phone" name="account" placeholder="Phone">
      <input id="acct" name="account" placeholder="Phone/Email"><input id="p" type="password" placeholder="Create a password" autocomplete="new-password"></div>`);
    expect(summary(detectForms(create))[0]).toMatch(/^signup: .*new-password=#p/);
  });

  it('takes the field that only says "code" right before the password for the identifier, over a plain field before it', async () => {
    const doc = await htmlDocument(`<form><h2>Código de Acesso</h2><label for="ni">CPF/CNPJ</label><input id="ni" maxlength="14">
      <label for="c">Código de Acesso</label><input id="c" name="CodigoAcesso" maxlength="12">
      <label for="p">Senha</label><input id="p" type="password"><input type="submit" value="Avançar"></form>`);
    expect(summary(detectForms(doc))).toEqual(['login: username=#c, current-password=#p']);
  });

  it("takes a sign-up's email for the account, not an ID or membership number asked before it", async () => {
    const doc = await htmlDocument(`<form><legend>Create Account</legend><label for="n">Full Name</label><input id="n">
      <input id="id" name="id_number" placeholder="ID Number"><label for="m">Membership number</label><input id="m">
      <label for="e">Email</label><input id="e" type="email"><label for="p">Password</label><input id="p" type="password">
      <input id="p2" type="password" placeholder="Confirm Password"><button type="submit">Create Account</button></form>`);
    expect(summary(detectForms(doc))).toEqual(['signup: username=#e, new-password=#p, confirm-password=#p2']);
  });

  it('reports the account a code step is for, when its autocomplete says so', async () => {
    const doc = await htmlDocument(`<form><label for="e">Email (username)</label><input type="email" id="e" autocomplete="username">
      ${[0, 1, 2, 3, 4, 5].map((i) => `<input type="tel" id="d${i}" maxlength="1">`).join('')}<button type="submit">Verify</button></form>`);
    expect(summary(detectForms(doc))).toEqual(['otp: username=#e, otp=#d0+#d1+#d2+#d3+#d4+#d5']);
  });

  it('splits one page-wide form (ASP.NET style) at its submit buttons', async () => {
    const doc = await htmlDocument(`<form id="aspnetForm">
      <input name="search" placeholder="Search"><input type="submit" value="Search">
      <div class="login"><input name="ctl00$Login$UserName" id="user"><input type="password" name="ctl00$Login$Password" id="pass">
      <input type="submit" value="Log in"></div>
      <input name="ctl00$News$Email" id="news" placeholder="Email"><input type="submit" value="Subscribe"></form>`);
    const forms = detectForms(doc);
    expect(summary(forms)).toEqual(['none:', 'login: username=#user, current-password=#pass', 'none:']);
    expect(forms[1]!.container.className).toBe('login');
  });

  it('resists DOM clobbering: inputs named id, name or action do not break form reading', async () => {
    const doc = await htmlDocument(`<form><input name="id" placeholder="Email"><input name="action" type="password">
      <input name="name" type="hidden"><button type="submit">Sign in</button></form>`);
    expect(summary(detectForms(doc))).toEqual(['login: username=#id, current-password=#action']);
  });

  it('weighs a sign-up form against autocomplete=current-password copied onto its fields (issue 18)', async () => {
    // Confirm wording on the next field: the first is the new password, whatever its autocomplete says.
    const confirm = await htmlDocument(`<form><label for="e">Email</label><input id="e" type="email" autocomplete="username">
      <label for="p">Password</label><input id="p" type="password" autocomplete="current-password">
      <label for="c">Confirm password</label><input id="c" type="password" autocomplete="current-password"><button type="submit">Continue</button></form>`);
    expect(summary(detectForms(confirm))).toEqual(['signup: username=#e, new-password=#p, confirm-password=#c']);
    // The same attribute on every password field, under a button that says register.
    const every = await htmlDocument(`<form><input id="e" type="email" placeholder="Email"><input id="p" type="password" autocomplete="current-password">
      <input id="c" type="password" autocomplete="current-password"><button type="submit">Register</button></form>`);
    expect(summary(detectForms(every))).toEqual(['signup: username=#e, new-password=#p, confirm-password=#c']);
    // A lone password: the heading and the name fields outweigh the attribute, which still decides a bare form.
    const lone = await htmlDocument(`<form><h2>Create your account</h2><input id="f" placeholder="First name"><input id="l" placeholder="Last name">
      <input id="e" type="email" placeholder="Email"><input id="p" type="password" autocomplete="current-password"><button type="submit">Submit</button></form>
      <form><input id="u" placeholder="Email"><input id="q" type="password" autocomplete="current-password"><button type="submit">Submit</button></form>`);
    expect(summary(detectForms(lone))).toEqual(['signup: username=#e, new-password=#p', 'login: username=#u, current-password=#q']);
    // Worded "current" against autocomplete alone still makes a change-password form.
    const change = await htmlDocument(`<form><input id="a" type="password" autocomplete="current-password">
      <input id="b" type="password" placeholder="New password"><input id="c" type="password" placeholder="Repeat new password"><button type="submit">Save</button></form>`);
    expect(summary(detectForms(change))).toEqual(['change-password: current-password=#a, new-password=#b, confirm-password=#c']);
  });

  it('takes no part of a social security or taxpayer number for a password, masked or split (issue 18)', async () => {
    const doc = await htmlDocument(`<form><h2>Refund status</h2><label>SSN</label><input id="s1" type="password" maxlength="3">
      <input id="s2" type="password" maxlength="2"><input id="s3" type="password" maxlength="4"><button type="submit">Check</button></form>
      <form><label for="t">Taxpayer ID</label><input id="t" type="password"><label for="z">ZIP</label><input id="z"><button type="submit">Continue</button></form>
      <form><label for="n">Social Security Number</label><input id="n" type="password" maxlength="9"><button type="submit">Submit</button></form>`);
    expect(summary(detectForms(doc))).toEqual(['none:', 'none:', 'none:']);
  });

  it('takes an unworded masked field after the confirmation for a secret answer, not a third password (issue 18)', async () => {
    const doc = await htmlDocument(`<form><label for="u">Email</label><input id="u" type="email"><label for="p">Password</label>
      <input id="p" type="password"><label for="c">Confirm Password</label><input id="c" type="password">
      <select name="q"><option>Name of your first pet?</option></select><input id="a" type="password" name="secans"><button type="submit">Continue</button></form>`);
    expect(summary(detectForms(doc))).toEqual(['signup: username=#u, new-password=#p, confirm-password=#c']);
  });

  it("takes a login's e-mail for the identifier over a membership number beside it (issue 18)", async () => {
    const doc = await htmlDocument(`<form><input id="e" type="email" name="email" placeholder="Email">
      <input id="m" name="membershipNumber" placeholder="Membership number"><input id="p" type="password"><button type="submit">Sign in</button></form>
      <form><input id="n" placeholder="Membership number"><input id="q" type="password"><button type="submit">Sign in</button></form>`);
    expect(summary(detectForms(doc))).toEqual(['login: username=#e, current-password=#p', 'login: username=#n, current-password=#q']);
  });

  it('counts two identifiers of one name as one field in two tabs, not as an identifier and its confirmation (issue 18)', async () => {
    const doc = await htmlDocument(`<p>Sign in with password</p><div><input id="a" name="account" placeholder="Phone">
      <input id="b" name="account" placeholder="Phone/Email"><input id="p" type="password" placeholder="Password" autocomplete="new-password"></div>`);
    expect(summary(detectForms(doc))).toEqual(['login: username=#b, current-password=#p']);
  });

  it('offers no login for the e-mail of a checkout, payment or delivery step with a "Continue" button (issue 18)', async () => {
    const pages = [
      `<title>Checkout</title><form><h2>Guest checkout</h2><input id="e" type="email" autocomplete="email" placeholder="Email"><button type="submit">Continue</button></form>`,
      `<form id="versand"><h2>Lieferadresse</h2><label for="e">E-Mail-Adresse</label><input id="e" name="email"><button type="submit">Weiter</button></form>`,
      `<form><label for="e">Adresse e-mail</label><input id="e" type="email"><button type="submit">Continuer vers la livraison</button></form>`,
      `<title>Finalizar compra</title><form><h3>Datos de envío</h3><input id="e" type="email" placeholder="Correo electrónico"><button type="submit">Continuar</button></form>`,
    ];
    const got: string[][] = [];
    for (const page of pages) got.push(summary(detectForms(await htmlDocument(page))));
    expect(got).toEqual(pages.map(() => ['none:']));
    // A returning customer's step on the same page still asks for the account.
    const login = await htmlDocument(`<title>Checkout</title><form><h2>Returning customer? Sign in</h2><input id="u" type="email" autocomplete="email" placeholder="Email">
      <button type="submit">Continue</button></form>`);
    expect(summary(detectForms(login))).toEqual(['username-step: username=#u']);
  });

  it('takes an e-mail box for news and offers under a "Sign up" button for no sign-up (issue 18)', async () => {
    const pages = [
      `<footer><form><h3>Stay in the loop</h3><p>Get the latest news and 15% off your first order.</p><input id="e" type="email" placeholder="Email address"><button type="submit">Sign up</button></form></footer>`,
      `<form><label for="e">Sign up for email updates</label><input id="e" name="email"><button type="submit">Sign up</button></form>`,
      `<form><p>Neuigkeiten und Angebote per E-Mail</p><input id="e" type="email" placeholder="E-Mail"><button type="submit">Registrieren</button></form>`,
      `<form><p>Recevez nos nouveautés et offres</p><input id="e" type="email" placeholder="Votre e-mail"><button type="submit">S'inscrire</button></form>`,
    ];
    const got: string[][] = [];
    for (const page of pages) got.push(summary(detectForms(await htmlDocument(page))));
    expect(got).toEqual(pages.map(() => ['none:']));
    // An account's first step says what it creates.
    const signup = await htmlDocument(`<form><h1>Create your account</h1><input id="e" type="email" placeholder="Email"><button type="submit">Sign up</button></form>`);
    expect(summary(detectForms(signup))).toEqual(['signup: username=#e']);
    // "Novità" is news in Italian; the Czech "obnovit" (renew) is not.
    const reset = await htmlDocument(`<form id="reset"><h2>Obnovit heslo</h2><input id="e" type="email" placeholder="E-mail"><button type="submit">Obnovit</button></form>`);
    expect(summary(detectForms(reset))).toEqual(['password-reset:']);
  });

  it('reads "signing up" as no sign-in, so a news box thanking for it offers nothing; "signing in" still says log in (issue 18)', async () => {
    const news = await htmlDocument(`<form id="email-signup-sidebar"><h3>Your 10% off code is on the way</h3><h3>Thanks for signing up for emails</h3>
      <input id="e" name="email" placeholder="Email"><button type="submit">Sign me up for savings</button></form>`);
    expect(summary(detectForms(news))).toEqual(['none:']);
    const login = await htmlDocument(`<form><h2>Trouble signing in?</h2><input id="e" type="email" placeholder="Email"><button type="submit">Continue</button></form>`);
    expect(summary(detectForms(login))).toEqual(['username-step: username=#e']);
  });

  it('reads a label before the field through a line break, not the next field\'s label after it (issue 18)', async () => {
    const doc = await htmlDocument(`<form><div><label>Username</label><br><input id="u" name="loginUsername">
      <label>Password</label><br><input id="p" type="password" name="loginPassword"><button type="submit">Login</button></div></form>`);
    expect(summary(detectForms(doc))).toEqual(['login: username=#u, current-password=#p']);
  });

  it('takes a field named "secret" that says password for the password, not a secret answer (issue 18)', async () => {
    const doc = await htmlDocument(`<form action="/login"><input id="u" name="ego_user" placeholder="Jméno"><input id="p" name="ego_secret" type="password" placeholder="Heslo">
      <button type="submit">Přihlásit</button></form>`);
    expect(summary(detectForms(doc))).toEqual(['login: username=#u, current-password=#p']);
  });

  it('offers nothing in an order-tracking form, even one a login page posts (issue 18)', async () => {
    const doc = await htmlDocument(`<form id="dwfrm_ordertrack" action="/Login-LoginForm"><label for="n">Order Number</label><input id="n" name="orderNumber">
      <label for="e">Order Email</label><input id="e" name="orderEmail"><label for="z">Billing Postal Code</label><input id="z" name="postalCode">
      <button type="submit">Check status</button></form>`);
    expect(summary(detectForms(doc))).toEqual(['none:']);
  });

  it('reads "MotDePasse2" after "MotDePasse" as its confirmation, so the form is one sign-up (issue 18)', async () => {
    const doc = await htmlDocument(`<form><h3>Mon compte</h3><table><tr><td>Adresse email* :</td><td>Mot de passe* :</td></tr>
      <tr><td><input id="e" name="Email"></td><td><input id="p" type="password" name="MotDePasse"></td></tr>
      <tr><td>Confirmation de l'email* :</td><td>Confirmation du mot de passe* :</td></tr>
      <tr><td><input id="e2" name="Email2"></td><td><input id="p2" type="password" name="MotDePasse2"></td></tr></table>
      <input id="n" name="Nom" placeholder="Nom"><input id="pn" name="Prenom" placeholder="Prénom"><button type="submit">Valider</button></form>`);
    expect(summary(detectForms(doc))).toEqual(['signup: username=#e, new-password=#p, username=#e2, confirm-password=#p2']);
  });

  it('reads "设置密码" (set a password) as a new password (issue 18)', async () => {
    const doc = await htmlDocument(`<form><label for="u">手机号</label><input id="u" name="username"><label for="p">设置密码</label><input id="p" type="password" name="passwd">
      <label for="b">生日</label><input id="b" name="birthday"><button type="submit">提交</button></form>`);
    expect(summary(detectForms(doc))).toEqual(['signup: username=#u, new-password=#p']);
  });

  it("takes a sign-up's user-name field over its e-mail on one weak sign, when it comes before the password (issue 18)", async () => {
    const doc = await htmlDocument(`<form action="signup2.php"><table><tr><td><strong>Username:</strong></td><td></td></tr>
      <tr><td>http://www.example.ws/</td><td><input id="u" name="usernamee"></td></tr><tr><td>Your name:</td><td><input id="n" name="realname"></td></tr>
      <tr><td>Your email:</td><td><input id="e" name="email"></td></tr><tr><td>Password:</td><td><input id="p" type="password" name="password"></td></tr>
      <tr><td>Password again:</td><td><input id="c" type="password" name="passwordagain"></td></tr></table><input type="submit" value="Next"></form>`);
    expect(summary(detectForms(doc))).toEqual(['signup: username=#u, new-password=#p, confirm-password=#c']);
  });

  it("takes a sign-up's login name over its e-mail when a required mark stands between the name and the field (issue 18)", async () => {
    const doc = await htmlDocument(`<h1>User Account Registration</h1><form action="/account/register.php">
      <p>Login Name (do not use uppercase letters):<span class="requiredfield">*</span><br><label for="u"><input id="u" name="unix_name"></label></p>
      <p>Password:<span class="requiredfield">*</span><br><label for="p"><input id="p" type="password" name="password1"></label></p>
      <p>Password (repeat):<span class="requiredfield">*</span><br><label for="c"><input id="c" type="password" name="password2"></label></p>
      <p>Email Address:<span class="requiredfield">*</span><br><label for="e"><input id="e" name="email"></label></p>
      <input type="submit" name="submit" value="Register"></form>`);
    expect(summary(detectForms(doc))).toEqual(['signup: username=#u, new-password=#p, confirm-password=#c']);
  });

  it('reads a lone password that says "confirm" or "re-enter" as the current password: it confirms who you are (issue 18)', async () => {
    const email = await htmlDocument(`<form action="/account"><label for="e">New email</label><input id="e" type="email" name="email">
      <label for="p">Enter your password to confirm</label><input id="p" type="password" name="password"><button type="submit">Update email</button></form>`);
    // The password's role only: the new e-mail is still offered as the login's username (left; see issue 18's note).
    expect(detectForms(email)[0]!.fields.find((f) => f.elements[0]!.id === 'p')?.role).toBe('current-password');
    const reauth = await htmlDocument(`<form><h2>Please re-enter your password</h2><input id="p" type="password" placeholder="Re-enter password"><button type="submit">Continue</button></form>`);
    expect(summary(detectForms(reauth))).toEqual(['password-step: current-password=#p']);
    // Beside the new password it stays that one's confirmation.
    const signup = await htmlDocument(`<form><input id="e" type="email" placeholder="Email"><input id="p" type="password" placeholder="Password">
      <input id="c" type="password" placeholder="Confirm password"><button type="submit">Continue</button></form>`);
    expect(summary(detectForms(signup))).toEqual(['signup: username=#e, new-password=#p, confirm-password=#c']);
  });

  it('returns nothing for an empty document and for a page without inputs', async () => {
    expect(detectForms(await htmlDocument(''))).toEqual([]);
    expect(detectForms(await htmlDocument('<p>Hello</p><button>Sign in</button>'))).toEqual([]);
  });
});

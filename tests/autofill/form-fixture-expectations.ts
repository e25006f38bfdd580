/**
 * What `detectForms` must report on each authored fixture in tests/fixtures/forms, one line per form in document
 * order: `kind: role=#field+#field, …`, a field named by its id, else its name. Shared by the jsdom unit tests
 * and the Chromium end-to-end check, so both engines are held to the same answers.
 */

/** Fixture file → expected form lines. shadow-root.html is absent: its shadow root is attached by the test. */
export const FORM_FIXTURE_EXPECTATIONS: Readonly<Record<string, readonly string[]>> = {
  'login.html': ['none:', 'login: username=#user, current-password=#pass'],
  'username-step.html': ['username-step: username=#identifier'],
  'password-step.html': ['password-step: current-password=#Passwd'],
  'signup.html': ['signup: username=#email, new-password=#pwd1, confirm-password=#pwd2'],
  'change-password.html': ['change-password: current-password=#a, new-password=#b, confirm-password=#c'],
  'table-rows.html': ['change-password: current-password=#cur, new-password=#new, confirm-password=#conf'],
  'reset-request.html': ['password-reset:'],
  'otp-split.html': ['otp: otp=#d1+#d2+#d3+#d4+#d5+#d6', 'otp: otp=#code'],
  'formless-spa.html': [
    'login: username=#u, current-password=#p',
    'signup: username=#e, new-password=#np',
    'password-step: current-password=#dialog-pass',
  ],
  'search-box.html': ['none:', 'none:'],
  'newsletter.html': ['none:', 'none:'],
  'card-pin.html': ['none:', 'none:'],
  'honeypot.html': ['login: username=#real-user, current-password=#real-pass'],
  'patterns.html': [
    'login: username=#p1-user, current-password=#p1-pass',
    'login: username=#p2-member, current-password=#p2-pin',
    'username-step: username=#p3-email',
    'signup: username=#p4-email, new-password=#p4-pass',
    'password-reset: new-password=#p5-new, confirm-password=#p5-again',
    'none:',
    'none:',
    'none:',
    'login: username=#p9-user, current-password=#p9-pass',
    'login: username=#p10-user, current-password=#p10-pass',
  ],
  'i18n.html': [
    'login: username=#de-u, current-password=#de-p',
    'signup: username=#fr-u, new-password=#fr-p, confirm-password=#fr-c',
    'login: username=#es-u, current-password=#es-p',
    'change-password: current-password=#it-o, new-password=#it-n',
    'login: username=#pt-u, current-password=#pt-p',
    'login: username=#nl-u, current-password=#nl-p',
    'signup: username=#pl-u, new-password=#pl-p, confirm-password=#pl-c',
    'login: username=#ru-u, current-password=#ru-p',
    'signup: username=#zh-u, new-password=#zh-p, confirm-password=#zh-c',
    'login: username=#ja-u, current-password=#ja-p',
    'login: username=#ko-u, current-password=#ko-p',
    'login: username=#el-u, current-password=#el-p',
  ],
  'signup-traps.html': [
    'signup: username=#a-user, new-password=#a-pw, confirm-password=#a-pw2',
    'signup: username=#usernamereg-email, new-password=#usernamereg-password',
    'signup: username=#c-id, new-password=#c-pw1, confirm-password=#c-pw2',
    'signup: username=#d-email, new-password=#d-pw',
    'signup: username=#e-email, new-password=#e-pw, confirm-password=#e-pw2',
  ],
  'login-identifiers.html': [
    'login: username=#a-code, current-password=#a-pw',
    'login: username=#b-user, current-password=#b-pw',
    'login: username=#c-user, current-password=#c-pw',
    'login: username=#d-card, current-password=#d-pw',
    'login: username=#e-user, current-password=#e-pw',
    'signup: username=#e-new-user, new-password=#e-new-pw, confirm-password=#e-new-pw2',
    'login: username=#f-user, current-password=#f-pw',
  ],
  'not-login.html': ['none:', 'none:', 'none:', 'none:'],
  'checkout.html': ['none:', 'username-step: username=#returning-email', 'none:', 'none:'],
  'reauth.html': ['password-step: current-password=#sudo-pass', 'password-step: current-password=#delete-pass'],
  'wording-traps.html': ['none:', 'signup: username=#login-name, new-password=#pass1, confirm-password=#pass2'],
  'login-page-side-forms.html': ['login: username=#login-email, current-password=#login-pass', 'none:', 'none:', 'none:'],
};

/** Fixtures whose traps only a layout engine can see: checked in Chromium only. */
export const LAYOUT_FIXTURE_EXPECTATIONS: Readonly<Record<string, readonly string[]>> = {
  'honeypot-layout.html': ['login: username=#real-user, current-password=#real-pass'],
};

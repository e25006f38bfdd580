/**
 * watchSubmissions with the real detector in headless Chromium (see chromium-page.ts): a form's submit
 * event counts at once; a formless form's button click or Enter counts once the page navigates or the form
 * is removed or hidden; typing again disarms; events made by page script never count. User actions are
 * Playwright's real input (trusted events); "page script" is `page.evaluate`.
 */
import { describe, expect, it } from 'vitest';
import type { Submission } from '../../../../lib/autofill/autofill-save-messages';
import { useTestPage } from '../../chromium-page';
import type { SaveTestApi } from '../../save-page-entry';

const test = useTestPage('tests/autofill/save-page-entry.ts');

/** Loads `html` and starts watching it. */
async function watch(html: string): Promise<void> {
  await test.load(html);
  await test.page.evaluate(() => (window as unknown as { saveTest: SaveTestApi }).saveTest.watch());
}

function reports(): Promise<Submission[]> {
  return test.page.evaluate(() => (window as unknown as { saveTest: SaveTestApi }).saveTest.reports);
}

const SIGNUP_FORM = `
  <form action="/welcome" onsubmit="event.preventDefault()">
    <label>Email <input id="email" type="email" name="email" autocomplete="username"></label>
    <label>Password <input id="pw" type="password" name="password" autocomplete="new-password"></label>
    <label>Confirm password <input id="pw2" type="password" name="confirm" autocomplete="new-password"></label>
    <button id="create" type="submit">Create account</button>
  </form>`;

const FORMLESS_LOGIN = `
  <div id="app"><div id="login">
    <label>Email <input id="user" type="email" autocomplete="username"></label>
    <label>Password <input id="pw" type="password" autocomplete="current-password"></label>
    <button id="go" type="button">Sign in</button>
  </div></div>`;

const CHANGE_FORM = `
  <form onsubmit="event.preventDefault()">
    <label>Current password <input id="old" type="password" autocomplete="current-password"></label>
    <label>New password <input id="new" type="password" autocomplete="new-password"></label>
    <label>Confirm new password <input id="new2" type="password" autocomplete="new-password"></label>
    <button id="change" type="submit">Change password</button>
  </form>`;

describe('watchSubmissions (Chromium)', () => {
  it('sign-up form submitted with the button → reported at once: username, new and confirm password', async () => {
    await watch(SIGNUP_FORM);
    await test.page.fill('#email', 'dana@example.com');
    await test.page.fill('#pw', 'N3w-secret!');
    await test.page.fill('#pw2', 'N3w-secret!');
    await test.page.click('#create');
    expect(await reports()).toEqual([{ username: 'dana@example.com', currentPassword: '', newPassword: 'N3w-secret!', confirmPassword: 'N3w-secret!' }]);
  });

  it('change-password form submitted with Enter → current and new password, once', async () => {
    await watch(CHANGE_FORM);
    await test.page.fill('#old', 'old-pw');
    await test.page.fill('#new', 'next-pw');
    await test.page.fill('#new2', 'next-pw');
    await test.page.press('#new2', 'Enter');
    expect(await reports()).toEqual([{ username: '', currentPassword: 'old-pw', newPassword: 'next-pw', confirmPassword: 'next-pw' }]);
  });

  it('a submit made by page script (dispatched event) is ignored', async () => {
    await watch(SIGNUP_FORM);
    await test.page.fill('#pw', 'N3w-secret!');
    await test.page.evaluate(() => document.querySelector('form')!.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true })));
    expect(await reports()).toEqual([]);
  });

  it('a form submitted with no password typed reports nothing', async () => {
    await watch(SIGNUP_FORM);
    await test.page.fill('#email', 'dana@example.com');
    await test.page.click('#create');
    expect(await reports()).toEqual([]);
  });

  it('formless: click on the submit-like button, then a real navigation → reported with the values at click time', async () => {
    await watch(FORMLESS_LOGIN);
    await test.page.fill('#user', 'erin@example.com');
    await test.page.fill('#pw', 'hunter2!');
    await test.page.click('#go');
    // The page clears the field itself, as many do right after a click.
    await test.page.evaluate(() => {
      (document.getElementById('pw') as HTMLInputElement).value = '';
    });
    expect(await reports()).toEqual([]);
    await test.page.goto('http://sealpass.test/next');
    const kept = await test.page.evaluate(() => sessionStorage.getItem('saveTest.reports'));
    expect(JSON.parse(kept ?? '[]')).toEqual([{ username: 'erin@example.com', currentPassword: 'hunter2!', newPassword: '', confirmPassword: '' }]);
  });

  it('formless: click, then the form is removed → reported; an unrelated change reports nothing', async () => {
    await watch(FORMLESS_LOGIN);
    await test.page.fill('#user', 'erin@example.com');
    await test.page.fill('#pw', 'hunter2!');
    await test.page.click('#go');
    await test.page.evaluate(() => document.getElementById('app')!.append(document.createElement('p')));
    expect(await reports()).toEqual([]);
    await test.page.evaluate(() => document.getElementById('login')!.remove());
    await expect.poll(reports).toEqual([{ username: 'erin@example.com', currentPassword: 'hunter2!', newPassword: '', confirmPassword: '' }]);
  });

  it('formless: Enter in the password field, then the form is hidden → reported', async () => {
    await watch(FORMLESS_LOGIN);
    await test.page.fill('#user', 'erin@example.com');
    await test.page.fill('#pw', 'hunter2!');
    await test.page.press('#pw', 'Enter');
    await test.page.evaluate(() => {
      document.getElementById('login')!.style.display = 'none';
    });
    await expect.poll(reports).toHaveLength(1);
  });

  it('formless: typing again after the click disarms (the submit failed); removal then reports nothing', async () => {
    await watch(FORMLESS_LOGIN);
    await test.page.fill('#user', 'erin@example.com');
    await test.page.fill('#pw', 'wrong');
    await test.page.click('#go');
    await test.page.type('#pw', 'x');
    await test.page.evaluate(() => document.getElementById('login')!.remove());
    // A later, unrelated mutation proves the observer had its chance to run.
    await test.page.evaluate(() => document.body.append(document.createElement('hr')));
    expect(await reports()).toEqual([]);
  });

  it('formless: a click made by page script, a right click, a click beside the button, or another key arm nothing', async () => {
    await watch(FORMLESS_LOGIN);
    await test.page.fill('#user', 'erin@example.com');
    await test.page.fill('#pw', 'hunter2!');
    await test.page.evaluate(() => document.getElementById('go')!.click());
    await test.page.click('#login', { position: { x: 2, y: 2 } });
    await test.page.click('#go', { button: 'right' });
    await test.page.press('#pw', 'Tab');
    await test.page.evaluate(() => document.getElementById('login')!.remove());
    await test.page.evaluate(() => document.body.append(document.createElement('hr')));
    expect(await reports()).toEqual([]);
  });

  it('a formless form inside an open shadow root: click, then its host is removed → reported', async () => {
    await watch('<login-box id="box"></login-box>');
    await test.page.evaluate(() => {
      const root = document.getElementById('box')!.attachShadow({ mode: 'open' });
      root.innerHTML = '<div><input id="user" type="email" autocomplete="username">' +
        '<input id="pw" type="password" autocomplete="current-password"><button id="go" type="button">Sign in</button></div>';
    });
    await test.page.fill('#box #user', 'fay@example.com');
    await test.page.fill('#box #pw', 'shadow-pw');
    await test.page.click('#box #go');
    await test.page.evaluate(() => document.getElementById('box')!.remove());
    await expect.poll(reports).toEqual([{ username: 'fay@example.com', currentPassword: 'shadow-pw', newPassword: '', confirmPassword: '' }]);
  });

  it('after stop, a submit is not reported', async () => {
    await watch(SIGNUP_FORM);
    await test.page.fill('#pw', 'N3w-secret!');
    await test.page.evaluate(() => (window as unknown as { saveTest: SaveTestApi }).saveTest.stop());
    await test.page.click('#create');
    expect(await reports()).toEqual([]);
  });
});

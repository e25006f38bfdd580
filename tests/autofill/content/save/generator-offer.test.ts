/**
 * The generator button in headless Chromium: shown in a focused new-password field only; a real click asks
 * for a password with the field's passwordrules and fills it into the new and confirm fields so that a
 * framework listening to input events sees it; scripted clicks and a hidden button do nothing.
 */
import { describe, expect, it } from 'vitest';
import { useTestPage } from '../../chromium-page';
import { pressOurButton, readOurUi } from '../../closed-shadow';
import type { SaveTestApi } from '../../save-page-entry';

const test = useTestPage('tests/autofill/save-page-entry.ts');

const RULES = 'minlength: 12; maxlength: 16; required: lower; required: upper; required: digit; required: [-_];';
const GENERATED = 'Abc-123-xyz-Q';

const SIGNUP = `
  <form onsubmit="event.preventDefault()" style="margin:40px">
    <label>Email <input id="email" type="email" autocomplete="username"></label><br>
    <label>Password <input id="pw" type="password" autocomplete="new-password" passwordrules="${RULES}" style="width:260px;height:32px"></label><br>
    <label>Confirm password <input id="pw2" type="password" autocomplete="new-password" style="width:260px;height:32px"></label><br>
    <button type="submit">Create account</button>
  </form>
  <form onsubmit="event.preventDefault()" style="margin:40px">
    <label>Username <input id="login-user" autocomplete="username"></label>
    <label>Password <input id="login-pw" type="password" autocomplete="current-password"></label>
    <button type="submit">Sign in</button>
  </form>`;

/** Loads the page, counts the input events a framework would see, and starts the generator. */
async function start(): Promise<void> {
  await test.load(SIGNUP);
  await test.page.evaluate((password) => {
    const api = (window as unknown as { saveTest: SaveTestApi }).saveTest;
    api.replies.generatorSuggest = [{ ok: true, password }];
    const seen: Record<string, number> = {};
    (window as unknown as { inputEvents: Record<string, number> }).inputEvents = seen;
    document.addEventListener('input', (event) => {
      const id = (event.target as HTMLElement).id;
      seen[id] = (seen[id] ?? 0) + 1;
    });
    api.startGenerator();
  }, GENERATED);
}

function values(): Promise<Record<string, string>> {
  return test.page.evaluate(() =>
    Object.fromEntries([...document.querySelectorAll('input')].map((input) => [input.id, input.value])),
  );
}

/** Whether `sent()` has reached `count` messages. */
const sentCount = (count: number) => async () => (await sent()).length >= count;

function sent(): Promise<SaveTestApi['sent']> {
  return test.page.evaluate(() => (window as unknown as { saveTest: SaveTestApi }).saveTest.sent);
}

describe('generator button (Chromium)', () => {
  it('appears inside the focused new-password field, at its right edge', async () => {
    await start();
    expect(await readOurUi(test.page)).toEqual([]);
    await test.page.click('#pw');
    const [ui] = await readOurUi(test.page);
    expect(ui?.buttons).toHaveLength(1);
    expect(ui!.buttons[0]!.label).toBe('Fill a strong generated password');
    const field = (await test.page.locator('#pw').boundingBox())!;
    const { x, y } = ui!.buttons[0]!;
    expect(x).toBeGreaterThan(field.x + field.width / 2);
    expect(x).toBeLessThan(field.x + field.width);
    expect(y).toBeGreaterThan(field.y);
    expect(y).toBeLessThan(field.y + field.height);
  });

  it('a click asks with the field’s passwordrules and fills new and confirm password (input events fired); the button closes', async () => {
    await start();
    await test.page.click('#pw');
    await pressOurButton(test.page, 'generate', sentCount(1));
    await expect.poll(values).toMatchObject({ pw: GENERATED, pw2: GENERATED, email: '' });
    expect(await sent()).toEqual([{ type: 'generatorSuggest', payload: { rules: RULES } }]);
    const seen = await test.page.evaluate(() => (window as unknown as { inputEvents: Record<string, number> }).inputEvents);
    expect(seen.pw).toBeGreaterThanOrEqual(1);
    expect(seen.pw2).toBeGreaterThanOrEqual(1);
    await expect.poll(() => readOurUi(test.page)).toEqual([]);
    // The field kept the focus: the user can go on typing or submit.
    expect(await test.page.evaluate(() => document.activeElement?.id)).toBe('pw');
  });

  it('the confirm field gets the button too, with the new-password field’s rules', async () => {
    await start();
    await test.page.click('#pw2');
    await pressOurButton(test.page, 'generate', sentCount(1));
    await expect.poll(values).toMatchObject({ pw: GENERATED, pw2: GENERATED });
    expect(await sent()).toEqual([{ type: 'generatorSuggest', payload: { rules: RULES } }]);
  });

  it('a field without a passwordrules attribute asks with rules: null (the background then uses the quirks)', async () => {
    await start();
    await test.page.evaluate(() => document.getElementById('pw')!.removeAttribute('passwordrules'));
    await test.page.click('#pw');
    await pressOurButton(test.page, 'generate', sentCount(1));
    await expect.poll(sent).toEqual([{ type: 'generatorSuggest', payload: { rules: null } }]);
  });

  it('not offered in a login form’s password field or a username field', async () => {
    await start();
    await test.page.click('#login-pw');
    await test.page.click('#email');
    expect(await readOurUi(test.page)).toEqual([]);
  });

  it('closes when the field loses the focus', async () => {
    await start();
    await test.page.click('#pw');
    expect(await readOurUi(test.page)).toHaveLength(1);
    await test.page.click('#email');
    expect(await readOurUi(test.page)).toEqual([]);
  });

  it('a scripted click on our host fills nothing; a failed request fills nothing and keeps the button', async () => {
    await start();
    await test.page.click('#pw');
    await test.page.evaluate(() => ([...document.querySelectorAll('*')].find((el) => el.tagName.startsWith('SEALPASS-')) as HTMLElement).click());
    expect(await sent()).toEqual([]);
    await test.page.evaluate(() => {
      (window as unknown as { saveTest: SaveTestApi }).saveTest.replies.generatorSuggest = [{ ok: false, error: { code: 'internal', message: 'x' } }];
    });
    await pressOurButton(test.page, 'generate', sentCount(1));
    expect(await values()).toMatchObject({ pw: '', pw2: '' });
    expect(await readOurUi(test.page)).toHaveLength(1);
  });

  it('T14: opacity on html while the button shows → it closes, and a click there fills nothing', async () => {
    await start();
    await test.page.click('#pw');
    const [ui] = await readOurUi(test.page);
    const { x, y } = ui!.buttons[0]!;
    await test.page.evaluate(() => {
      document.documentElement.style.opacity = '0.2';
    });
    await expect.poll(() => readOurUi(test.page)).toEqual([]);
    await test.page.mouse.click(x, y);
    expect(await sent()).toEqual([]);
    expect(await values()).toMatchObject({ pw: '', pw2: '' });
  });
});

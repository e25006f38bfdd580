/**
 * The generator menu in headless Chromium: shown under a focused new-password field only, with the suggested
 * password, the rules it follows and Regenerate; a real click on the password (or Fill) fills the new and confirm
 * fields so that a framework listening to input events sees it and keeps it in the history; earlier passwords of
 * the origin are filled from the history on a click; scripted clicks and a hidden menu do nothing (T14).
 */
import { describe, expect, it } from 'vitest';
import { useTestPage } from '../../chromium-page';
import { pressOurButton, readOurUi } from '../../closed-shadow';
import type { SaveTestApi } from '../../save-page-entry';

const test = useTestPage('tests/autofill/save-page-entry.ts');

const RULES = 'minlength: 12; maxlength: 16; required: lower; required: upper; required: digit; required: [-_];';
const GENERATED = 'Abc-123-xyz-Q';
const AGAIN = 'Def-456-uvw-R';
const DESCRIPTION = '13 characters: a–z, A–Z, 0–9 and -_. This page’s password rules.';
const suggestion = (password: string, history: { id: string; at: number }[] = []) => ({ ok: true, password, description: DESCRIPTION, history });

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

/** Loads the page, queues the background's replies, counts the input events a framework would see, and starts the generator. */
async function start(replies: Record<string, unknown[]> = { generatorSuggest: [suggestion(GENERATED), suggestion(AGAIN)] }): Promise<void> {
  await test.load(SIGNUP);
  await test.page.evaluate((queued) => {
    const api = (window as unknown as { saveTest: SaveTestApi }).saveTest;
    Object.assign(api.replies, queued);
    const seen: Record<string, number> = {};
    (window as unknown as { inputEvents: Record<string, number> }).inputEvents = seen;
    document.addEventListener('input', (event) => {
      const id = (event.target as HTMLElement).id;
      seen[id] = (seen[id] ?? 0) + 1;
    });
    api.startGenerator();
  }, replies);
}

function values(): Promise<Record<string, string>> {
  return test.page.evaluate(() => Object.fromEntries([...document.querySelectorAll('input')].map((input) => [input.id, input.value])));
}

function sent(): Promise<SaveTestApi['sent']> {
  return test.page.evaluate(() => (window as unknown as { saveTest: SaveTestApi }).saveTest.sent);
}

/** Whether `sent()` has reached `count` messages. */
const sentCount = (count: number) => async () => (await sent()).length >= count;

const menuText = async () => (await readOurUi(test.page)).map((ui) => ui.text).join(' ');

describe('generator menu (Chromium)', () => {
  it('opens under the focused new-password field with the suggested password, its rules and Regenerate; nothing is filled yet', async () => {
    await start();
    expect(await readOurUi(test.page)).toEqual([]);
    await test.page.click('#pw');
    await expect.poll(menuText).toContain(GENERATED);
    expect(await menuText()).toContain(DESCRIPTION);
    const [ui] = await readOurUi(test.page);
    expect(ui!.buttons.map((b) => b.act)).toEqual(['fill', 'fill', 'regenerate']);
    expect(ui!.buttons[0]!.label).toBe('Fill the suggested password');
    const field = (await test.page.locator('#pw').boundingBox())!;
    expect(ui!.buttons[0]!.y).toBeGreaterThan(field.y + field.height);
    expect(await sent()).toEqual([{ type: 'generatorSuggest', payload: { rules: RULES } }]);
    expect(await values()).toMatchObject({ pw: '', pw2: '' });
  });

  it('a click on the password fills new and confirm password (input events fired), keeps it in the history, and closes; the field keeps the focus', async () => {
    await start();
    await test.page.click('#pw');
    await expect.poll(menuText).toContain(GENERATED);
    await pressOurButton(test.page, GENERATED, async () => (await values()).pw === GENERATED);
    expect(await values()).toMatchObject({ pw: GENERATED, pw2: GENERATED, email: '' });
    expect((await sent()).slice(1)).toEqual([{ type: 'generatorUsed', payload: { password: GENERATED } }]);
    const seen = await test.page.evaluate(() => (window as unknown as { inputEvents: Record<string, number> }).inputEvents);
    expect(seen.pw).toBeGreaterThanOrEqual(1);
    expect(seen.pw2).toBeGreaterThanOrEqual(1);
    await expect.poll(() => readOurUi(test.page)).toEqual([]);
    expect(await test.page.evaluate(() => document.activeElement?.id)).toBe('pw');
  });

  it('Regenerate asks again and shows the new password; Fill fills that one', async () => {
    await start();
    await test.page.click('#pw');
    await expect.poll(menuText).toContain(GENERATED);
    await pressOurButton(test.page, 'regenerate', async () => (await menuText()).includes(AGAIN));
    expect(await menuText()).not.toContain(GENERATED);
    await pressOurButton(test.page, 'Fill', async () => (await values()).pw === AGAIN);
    expect(await values()).toMatchObject({ pw: AGAIN, pw2: AGAIN });
  });

  it('the confirm field gets the menu too, with the new-password field’s rules; a field without rules asks with null', async () => {
    await start();
    await test.page.click('#pw2');
    await expect.poll(sent).toEqual([{ type: 'generatorSuggest', payload: { rules: RULES } }]);
    await start();
    await test.page.evaluate(() => document.getElementById('pw')!.removeAttribute('passwordrules'));
    await test.page.click('#pw');
    await expect.poll(sent).toEqual([{ type: 'generatorSuggest', payload: { rules: null } }]);
  });

  it('passwords generated here before are listed by when, and a click fills one from the background', async () => {
    const id = 'cd'.repeat(16);
    await start({ generatorSuggest: [suggestion(GENERATED, [{ id, at: Date.now() - 5 * 60_000 }])], generatorHistoryFill: [{ ok: true, password: 'Earlier-pw-9' }] });
    await test.page.click('#pw');
    await expect.poll(menuText).toContain('Generated here before');
    expect(await menuText()).toContain('Fill the password generated 5 minutes ago');
    expect(await menuText()).not.toContain('Earlier-pw-9');
    await pressOurButton(test.page, 'history', async () => (await values()).pw === 'Earlier-pw-9');
    expect(await values()).toMatchObject({ pw: 'Earlier-pw-9', pw2: 'Earlier-pw-9' });
    expect((await sent()).slice(1)).toEqual([{ type: 'generatorHistoryFill', payload: { id } }]);
  });

  it('from the keyboard, the field keeping the focus: ArrowDown chooses the password, Enter fills it; Enter with nothing chosen is the page’s', async () => {
    await start();
    await test.page.evaluate(() => {
      (window as unknown as { submits: number }).submits = 0;
      document.querySelector('form')!.addEventListener('submit', () => (window as unknown as { submits: number }).submits++);
    });
    await test.page.click('#pw');
    await expect.poll(menuText).toContain(GENERATED);
    await test.page.keyboard.press('Enter');
    expect(await test.page.evaluate(() => (window as unknown as { submits: number }).submits)).toBe(1);
    expect(await values()).toMatchObject({ pw: '' });
    await test.page.keyboard.press('ArrowDown');
    await expect.poll(async () => {
      await test.page.keyboard.press('Enter');
      return (await values()).pw;
    }).toBe(GENERATED);
    expect(await values()).toMatchObject({ pw2: GENERATED });
    expect(await test.page.evaluate(() => document.activeElement?.id)).toBe('pw');
  });

  it('not offered in a login form’s password field or a username field', async () => {
    await start();
    await test.page.click('#login-pw');
    await test.page.click('#email');
    expect(await readOurUi(test.page)).toEqual([]);
  });

  it('closes when the field loses the focus, and on Escape', async () => {
    await start();
    await test.page.click('#pw');
    await expect.poll(async () => (await readOurUi(test.page)).length).toBe(1);
    await test.page.click('#email');
    expect(await readOurUi(test.page)).toEqual([]);
    await test.page.click('#pw');
    await expect.poll(async () => (await readOurUi(test.page)).length).toBe(1);
    await test.page.keyboard.press('Escape');
    expect(await readOurUi(test.page)).toEqual([]);
  });

  it('a scripted click on our host fills nothing; a failed request fills nothing and offers Regenerate', async () => {
    await start({ generatorSuggest: [{ ok: false, error: { code: 'internal', message: 'x' } }, suggestion(GENERATED)] });
    await test.page.click('#pw');
    await expect.poll(menuText).toContain('could not suggest');
    await test.page.evaluate(() => ([...document.querySelectorAll('*')].find((el) => el.tagName.startsWith('SEALPASS-')) as HTMLElement).click());
    expect(await sent()).toHaveLength(1);
    expect(await values()).toMatchObject({ pw: '', pw2: '' });
    await pressOurButton(test.page, 'regenerate', sentCount(2));
    await expect.poll(menuText).toContain(GENERATED);
  });

  it('T14: opacity on html while the menu shows → it closes, and a click there fills nothing', async () => {
    await start();
    await test.page.click('#pw');
    await expect.poll(menuText).toContain(GENERATED);
    const [ui] = await readOurUi(test.page);
    const { x, y } = ui!.buttons[0]!;
    await test.page.evaluate(() => {
      document.documentElement.style.opacity = '0.2';
    });
    await expect.poll(() => readOurUi(test.page)).toEqual([]);
    await test.page.mouse.click(x, y);
    expect(await sent()).toHaveLength(1);
    expect(await values()).toMatchObject({ pw: '', pw2: '' });
  });
});

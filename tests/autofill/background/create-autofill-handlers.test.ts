/**
 * The autofill handlers through dispatchMessage with an in-memory platform: matches from the sender's frame
 * (never the message), credentials only after a grant or a menu pick and only for the frame's own origin,
 * cross-origin frames only with a confirmation naming them, multi-step memory, the popup's Fill, the
 * shortcut and context menu, never-show list (sealed) and the audit event (S3, S7, T16, T17, T20).
 */
import { describe, expect, it } from 'vitest';
import type { FillRequest } from '../../../lib/autofill/fill-request';
import { dispatchMessage } from '../../../lib/protocol/dispatch-message';
import { generateTotp } from '../../../lib/totp/generate-totp';
import { parseTotpSecret } from '../../../lib/totp/parse-totp-secret';
import { matchesClipboardTag } from '../../../lib/vault/model/clipboard-tag';
import { createHandlers } from '../../../lib/vault-service/create-handlers';
import { closeVault } from '../../../lib/vault/keys/unlocked-vault';
import { loginInput, noteInput, syntheticVault } from '../../vault/fixtures';
import { MemoryKeyStore, MemorySettings, ok, startService, type MessageSender, type Service } from '../../vault-service/fakes';
import { MemoryAutofillPlatform } from '../../vault-service/memory-autofill-platform';

const TOTP_SECRET = 'JBSWY3DPEHPK3PXP';
const PAGE = 'https://accounts.example.com/login';

/** An unlocked service (no derivation) with one tab showing PAGE. */
async function unlockedService(): Promise<Service> {
  const { db, vault } = await syntheticVault();
  const keyStore = MemoryKeyStore.holding(vault);
  closeVault(vault);
  const autofill = new MemoryAutofillPlatform();
  autofill.tabs.set(7, PAGE);
  autofill.active = 7;
  return startService(db, { keyStore, settings: new MemorySettings(), autofill });
}

const frame = (url = PAGE, frameId = 0, tabId = 7): MessageSender => ({ kind: 'content-script', tabId, frameId, url });
const errorCode = (result: { ok: boolean; error?: { code: string } }) => (result.ok ? 'ok' : result.error?.code);

async function addLogin(service: Service, overrides: Parameters<typeof loginInput>[0] = {}): Promise<string> {
  return ok(await service.send('itemCreate', { item: loginInput({ urls: [PAGE], ...overrides }) })).id;
}

describe('autofillQuery', () => {
  it('lists the logins of the sender frame\'s origin: id, title, username and nothing else (S3)', async () => {
    const service = await unlockedService();
    const id = await addLogin(service, { title: 'Work', username: 'ann' });
    await addLogin(service, { title: 'Elsewhere', urls: ['https://other.example.com'] });
    const reply = ok(await service.sendFrom(frame(), 'autofillQuery', {}));
    expect(reply).toEqual({ ok: true, state: 'unlocked', inlineMenu: true, logins: [{ id, title: 'Work', username: 'ann' }], rememberedId: null, frameOrigin: 'https://accounts.example.com', crossOrigin: false });
    expect(JSON.stringify(reply)).not.toContain('hunter2');
  });

  it('locked: nothing listed, no menu; and asking does not re-arm auto-lock', async () => {
    const service = await unlockedService();
    await addLogin(service);
    ok(await service.send('vaultLock', {}));
    const calls = service.deps.timers.calls.length;
    expect(ok(await service.sendFrom(frame(), 'autofillQuery', {}))).toMatchObject({ state: 'locked', inlineMenu: false, logins: [] });
    expect(service.deps.timers.calls.slice(calls)).not.toContainEqual(expect.objectContaining({ clipboard: expect.anything() }));
  });

  it('extension pages may not ask, and a content script may not use the popup\'s messages (sender rules)', async () => {
    const service = await unlockedService();
    expect(errorCode(await service.send('autofillQuery', {}))).toBe('forbidden');
    expect(errorCode(await service.sendFrom(frame(), 'autofillFillTab', { id: 'x' }))).toBe('forbidden');
    expect(errorCode(await service.sendFrom(frame(), 'autofillCommand', { source: 'shortcut' }))).toBe('forbidden');
    expect(errorCode(await service.send('autofillCommand', { source: 'shortcut' }))).toBe('forbidden');
  });

  it('a frame without a web origin or a tab is refused', async () => {
    const service = await unlockedService();
    for (const sender of [frame('about:blank'), frame('data:text/html,x'), { kind: 'content-script' as const, frameId: 0, url: PAGE }]) {
      expect(errorCode(await service.sendFrom(sender, 'autofillQuery', {}))).toBe('forbidden');
    }
  });

  it('T17: an https login is not listed on the http page of the same host', async () => {
    const service = await unlockedService();
    await addLogin(service);
    expect(ok(await service.sendFrom(frame('http://accounts.example.com/login'), 'autofillQuery', {})).logins).toEqual([]);
  });

  it('a frame of another origin than its tab is flagged cross-origin; a same-origin frame is not', async () => {
    const service = await unlockedService();
    expect(ok(await service.sendFrom(frame('https://widget.test/x', 3), 'autofillQuery', {}))).toMatchObject({ crossOrigin: true, frameOrigin: 'https://widget.test' });
    expect(ok(await service.sendFrom(frame('https://accounts.example.com/frame', 3), 'autofillQuery', {})).crossOrigin).toBe(false);
  });
});

describe('autofillFill', () => {
  it('a menu pick releases only the fields asked for, records item-filled, and re-arms auto-lock', async () => {
    const service = await unlockedService();
    const id = await addLogin(service, { title: 'Work', username: 'ann', password: 'pw-1' });
    const before = service.deps.timers.calls.length;
    expect(ok(await service.sendFrom(frame(), 'autofillFill', { id, fields: ['username'] }))).toEqual({ ok: true, username: 'ann' });
    expect(ok(await service.sendFrom(frame(), 'autofillFill', { id, fields: ['username', 'password'] }))).toEqual({ ok: true, username: 'ann', password: 'pw-1' });
    expect(service.deps.timers.calls.length).toBeGreaterThan(before);
    const { events } = ok(await service.send('auditList', {}));
    expect(events.filter((e) => e.type === 'item-filled').map((e) => [e.itemId, e.itemTitle])).toEqual([[id, 'Work'], [id, 'Work']]);
  });

  it('S3/T20: a login of another origin is refused, whatever id the content script names', async () => {
    const service = await unlockedService();
    const other = await addLogin(service, { urls: ['https://other.example.com'] });
    const note = ok(await service.send('itemCreate', { item: noteInput() })).id;
    for (const id of [other, note, 'no-such-id']) {
      expect(errorCode(await service.sendFrom(frame(), 'autofillFill', { id, fields: ['password'] }))).toBe('forbidden');
    }
    expect(ok(await service.send('auditList', {})).events.some((e) => e.type === 'item-filled')).toBe(false);
  });

  it('locked → locked, nothing released', async () => {
    const service = await unlockedService();
    const id = await addLogin(service);
    ok(await service.send('vaultLock', {}));
    expect(errorCode(await service.sendFrom(frame(), 'autofillFill', { id, fields: ['password'] }))).toBe('locked');
  });

  it('cross-origin frame: refused without a confirmation, or with one naming another origin; filled with its own', async () => {
    const service = await unlockedService();
    const id = await addLogin(service, { urls: ['https://widget.test'] });
    const widget = frame('https://widget.test/login', 4);
    expect(errorCode(await service.sendFrom(widget, 'autofillFill', { id, fields: ['password'] }))).toBe('forbidden');
    expect(errorCode(await service.sendFrom(widget, 'autofillFill', { id, fields: ['password'], confirmedOrigin: 'https://accounts.example.com' }))).toBe('forbidden');
    expect(ok(await service.sendFrom(widget, 'autofillFill', { id, fields: ['password'], confirmedOrigin: 'https://widget.test' })).password).toBe('hunter2-hunter2');
  });

  it('TOTP: the current code when asked for and the login has a secret; none otherwise', async () => {
    const service = await unlockedService();
    const withCode = await addLogin(service, { title: 'A', totp: TOTP_SECRET });
    const without = await addLogin(service, { title: 'B' });
    expect(ok(await service.sendFrom(frame(), 'autofillFill', { id: withCode, fields: ['totp'] })).totp).toMatch(/^\d{6}$/);
    expect(ok(await service.sendFrom(frame(), 'autofillFill', { id: without, fields: ['password', 'totp'] }))).toEqual({ ok: true, password: 'hunter2-hunter2' });
  });

  it('multi-step: the login filled on the username page comes first on the next page of the site, in that tab only', async () => {
    const service = await unlockedService();
    await addLogin(service, { title: 'A first', username: 'a' });
    const picked = await addLogin(service, { title: 'B second', username: 'b' });
    const titles = async (sender: MessageSender) => ok(await service.sendFrom(sender, 'autofillQuery', {})).logins.map((l) => l.title);
    expect(await titles(frame())).toEqual(['A first', 'B second']);
    ok(await service.sendFrom(frame(), 'autofillFill', { id: picked, fields: ['username'] }));
    expect(await titles(frame('https://accounts.example.com/password'))).toEqual(['B second', 'A first']);
    expect(ok(await service.sendFrom(frame('https://accounts.example.com/password'), 'autofillQuery', {})).rememberedId).toBe(picked);
    expect(await titles(frame(PAGE, 0, 8))).toEqual(['A first', 'B second']);
    expect(service.deps.autofill.memory.get(7)).toEqual({ site: 'example.com', id: picked });
  });
});

describe('grants: shortcut, context menu, popup', () => {
  /** Plays the content script: on a request, asks for the credential with the grant it was given. */
  function contentScriptAnswers(service: Service, sender: MessageSender, id: string) {
    const replies: unknown[] = [];
    service.deps.autofill.answerFill = async (_tab, request: FillRequest) => {
      replies.push(await service.sendFrom(sender, 'autofillFill', { id: request.id ?? id, fields: ['password'], grant: request.grant }));
      return 'filled';
    };
    return replies;
  }

  it('popup Fill: a grant bound to the tab, top frame and login; the content script gets the password once', async () => {
    const service = await unlockedService();
    const id = await addLogin(service);
    const replies = contentScriptAnswers(service, frame(), id);
    expect(ok(await service.send('autofillFillTab', { id })).outcome).toBe('filled');
    expect(replies).toEqual([{ ok: true, password: 'hunter2-hunter2' }]);
    const [sent] = service.deps.autofill.sent;
    expect(sent).toMatchObject({ tabId: 7, frameId: 0, request: { kind: 'sealpass-fill', id, source: 'popup', requireFocus: false } });
    // A second use of the same grant is refused.
    expect(errorCode(await service.sendFrom(frame(), 'autofillFill', { id, fields: ['password'], grant: sent!.request.grant }))).toBe('forbidden');
  });

  it('a grant does not work for another tab, frame or login, nor after 10 s', async () => {
    const service = await unlockedService();
    const id = await addLogin(service);
    const other = await addLogin(service, { title: 'other' });
    const grants: string[] = [];
    service.deps.autofill.answerFill = async (_tab, request) => {
      grants.push(request.grant);
      return 'filled';
    };
    for (let i = 0; i < 4; i++) ok(await service.send('autofillFillTab', { id }));
    const [a, b, c, d] = grants;
    expect(errorCode(await service.sendFrom(frame(PAGE, 0, 8), 'autofillFill', { id, fields: ['password'], grant: a! }))).toBe('forbidden');
    expect(errorCode(await service.sendFrom(frame(PAGE, 2), 'autofillFill', { id, fields: ['password'], grant: b! }))).toBe('forbidden');
    expect(errorCode(await service.sendFrom(frame(), 'autofillFill', { id: other, fields: ['password'], grant: c! }))).toBe('forbidden');
    service.clock.now += 10_000;
    expect(errorCode(await service.sendFrom(frame(), 'autofillFill', { id, fields: ['password'], grant: d! }))).toBe('forbidden');
  });

  it('popup Fill refuses a login that is not for the tab\'s page, and a tab that is not a web page', async () => {
    const service = await unlockedService();
    const other = await addLogin(service, { urls: ['https://other.test'] });
    expect(errorCode(await service.send('autofillFillTab', { id: other }))).toBe('forbidden');
    service.deps.autofill.tabs.set(7, 'chrome://settings');
    expect(errorCode(await service.send('autofillFillTab', { id: other }))).toBe('not-found');
    expect(service.deps.autofill.sent).toEqual([]);
  });

  it('popup Fill goes to the same-origin frame where a login field was focused last, else the top frame', async () => {
    const service = await unlockedService();
    const id = await addLogin(service);
    ok(await service.sendFrom(frame('https://accounts.example.com/inner', 5), 'autofillQuery', {}));
    ok(await service.send('autofillFillTab', { id }));
    ok(await service.sendFrom(frame('https://ads.test/', 6), 'autofillQuery', {}));
    ok(await service.send('autofillFillTab', { id }));
    expect(service.deps.autofill.sent.map((s) => s.frameId)).toEqual([5, 0]);
  });

  it('popup lists the active tab\'s logins; no web page → origin null', async () => {
    const service = await unlockedService();
    const id = await addLogin(service, { title: 'Work', username: 'ann' });
    expect(ok(await service.send('autofillTabLogins', {}))).toEqual({ ok: true, origin: 'https://accounts.example.com', logins: [{ id, title: 'Work', username: 'ann' }] });
    service.deps.autofill.active = null;
    expect(ok(await service.send('autofillTabLogins', {}))).toEqual({ ok: true, origin: null, logins: [] });
  });

  it('popup Add item: the active tab\'s origin and path and its title, never its query or fragment; no web page → null (issue 17 item 5)', async () => {
    const service = await unlockedService();
    service.deps.autofill.tabs.set(7, 'https://accounts.example.com/signin?session=s3cr3t-token#step2');
    service.deps.autofill.titles.set(7, '  Sign in  to\n Example  ');
    const reply = ok(await service.send('autofillTabPage', {}));
    expect(reply).toEqual({ ok: true, page: { url: 'https://accounts.example.com/signin', title: 'Sign in to Example' } });
    expect(JSON.stringify(reply)).not.toContain('s3cr3t');
    service.deps.autofill.titles.delete(7);
    expect(ok(await service.send('autofillTabPage', {})).page).toEqual({ url: 'https://accounts.example.com/signin', title: 'accounts.example.com' });
    service.deps.autofill.tabs.set(7, 'chrome://settings/passwords');
    expect(ok(await service.send('autofillTabPage', {})).page).toBeNull();
    service.deps.autofill.active = null;
    expect(ok(await service.send('autofillTabPage', {})).page).toBeNull();
    ok(await service.send('vaultLock', {}));
    expect(errorCode(await service.send('autofillTabPage', {}))).toBe('locked');
    expect(errorCode(await service.sendFrom(frame(), 'autofillTabPage', {}))).toBe('forbidden');
  });

  it('shortcut: every frame is asked, only the focused one acts; context menu: only the clicked frame; a grant has no login bound', async () => {
    const service = await unlockedService();
    const id = await addLogin(service);
    // dispatchMessage refuses autofillCommand from every sender; the background calls the handler directly.
    const { handlers } = createHandlers(service.deps);
    const replies: unknown[] = [];
    service.deps.autofill.answerFill = async (_tab, request) => {
      replies.push(await dispatchMessage(handlers, { type: 'autofillFill', payload: { id, fields: ['password'], grant: request.grant } }, frame(PAGE, 2)));
      return 'filled';
    };
    expect(await handlers.autofillCommand({ source: 'shortcut' }, { kind: 'extension-page', tabId: 7 })).toEqual({ outcome: 'filled' });
    expect(await handlers.autofillCommand({ source: 'context-menu', frameId: 2 }, { kind: 'extension-page', tabId: 7 })).toEqual({ outcome: 'filled' });
    expect(service.deps.autofill.sent.map((s) => [s.frameId, s.request.source, s.request.requireFocus, s.request.id])).toEqual([
      [null, 'shortcut', true, null],
      [2, 'context-menu', false, null],
    ]);
    expect(replies).toEqual([{ ok: true, password: 'hunter2-hunter2' }, { ok: true, password: 'hunter2-hunter2' }]);
  });

  it('shortcut while locked: nothing is sent', async () => {
    const service = await unlockedService();
    ok(await service.send('vaultLock', {}));
    const { handlers } = createHandlers(service.deps);
    expect(await handlers.autofillCommand({ source: 'shortcut' }, { kind: 'extension-page', tabId: 7 })).toEqual({ outcome: 'failed' });
    expect(service.deps.autofill.sent).toEqual([]);
  });
});

describe('inline menu settings', () => {
  it('never show here: stored sealed (no origin in clear), hides the menu on that origin only, removable', async () => {
    const service = await unlockedService();
    ok(await service.sendFrom(frame(), 'autofillNeverHere', {}));
    expect(ok(await service.sendFrom(frame(), 'autofillQuery', {})).inlineMenu).toBe(false);
    expect(ok(await service.sendFrom(frame('https://other.example.com/'), 'autofillQuery', {})).inlineMenu).toBe(true);
    expect(JSON.stringify(service.deps.autofill.storedPrefs, (_k, v: unknown) => (v instanceof Uint8Array ? Buffer.from(v).toString('latin1') : v))).not.toContain('example');
    expect(ok(await service.send('autofillSettingsGet', {}))).toEqual({ ok: true, inlineMenu: true, neverShow: ['https://accounts.example.com'] });
    ok(await service.send('autofillNeverShowRemove', { origin: 'https://accounts.example.com' }));
    expect(ok(await service.sendFrom(frame(), 'autofillQuery', {})).inlineMenu).toBe(true);
    expect(service.deps.autofill.storedPrefs.neverShow).toBeNull();
  });

  it('the global switch turns the menu off everywhere; while locked the switch is readable, the list is not', async () => {
    const service = await unlockedService();
    ok(await service.send('autofillSettingsSet', { inlineMenu: false }));
    expect(ok(await service.sendFrom(frame(), 'autofillQuery', {})).inlineMenu).toBe(false);
    ok(await service.send('vaultLock', {}));
    expect(ok(await service.send('autofillSettingsGet', {}))).toEqual({ ok: true, inlineMenu: false, neverShow: null });
    expect(errorCode(await service.send('autofillNeverShowRemove', { origin: 'https://a.test' }))).toBe('locked');
  });

  it('S8: a tampered never-show list reads as empty, nothing else breaks', async () => {
    const service = await unlockedService();
    ok(await service.sendFrom(frame(), 'autofillNeverHere', {}));
    service.deps.autofill.storedPrefs.neverShow!.ct[0]! ^= 1;
    expect(ok(await service.send('autofillSettingsGet', {})).neverShow).toEqual([]);
    expect(ok(await service.sendFrom(frame(), 'autofillQuery', {})).inlineMenu).toBe(true);
  });
});

describe('autofillCopyTotp', () => {
  it('has the frame\'s prompts script copy the code, records totp-copied and schedules the clipboard clearing; refused for a login of another site', async () => {
    const service = await unlockedService();
    const id = await addLogin(service, { title: 'Work', totp: TOTP_SECRET });
    const other = await addLogin(service, { urls: ['https://other.test'] });
    expect(ok(await service.sendFrom(frame(), 'autofillCopyTotp', { id }))).toEqual({ ok: true, copied: true });
    const code = generateTotp(parseTotpSecret(TOTP_SECRET), service.clock.now).code;
    expect(service.deps.autofill.prompts.at(-1)).toMatchObject({ request: { kind: 'sealpass-prompt', prompt: 'copy', text: code } });
    expect(service.deps.timers.calls.at(-1)).toEqual({ clipboard: 30 });
    // The clearing waits for exactly the code that was copied.
    const tags = service.deps.timers.clipboardTags.at(-1) ?? [];
    expect(await matchesClipboardTag(code, tags)).toBe(true);
    expect(await matchesClipboardTag('000000x', tags)).toBe(false);
    expect(ok(await service.send('auditList', {})).events.at(-1)).toMatchObject({ type: 'totp-copied', itemId: id });
    expect(errorCode(await service.sendFrom(frame(), 'autofillCopyTotp', { id: other }))).toBe('forbidden');
  });

  it('copies nothing, audits nothing and clears nothing for a login without a code, or when the frame cannot be scripted', async () => {
    const service = await unlockedService();
    const plain = await addLogin(service, { title: 'Plain' });
    const withCode = await addLogin(service, { title: 'Coded', totp: TOTP_SECRET });
    const prompts = service.deps.autofill.prompts.length;
    const calls = service.deps.timers.calls.length;
    expect(ok(await service.sendFrom(frame(), 'autofillCopyTotp', { id: plain }))).toEqual({ ok: true, copied: false });
    service.deps.autofill.canPrompt = () => false;
    expect(ok(await service.sendFrom(frame(), 'autofillCopyTotp', { id: withCode }))).toEqual({ ok: true, copied: false });
    expect(service.deps.autofill.prompts.slice(prompts).some((p) => p.request.prompt === 'copy')).toBe(false);
    expect(service.deps.timers.calls.slice(calls)).not.toContainEqual(expect.objectContaining({ clipboard: expect.anything() }));
    expect(ok(await service.send('auditList', {})).events.some((e) => e.type === 'totp-copied')).toBe(false);
  });
});

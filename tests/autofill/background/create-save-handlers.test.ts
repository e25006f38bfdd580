/**
 * The save flow's handlers through dispatchMessage, as a content script reaches them: save after sign-up,
 * update after change-password (history kept), nothing for identical credentials, locked → kept until
 * unlock, the pending offer across one navigation, expiry, "never for this site", sender checks, the bar shown
 * in the right frame (prompt requests), the name suggested from the page's title, the folder chosen, and Edit
 * (a one-time draft for the vault page's editor, never in its address).
 */
import { describe, expect, it } from 'vitest';
import type { Submission } from '../../../lib/autofill/autofill-save-messages';
import { PENDING_SAVE_TTL_MS } from '../../../lib/autofill/background/pending-saves';
import { closeVault } from '../../../lib/vault/keys/unlocked-vault';
import { loginInput, syntheticVault } from '../../vault/fixtures';
import { MemoryKeyStore, ok, startService, type MessageSender, type Service } from '../../vault-service/fakes';

const PAGE = 'https://shop.example.com/account/signup?step=2#top';
const TOP: MessageSender = { kind: 'content-script', tabId: 7, frameId: 0, url: PAGE };
const NEXT_PAGE: MessageSender = { ...TOP, url: 'https://shop.example.com/welcome' };

/** An unlocked service (no derivation) and a copy of its key, to "unlock" again after a lock. */
async function unlockedService(): Promise<{ service: Service; unlockAgain: () => void }> {
  const { db, vault } = await syntheticVault();
  const kept = { vaultId: vault.vaultId, vaultKey: new Uint8Array(vault.vaultKey) };
  const keyStore = MemoryKeyStore.holding(vault);
  closeVault(vault);
  const service = startService(db, { keyStore });
  // An unlock as the popup's would leave it: the key back in the key store, the session resuming from it.
  const unlockAgain = () => {
    keyStore.kept = { vaultId: kept.vaultId, vaultKey: new Uint8Array(kept.vaultKey) };
  };
  return { service, unlockAgain };
}

function submission(fields: Partial<Submission>): Submission {
  return { username: '', currentPassword: '', newPassword: '', confirmPassword: '', ...fields };
}

const SIGNUP = submission({ username: 'dana@example.com', newPassword: 'Fresh-pw-1!', confirmPassword: 'Fresh-pw-1!' });

const errorCode = (result: { ok: boolean; error?: { code: string } }) => (result.ok ? 'ok' : result.error?.code);

async function logins(service: Service) {
  const { items } = ok(await service.send('itemList', {}));
  return Promise.all(items.map(async (row) => ok(await service.send('itemGet', { id: row.id })).item));
}

describe('save after sign-up', () => {
  it('offers "save"; Save creates the login with username, password and the page URL without query; audited as item-created', async () => {
    const { service } = await unlockedService();
    const { offer } = ok(await service.sendFrom(TOP, 'saveSubmitted', { submission: SIGNUP }));
    expect(offer).toEqual({ id: expect.stringMatching(/^[0-9a-f]{32}$/), action: 'save', host: 'shop.example.com', username: 'dana@example.com', title: 'shop.example.com' });
    expect(ok(await service.sendFrom(TOP, 'saveAccept', { id: offer!.id })).outcome).toBe('created');
    const [item, ...rest] = await logins(service);
    expect(rest).toEqual([]);
    expect(item!.content).toMatchObject({
      type: 'login', title: 'shop.example.com', username: 'dana@example.com', password: 'Fresh-pw-1!', urls: ['https://shop.example.com/account/signup'], match: 'origin',
    });
    const { events } = ok(await service.send('auditList', {}));
    expect(events.map((e) => e.type)).toEqual(['item-created']);
    // Handled: the offer is gone.
    expect(errorCode(await service.sendFrom(TOP, 'saveAccept', { id: offer!.id }))).toBe('not-found');
  });

  it('the pending save survives the navigation that follows: the next page’s top frame gets the same offer, its iframes none', async () => {
    const { service } = await unlockedService();
    const { offer } = ok(await service.sendFrom(TOP, 'saveSubmitted', { submission: SIGNUP }));
    expect(ok(await service.sendFrom({ ...NEXT_PAGE, frameId: 3 }, 'savePending', {})).offer).toBeNull();
    expect(ok(await service.sendFrom(NEXT_PAGE, 'savePending', {})).offer).toEqual(offer);
    // Another tab has nothing pending.
    expect(ok(await service.sendFrom({ ...NEXT_PAGE, tabId: 8 }, 'savePending', {})).offer).toBeNull();
    // The navigation after that drops it.
    expect(ok(await service.sendFrom(NEXT_PAGE, 'savePending', {})).offer).toBeNull();
    expect(errorCode(await service.sendFrom(NEXT_PAGE, 'saveAccept', { id: offer!.id }))).toBe('not-found');
  });

  it(`expires ${PENDING_SAVE_TTL_MS / 60_000} minutes after the submit`, async () => {
    const { service } = await unlockedService();
    const { offer } = ok(await service.sendFrom(TOP, 'saveSubmitted', { submission: SIGNUP }));
    service.clock.now += PENDING_SAVE_TTL_MS;
    expect(ok(await service.sendFrom(NEXT_PAGE, 'savePending', {})).offer).toBeNull();
    expect(errorCode(await service.sendFrom(TOP, 'saveAccept', { id: offer!.id }))).toBe('not-found');
    expect(await logins(service)).toEqual([]);
  });

  it('a mismatched confirmation or a form without password offers nothing', async () => {
    const { service } = await unlockedService();
    const typo = submission({ username: 'dana', newPassword: 'a-pw', confirmPassword: 'a-pw!' });
    expect(ok(await service.sendFrom(TOP, 'saveSubmitted', { submission: typo })).offer).toBeNull();
    expect(ok(await service.sendFrom(TOP, 'saveSubmitted', { submission: submission({ username: 'dana' }) })).offer).toBeNull();
  });
});

describe('update after change-password', () => {
  it('offers "update"; Save updates the password and keeps the old one in the history; audited as item-edited', async () => {
    const { service } = await unlockedService();
    const { id } = ok(await service.send('itemCreate', { item: loginInput({ username: 'dana', password: 'Old-pw-1', urls: ['https://shop.example.com/login'] }) }));
    const change = submission({ currentPassword: 'Old-pw-1', newPassword: 'New-pw-2', confirmPassword: 'New-pw-2' });
    const { offer } = ok(await service.sendFrom(TOP, 'saveSubmitted', { submission: change }));
    expect(offer).toMatchObject({ action: 'update', host: 'shop.example.com', username: '' });
    expect(ok(await service.sendFrom(NEXT_PAGE, 'saveAccept', { id: offer!.id })).outcome).toBe('updated');
    const { item } = ok(await service.send('itemGet', { id }));
    expect(item.rev).toBe(2);
    expect(item.content).toMatchObject({ username: 'dana', password: 'New-pw-2', passwordHistory: [{ password: 'Old-pw-1', changedAt: service.clock.now }] });
    const { events } = ok(await service.send('auditList', {}));
    expect(events.map((e) => e.type)).toEqual(['item-created', 'item-edited']);
  });

  it('a sign-up form for a username already saved updates that login', async () => {
    const { service } = await unlockedService();
    const { id } = ok(await service.send('itemCreate', { item: loginInput({ username: 'dana@example.com', password: 'Old', urls: ['https://shop.example.com/'] }) }));
    const { offer } = ok(await service.sendFrom(TOP, 'saveSubmitted', { submission: SIGNUP }));
    expect(offer?.action).toBe('update');
    ok(await service.sendFrom(TOP, 'saveAccept', { id: offer!.id }));
    expect(ok(await service.send('itemGet', { id })).item.content).toMatchObject({ password: 'Fresh-pw-1!', passwordHistory: [{ password: 'Old' }] });
  });

  it('Save decides again at the click: saved meanwhile with the same password → unchanged, nothing written', async () => {
    const { service } = await unlockedService();
    const { offer } = ok(await service.sendFrom(TOP, 'saveSubmitted', { submission: SIGNUP }));
    ok(await service.send('itemCreate', { item: loginInput({ username: 'dana@example.com', password: 'Fresh-pw-1!', urls: ['https://shop.example.com/'] }) }));
    expect(ok(await service.sendFrom(TOP, 'saveAccept', { id: offer!.id })).outcome).toBe('unchanged');
    expect(await logins(service)).toHaveLength(1);
  });
});

describe('nothing to do', () => {
  it('credentials identical to a saved login → no offer, and nothing pending for the next page', async () => {
    const { service } = await unlockedService();
    ok(await service.send('itemCreate', { item: loginInput({ username: 'dana', password: 'Same-pw', urls: ['https://shop.example.com/login'] }) }));
    const login = submission({ username: 'Dana ', currentPassword: 'Same-pw' });
    expect(ok(await service.sendFrom(TOP, 'saveSubmitted', { submission: login })).offer).toBeNull();
    expect(ok(await service.sendFrom(NEXT_PAGE, 'savePending', {})).offer).toBeNull();
  });
});

describe('locked', () => {
  it('offers "locked" and keeps the pending save; Save is refused as locked until unlock, then saves', async () => {
    const { service, unlockAgain } = await unlockedService();
    ok(await service.send('vaultLock', {}));
    const { offer } = ok(await service.sendFrom(TOP, 'saveSubmitted', { submission: SIGNUP }));
    expect(offer).toMatchObject({ action: 'locked', host: 'shop.example.com', username: 'dana@example.com' });
    expect(ok(await service.sendFrom(NEXT_PAGE, 'savePending', {})).offer).toEqual(offer);
    expect(errorCode(await service.sendFrom(NEXT_PAGE, 'saveAccept', { id: offer!.id }))).toBe('locked');
    expect(errorCode(await service.sendFrom(NEXT_PAGE, 'saveDismiss', { id: offer!.id, never: true }))).toBe('locked');
    unlockAgain();
    expect(ok(await service.sendFrom(NEXT_PAGE, 'saveAccept', { id: offer!.id })).outcome).toBe('created');
    expect((await logins(service))[0]!.content).toMatchObject({ username: 'dana@example.com', password: 'Fresh-pw-1!' });
  });

  it('reporting a submit or asking for the offer does not re-arm auto-lock (a page can do both by itself); Save does', async () => {
    const { service } = await unlockedService();
    const { offer } = ok(await service.sendFrom(TOP, 'saveSubmitted', { submission: SIGNUP }));
    ok(await service.sendFrom(NEXT_PAGE, 'savePending', {}));
    expect(service.deps.timers.calls).toEqual([]);
    ok(await service.sendFrom(NEXT_PAGE, 'saveAccept', { id: offer!.id }));
    expect(service.deps.timers.calls).toEqual([{ arm: 15 }]);
  });
});

describe('dismiss and never', () => {
  it('Not now drops the offer; nothing is saved', async () => {
    const { service } = await unlockedService();
    const { offer } = ok(await service.sendFrom(TOP, 'saveSubmitted', { submission: SIGNUP }));
    ok(await service.sendFrom(TOP, 'saveDismiss', { id: offer!.id, never: false }));
    expect(ok(await service.sendFrom(NEXT_PAGE, 'savePending', {})).offer).toBeNull();
    expect(await logins(service)).toEqual([]);
  });

  it('S1: Never stores an opaque tag, not the site; that origin gets no offer again, another origin still does', async () => {
    const { service } = await unlockedService();
    const { offer } = ok(await service.sendFrom(TOP, 'saveSubmitted', { submission: SIGNUP }));
    ok(await service.sendFrom(TOP, 'saveDismiss', { id: offer!.id, never: true }));
    const tags = [...service.deps.neverSave.tags];
    expect(tags).toEqual([expect.stringMatching(/^[0-9a-f]{64}$/)]);
    expect(tags.join()).not.toContain('example');
    expect(ok(await service.sendFrom(TOP, 'saveSubmitted', { submission: SIGNUP })).offer).toBeNull();
    const other = { ...TOP, url: 'https://www.example.com/join' };
    expect(ok(await service.sendFrom(other, 'saveSubmitted', { submission: SIGNUP })).offer?.action).toBe('save');
  });

  it('Never for an expired offer → not-found, nothing stored', async () => {
    const { service } = await unlockedService();
    expect(errorCode(await service.sendFrom(TOP, 'saveDismiss', { id: 'a'.repeat(32), never: true }))).toBe('not-found');
    expect(service.deps.neverSave.tags.size).toBe(0);
  });
});

describe('senders and bad input', () => {
  it('S3: extension pages may not send save messages; content scripts may not send vault messages', async () => {
    const { service } = await unlockedService();
    expect(errorCode(await service.send('saveSubmitted', { submission: SIGNUP }))).toBe('forbidden');
    expect(errorCode(await service.sendFrom(TOP, 'itemList', {}))).toBe('forbidden');
  });

  it('a sender without a tab or with a non-web URL is refused, and nothing is kept', async () => {
    const { service } = await unlockedService();
    const noTab: MessageSender = { kind: 'content-script', frameId: 0, url: PAGE };
    expect(errorCode(await service.sendFrom(noTab, 'saveSubmitted', { submission: SIGNUP }))).toBe('forbidden');
    const file: MessageSender = { ...TOP, url: 'file:///home/user/page.html' };
    expect(errorCode(await service.sendFrom(file, 'saveSubmitted', { submission: SIGNUP }))).toBe('forbidden');
    expect(errorCode(await service.sendFrom(file, 'generatorSuggest', { rules: null }))).toBe('forbidden');
    expect(ok(await service.sendFrom(NEXT_PAGE, 'savePending', {})).offer).toBeNull();
  });

  it('another tab cannot accept or dismiss this tab’s offer', async () => {
    const { service } = await unlockedService();
    const { offer } = ok(await service.sendFrom(TOP, 'saveSubmitted', { submission: SIGNUP }));
    const otherTab = { ...TOP, tabId: 9 };
    expect(errorCode(await service.sendFrom(otherTab, 'saveAccept', { id: offer!.id }))).toBe('not-found');
    ok(await service.sendFrom(otherTab, 'saveDismiss', { id: offer!.id, never: false }));
    expect(ok(await service.sendFrom(TOP, 'saveAccept', { id: offer!.id })).outcome).toBe('created');
  });

  it('an oversized or malformed submission is refused without echoing it; the earlier pending save is untouched', async () => {
    const { service } = await unlockedService();
    const { offer } = ok(await service.sendFrom(TOP, 'saveSubmitted', { submission: SIGNUP }));
    const huge = await service.sendFrom(TOP, 'saveSubmitted', { submission: { ...SIGNUP, newPassword: 'x'.repeat(5_000) } });
    expect(errorCode(huge)).toBe('invalid-request');
    expect(JSON.stringify(huge)).not.toContain('xxxx');
    const extra = await service.sendFrom(TOP, 'saveSubmitted', { submission: { ...SIGNUP, origin: 'https://evil.test' } as Submission });
    expect(errorCode(extra)).toBe('invalid-request');
    expect(errorCode(await service.sendFrom(TOP, 'saveAccept', { id: 'not-hex' }))).toBe('invalid-request');
    expect(ok(await service.sendFrom(TOP, 'saveAccept', { id: offer!.id })).outcome).toBe('created');
  });
});

describe('generatorSuggest', () => {
  it('returns a password meeting the field’s passwordrules, locked or not', async () => {
    const { service } = await unlockedService();
    ok(await service.send('vaultLock', {}));
    const rules = 'minlength: 10; maxlength: 10; required: digit; allowed: lower;';
    for (let i = 0; i < 20; i++) {
      const { password } = ok(await service.sendFrom(TOP, 'generatorSuggest', { rules }));
      expect(password).toMatch(/^[a-z0-9]{10}$/);
      expect(password).toMatch(/\d/);
    }
    expect(service.deps.timers.calls).toEqual([{ disarm: true }]);
  });

  it('without rules: the quirks entry of the sender’s site (163.com: 6 to 16 characters)', async () => {
    const { service } = await unlockedService();
    const { password } = ok(await service.sendFrom({ ...TOP, url: 'https://reg.163.com/' }, 'generatorSuggest', { rules: null }));
    expect(password.length).toBeGreaterThanOrEqual(6);
    expect(password.length).toBeLessThanOrEqual(16);
  });
});

describe('the bar: where it shows, its name and folder', () => {
  const FRAME: MessageSender = { ...TOP, frameId: 5 };

  it('the submitting frame is shown the bar (a prompt request with the offer); the next page’s top frame is shown it again', async () => {
    const { service } = await unlockedService();
    const { offer } = ok(await service.sendFrom(FRAME, 'saveSubmitted', { submission: SIGNUP, pageTitle: 'Create your account | Example Shop' }));
    expect(service.deps.autofill.prompts).toEqual([{ tabId: 7, frameId: 5, request: { kind: 'sealpass-prompt', prompt: 'save', offer } }]);
    ok(await service.sendFrom(NEXT_PAGE, 'savePending', {}));
    expect(service.deps.autofill.prompts.at(-1)).toEqual({ tabId: 7, frameId: 0, request: { kind: 'sealpass-prompt', prompt: 'save', offer } });
  });

  it('no offer → no bar; a frame that cannot be scripted shows none and loses nothing', async () => {
    const { service } = await unlockedService();
    ok(await service.send('itemCreate', { item: loginInput({ username: 'dana@example.com', password: 'Fresh-pw-1!', urls: ['https://shop.example.com/'] }) }));
    ok(await service.sendFrom(TOP, 'saveSubmitted', { submission: SIGNUP }));
    expect(service.deps.autofill.prompts).toEqual([]);
    service.deps.autofill.canPrompt = () => false;
    const { offer } = ok(await service.sendFrom(TOP, 'saveSubmitted', { submission: { ...SIGNUP, username: 'erin@example.com' } }));
    expect(offer?.action).toBe('save');
    expect(ok(await service.sendFrom(TOP, 'saveAccept', { id: offer!.id })).outcome).toBe('created');
  });

  it('the suggested name comes from the page’s title, not the host; Save keeps the name and folder chosen in the bar', async () => {
    const { service } = await unlockedService();
    const { offer } = ok(await service.sendFrom(TOP, 'saveSubmitted', { submission: SIGNUP, pageTitle: 'Sign up – Example Shop' }));
    expect(offer?.title).toBe('Example Shop');
    ok(await service.sendFrom(TOP, 'saveAccept', { id: offer!.id, title: '  Shop (work)  ', folder: 'Work' }));
    expect((await logins(service))[0]!.content).toMatchObject({ title: 'Shop (work)', folder: 'Work', username: 'dana@example.com' });
  });

  it('Save without a name uses the suggestion; an update ignores name and folder', async () => {
    const { service } = await unlockedService();
    const first = ok(await service.sendFrom(TOP, 'saveSubmitted', { submission: SIGNUP, pageTitle: 'Example Shop: Register' })).offer!;
    ok(await service.sendFrom(TOP, 'saveAccept', { id: first.id }));
    const [saved] = await logins(service);
    expect(saved!.content).toMatchObject({ title: 'Example Shop', folder: '' });
    const change = submission({ username: 'dana@example.com', currentPassword: 'Fresh-pw-1!', newPassword: 'Next-pw-2', confirmPassword: 'Next-pw-2' });
    const update = ok(await service.sendFrom(TOP, 'saveSubmitted', { submission: change })).offer!;
    expect(update).toMatchObject({ action: 'update' });
    expect(update.title).toBeUndefined();
    ok(await service.sendFrom(TOP, 'saveAccept', { id: update.id, title: 'Renamed', folder: 'Elsewhere' }));
    expect((await logins(service))[0]!.content).toMatchObject({ title: 'Example Shop', folder: '', password: 'Next-pw-2' });
  });

  it('the bar lists the vault’s folders (names only, sorted, once each) for a pending offer only; locked → refused', async () => {
    const { service } = await unlockedService();
    for (const folder of ['Work', 'Banking', 'Work', '']) ok(await service.send('itemCreate', { item: loginInput({ folder, urls: ['https://other.example.org/'] }) }));
    const { offer } = ok(await service.sendFrom(TOP, 'saveSubmitted', { submission: SIGNUP }));
    expect(ok(await service.sendFrom(TOP, 'saveFolders', { id: offer!.id })).folders).toEqual(['Banking', 'Work']);
    expect(errorCode(await service.sendFrom({ ...TOP, tabId: 9 }, 'saveFolders', { id: offer!.id }))).toBe('not-found');
    expect(errorCode(await service.sendFrom(TOP, 'saveFolders', { id: 'b'.repeat(32) }))).toBe('not-found');
    ok(await service.send('vaultLock', {}));
    expect(errorCode(await service.sendFrom(TOP, 'saveFolders', { id: offer!.id }))).toBe('locked');
  });

  it('a name or folder beyond the limits is refused and the offer stays', async () => {
    const { service } = await unlockedService();
    const { offer } = ok(await service.sendFrom(TOP, 'saveSubmitted', { submission: SIGNUP }));
    expect(errorCode(await service.sendFrom(TOP, 'saveAccept', { id: offer!.id, folder: 'f'.repeat(300) }))).toBe('invalid-request');
    expect(errorCode(await service.sendFrom(TOP, 'saveAccept', { id: offer!.id, title: '' }))).toBe('invalid-request');
    expect(ok(await service.sendFrom(TOP, 'saveAccept', { id: offer!.id })).outcome).toBe('created');
  });
});

describe('Edit: the vault page’s editor with the values filled in', () => {
  it('opens the vault page with a one-time token (not the password); the page takes the draft once, with the chosen name and folder', async () => {
    const { service } = await unlockedService();
    const { offer } = ok(await service.sendFrom(TOP, 'saveSubmitted', { submission: SIGNUP, pageTitle: 'Join – Example Shop' }));
    ok(await service.sendFrom(TOP, 'saveEdit', { id: offer!.id, folder: 'Work' }));
    const [token] = service.deps.autofill.editors;
    expect(token).toMatch(/^[0-9a-f]{32}$/);
    expect(token).not.toContain('Fresh');
    // The offer is handled: the bar cannot save it a second time.
    expect(errorCode(await service.sendFrom(TOP, 'saveAccept', { id: offer!.id }))).toBe('not-found');
    // Only extension pages take drafts.
    expect(errorCode(await service.sendFrom(TOP, 'saveDraftTake', { token: token! }))).toBe('forbidden');
    const { draft } = ok(await service.send('saveDraftTake', { token: token! }));
    expect(draft).toEqual({ kind: 'create', item: expect.objectContaining({ type: 'login', title: 'Example Shop', folder: 'Work', username: 'dana@example.com', password: 'Fresh-pw-1!', urls: ['https://shop.example.com/account/signup'] }) });
    expect(errorCode(await service.send('saveDraftTake', { token: token! }))).toBe('not-found');
    // Nothing was saved: the editor saves.
    expect(await logins(service)).toEqual([]);
  });

  it('an update opens the saved item at its revision with the new password; its history is kept when the editor saves it', async () => {
    const { service } = await unlockedService();
    const { id } = ok(await service.send('itemCreate', { item: loginInput({ title: 'Shop', username: 'dana', password: 'Old-pw-1', urls: ['https://shop.example.com/login'] }) }));
    const change = submission({ currentPassword: 'Old-pw-1', newPassword: 'New-pw-2', confirmPassword: 'New-pw-2' });
    const { offer } = ok(await service.sendFrom(TOP, 'saveSubmitted', { submission: change }));
    ok(await service.sendFrom(TOP, 'saveEdit', { id: offer!.id }));
    const { draft } = ok(await service.send('saveDraftTake', { token: service.deps.autofill.editors[0]! }));
    expect(draft).toMatchObject({ kind: 'update', item: { id, rev: 1, content: { title: 'Shop', username: 'dana', password: 'New-pw-2' } } });
    if (draft.kind !== 'update') throw new Error('expected an update');
    ok(await service.send('itemUpdate', { id, item: { ...draft.item.content }, rev: draft.item.rev }));
    expect(ok(await service.send('itemGet', { id })).item.content).toMatchObject({ password: 'New-pw-2', passwordHistory: [{ password: 'Old-pw-1' }] });
  });

  it('a draft expires with the offer’s time and at lock; a wrong token finds nothing', async () => {
    const { service, unlockAgain } = await unlockedService();
    const first = ok(await service.sendFrom(TOP, 'saveSubmitted', { submission: SIGNUP })).offer!;
    ok(await service.sendFrom(TOP, 'saveEdit', { id: first.id }));
    service.clock.now += PENDING_SAVE_TTL_MS;
    expect(errorCode(await service.send('saveDraftTake', { token: service.deps.autofill.editors[0]! }))).toBe('not-found');
    const second = ok(await service.sendFrom(TOP, 'saveSubmitted', { submission: SIGNUP })).offer!;
    ok(await service.sendFrom(TOP, 'saveEdit', { id: second.id }));
    ok(await service.send('vaultLock', {}));
    unlockAgain();
    expect(errorCode(await service.send('saveDraftTake', { token: service.deps.autofill.editors[1]! }))).toBe('not-found');
    expect(errorCode(await service.send('saveDraftTake', { token: 'c'.repeat(32) }))).toBe('not-found');
  });

  it('Edit while locked is refused as locked; Edit when nothing is left to save says so', async () => {
    const { service } = await unlockedService();
    const { offer } = ok(await service.sendFrom(TOP, 'saveSubmitted', { submission: SIGNUP }));
    ok(await service.send('itemCreate', { item: loginInput({ username: 'dana@example.com', password: 'Fresh-pw-1!', urls: ['https://shop.example.com/'] }) }));
    expect(errorCode(await service.sendFrom(TOP, 'saveEdit', { id: offer!.id }))).toBe('not-found');
    expect(service.deps.autofill.editors).toEqual([]);
    const locked = await unlockedService();
    const pending = ok(await locked.service.sendFrom(TOP, 'saveSubmitted', { submission: SIGNUP })).offer!;
    ok(await locked.service.send('vaultLock', {}));
    expect(errorCode(await locked.service.sendFrom(TOP, 'saveEdit', { id: pending.id }))).toBe('locked');
  });
});

/**
 * The save flow's handlers through dispatchMessage, as a content script reaches them: save after sign-up,
 * update after change-password (history kept), nothing for identical credentials, locked → kept until
 * unlock, the pending offer across one navigation, expiry, "never for this site", and sender checks.
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
    expect(offer).toEqual({ id: expect.stringMatching(/^[0-9a-f]{32}$/), action: 'save', host: 'shop.example.com', username: 'dana@example.com' });
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

/**
 * The generator's handlers through dispatchMessage, as the content script and the prompts script reach them:
 * the menu shown in the focused frame (or only the submit watcher, where the inline menu may not show), the
 * suggestion with its rules in words, and the short history of passwords filled: per origin, each password only
 * on a click for its own origin (S3), sealed while stored, kept across a service-worker restart, cleared at lock
 * (S4).
 */
import { describe, expect, it } from 'vitest';
import { GENERATED_HISTORY_TTL_MS } from '../../../lib/autofill/background/generated-history';
import { MAX_GENERATED_HISTORY } from '../../../lib/autofill/autofill-save-messages';
import { closeVault } from '../../../lib/vault/keys/unlocked-vault';
import { syntheticVault } from '../../vault/fixtures';
import { MemoryKeyStore, ok, startService, type MessageSender, type Service } from '../../vault-service/fakes';

const SIGNUP: MessageSender = { kind: 'content-script', tabId: 4, frameId: 2, url: 'https://shop.example.com/join?ref=x' };
const OTHER: MessageSender = { ...SIGNUP, url: 'https://evil.example.net/join' };
const errorCode = (result: { ok: boolean; error?: { code: string } }) => (result.ok ? 'ok' : result.error?.code);

async function unlockedService(): Promise<{ service: Service; unlockAgain: () => void; restart: () => Service }> {
  const { db, vault } = await syntheticVault();
  const kept = { vaultId: vault.vaultId, vaultKey: new Uint8Array(vault.vaultKey) };
  const keyStore = MemoryKeyStore.holding(vault);
  closeVault(vault);
  const service = startService(db, { keyStore });
  const unlockAgain = () => {
    keyStore.kept = { vaultId: kept.vaultId, vaultKey: new Uint8Array(kept.vaultKey) };
  };
  // A service-worker restart: memory gone, storage.session (key store, autofill platform) kept.
  const restart = () => startService(db, { keyStore, autofill: service.deps.autofill, clock: service.clock });
  return { service, unlockAgain, restart };
}

/** Fills a suggestion on `sender`'s page as the menu's click does. @returns the password */
async function fillSuggestion(service: Service, sender: MessageSender = SIGNUP): Promise<string> {
  const { password } = ok(await service.sendFrom(sender, 'generatorSuggest', { rules: null }));
  ok(await service.sendFrom(sender, 'generatorUsed', { password }));
  return password;
}

describe('showing the menu', () => {
  it('a focused new-password field → the generator menu in that frame; the inline menu switched off → only the watcher', async () => {
    const { service } = await unlockedService();
    ok(await service.sendFrom(SIGNUP, 'generatorOpen', {}));
    expect(service.deps.autofill.prompts).toEqual([{ tabId: 4, frameId: 2, request: { kind: 'sealpass-prompt', prompt: 'generator' } }]);
    ok(await service.send('autofillSettingsSet', { inlineMenu: false }));
    ok(await service.sendFrom(SIGNUP, 'generatorOpen', {}));
    expect(service.deps.autofill.prompts.at(-1)?.request).toEqual({ kind: 'sealpass-prompt', prompt: 'watch' });
  });

  it('"never show here" covers the generator menu of that origin only', async () => {
    const { service } = await unlockedService();
    ok(await service.sendFrom({ ...SIGNUP, frameId: 0 }, 'autofillNeverHere', {}));
    ok(await service.sendFrom(SIGNUP, 'generatorOpen', {}));
    expect(service.deps.autofill.prompts.at(-1)?.request.prompt).toBe('watch');
    ok(await service.sendFrom(OTHER, 'generatorOpen', {}));
    expect(service.deps.autofill.prompts.at(-1)?.request.prompt).toBe('generator');
  });

  it('a typed password, and a credential field’s menu query, install the submit watcher in that frame, locked or not', async () => {
    const { service } = await unlockedService();
    ok(await service.send('vaultLock', {}));
    ok(await service.sendFrom(SIGNUP, 'saveWatch', {}));
    ok(await service.sendFrom({ ...SIGNUP, frameId: 6 }, 'autofillQuery', {}));
    expect(service.deps.autofill.prompts).toEqual([
      { tabId: 4, frameId: 2, request: { kind: 'sealpass-prompt', prompt: 'watch' } },
      { tabId: 4, frameId: 6, request: { kind: 'sealpass-prompt', prompt: 'watch' } },
    ]);
  });

  it('S3: an extension page may not ask for a menu or a suggestion; a non-web sender is refused', async () => {
    const { service } = await unlockedService();
    expect(errorCode(await service.send('generatorOpen', {}))).toBe('forbidden');
    expect(errorCode(await service.send('generatorHistoryFill', { id: 'a'.repeat(32) }))).toBe('forbidden');
    expect(errorCode(await service.sendFrom({ ...SIGNUP, url: 'chrome://settings/' }, 'generatorUsed', { password: 'x' }))).toBe('forbidden');
    expect(service.deps.autofill.prompts).toEqual([]);
  });
});

describe('the suggestion', () => {
  it('says which rules it follows: the field’s, the site’s known rules, or the default', async () => {
    const { service } = await unlockedService();
    const field = ok(await service.sendFrom(SIGNUP, 'generatorSuggest', { rules: 'minlength: 12; maxlength: 12; allowed: lower, digit;' }));
    expect(field.password).toMatch(/^[a-z0-9]{12}$/);
    expect(field.description).toBe('12 characters: a–z and 0–9. This page’s password rules.');
    const site = ok(await service.sendFrom({ ...SIGNUP, url: 'https://www.aeon.co.jp/' }, 'generatorSuggest', { rules: null }));
    expect(site.description).toMatch(/^8 characters: .*This site’s known password rules\.$/);
    const plain = ok(await service.sendFrom(SIGNUP, 'generatorSuggest', { rules: null }));
    expect(plain.description).toBe('20 characters: a–z, A–Z, 0–9 and symbols. Sealpass’s default.');
    expect(plain.history).toEqual([]);
  });
});

describe('the short history of generated passwords', () => {
  it('keeps what was filled, per origin, newest first, without passwords in the list; the password only on a click, for its own origin', async () => {
    const { service } = await unlockedService();
    const first = await fillSuggestion(service);
    service.clock.now += 60_000;
    const second = await fillSuggestion(service);
    // A suggestion that was shown but never filled is not kept.
    ok(await service.sendFrom(SIGNUP, 'generatorSuggest', { rules: null }));
    const { history } = ok(await service.sendFrom(SIGNUP, 'generatorSuggest', { rules: null }));
    expect(history).toEqual([{ id: expect.stringMatching(/^[0-9a-f]{32}$/), at: service.clock.now }, { id: expect.any(String), at: service.clock.now - 60_000 }]);
    expect(JSON.stringify(history)).not.toContain(first);
    expect(ok(await service.sendFrom(SIGNUP, 'generatorHistoryFill', { id: history[1]!.id })).password).toBe(first);
    expect(ok(await service.sendFrom(SIGNUP, 'generatorHistoryFill', { id: history[0]!.id })).password).toBe(second);
    // Another origin sees none of them and cannot take one by its id.
    expect(ok(await service.sendFrom(OTHER, 'generatorSuggest', { rules: null })).history).toEqual([]);
    expect(errorCode(await service.sendFrom(OTHER, 'generatorHistoryFill', { id: history[0]!.id }))).toBe('not-found');
  });

  it(`keeps at most ${MAX_GENERATED_HISTORY}, and the same password once; entries older than a day go`, async () => {
    const { service } = await unlockedService();
    for (let i = 0; i < MAX_GENERATED_HISTORY + 3; i++) await fillSuggestion(service);
    ok(await service.sendFrom(SIGNUP, 'generatorUsed', { password: 'Same-pw-1' }));
    ok(await service.sendFrom(SIGNUP, 'generatorUsed', { password: 'Same-pw-1' }));
    const { history } = ok(await service.sendFrom(SIGNUP, 'generatorSuggest', { rules: null }));
    expect(history).toHaveLength(MAX_GENERATED_HISTORY);
    const [newest, next] = history;
    expect(ok(await service.sendFrom(SIGNUP, 'generatorHistoryFill', { id: newest!.id })).password).toBe('Same-pw-1');
    expect(ok(await service.sendFrom(SIGNUP, 'generatorHistoryFill', { id: next!.id })).password).not.toBe('Same-pw-1');
    service.clock.now += GENERATED_HISTORY_TTL_MS;
    expect(ok(await service.sendFrom(SIGNUP, 'generatorSuggest', { rules: null })).history).toEqual([]);
  });

  it('S1: stored only sealed (storage.session); a service-worker restart keeps it while unlocked', async () => {
    const { service, restart } = await unlockedService();
    const password = await fillSuggestion(service);
    const stored = service.deps.autofill.storedHistory;
    expect(stored).toMatchObject({ v: 1, alg: 'xchacha20poly1305' });
    expect(new TextDecoder().decode(stored!.ct)).not.toContain(password);
    expect(new TextDecoder().decode(stored!.ct)).not.toContain('shop.example.com');
    const after = restart();
    const { history } = ok(await after.sendFrom(SIGNUP, 'generatorSuggest', { rules: null }));
    expect(ok(await after.sendFrom(SIGNUP, 'generatorHistoryFill', { id: history[0]!.id })).password).toBe(password);
  });

  it('S4: locking clears it, in memory and stored; what is filled while locked stays in memory only until the next lock', async () => {
    const { service, unlockAgain } = await unlockedService();
    await fillSuggestion(service);
    ok(await service.send('vaultLock', {}));
    expect(service.deps.autofill.storedHistory).toBeNull();
    expect(ok(await service.sendFrom(SIGNUP, 'generatorSuggest', { rules: null })).history).toEqual([]);
    const whileLocked = await fillSuggestion(service);
    expect(service.deps.autofill.storedHistory).toBeNull();
    const [entry] = ok(await service.sendFrom(SIGNUP, 'generatorSuggest', { rules: null })).history;
    expect(ok(await service.sendFrom(SIGNUP, 'generatorHistoryFill', { id: entry!.id })).password).toBe(whileLocked);
    // After unlock it is sealed and stored like the rest.
    unlockAgain();
    expect(ok(await service.sendFrom(SIGNUP, 'generatorSuggest', { rules: null })).history).toHaveLength(1);
    expect(service.deps.autofill.storedHistory).not.toBeNull();
  });

  it('S8: a stored history that does not open (tampered, another vault’s) reads as empty and is replaced', async () => {
    const { service } = await unlockedService();
    await fillSuggestion(service);
    const stored = service.deps.autofill.storedHistory!;
    stored.ct[0]! ^= 1;
    const fresh = startService(service.deps.db, { keyStore: service.deps.keyStore, autofill: service.deps.autofill, clock: service.clock });
    expect(ok(await fresh.sendFrom(SIGNUP, 'generatorSuggest', { rules: null })).history).toEqual([]);
    await fillSuggestion(fresh);
    expect(ok(await fresh.sendFrom(SIGNUP, 'generatorSuggest', { rules: null })).history).toHaveLength(1);
  });
});

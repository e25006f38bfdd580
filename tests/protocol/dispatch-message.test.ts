/**
 * dispatchMessage: the background's gate. Sender rule before anything else, validation that never echoes a
 * submitted value (it may be a password), and failures that pass on a VaultError's code and message but
 * nothing of an unexpected error (S3, S8).
 */
import { describe, expect, it, vi } from 'vitest';
import { dispatchMessage } from '../../lib/protocol/dispatch-message';
import type { Handlers } from '../../lib/protocol/protocol';
import { VaultError } from '../../lib/vault/model/vault-error';
import { protocol, type MessageType } from '../../lib/protocol/protocol';

const MARKER = 'Tr0ub4dor&3-PASSWORD-MARKER';
const page = { kind: 'extension-page' as const };

/** Handlers that record each call; any handler not overridden fails loudly if reached. */
function fakeHandlers(overrides: Partial<Handlers> = {}) {
  const calls: { type: MessageType; payload: unknown; sender: unknown }[] = [];
  const entries = (Object.keys(protocol) as MessageType[]).map((type) => {
    const handler = async (payload: unknown, sender: unknown): Promise<object> => {
      calls.push({ type, payload, sender });
      const override = overrides[type] as ((p: unknown, s: unknown) => Promise<object>) | undefined;
      if (!override) throw new Error(`handler ${type} should not run`);
      return override(payload, sender);
    };
    return [type, handler] as const;
  });
  return { handlers: Object.fromEntries(entries) as unknown as Handlers, calls };
}

describe('dispatchMessage: success', () => {
  it('runs the handler and spreads its response after ok: true', async () => {
    const { handlers } = fakeHandlers({ vaultStatus: async () => ({ state: 'locked' }) });
    expect(await dispatchMessage(handlers, { type: 'vaultStatus', payload: {} }, page)).toEqual({ ok: true, state: 'locked' });
  });

  it('passes the validated payload (defaults filled) and the sender to the handler', async () => {
    const { handlers, calls } = fakeHandlers({ itemCreate: async () => ({ id: 'new' }) });
    const sender = { kind: 'extension-page' as const, tabId: 3, frameId: 0, url: 'chrome-extension://x/popup.html' };
    await dispatchMessage(handlers, { type: 'itemCreate', payload: { item: { type: 'note', title: 'n' } } }, sender);
    expect(calls).toEqual([{ type: 'itemCreate', payload: { item: { type: 'note', title: 'n', notes: '', fields: [], folder: '', tags: [], favourite: false } }, sender }]);
  });
});

describe('dispatchMessage: refusals', () => {
  it.each([
    ['an unknown type', { type: 'vaultExplode', payload: {} }],
    ['an inherited property name (__proto__)', { type: '__proto__', payload: {} }],
    ['an inherited property name (toString)', { type: 'toString', payload: {} }],
    ['a non-string type', { type: 7, payload: {} }],
    ['an envelope with extra keys', { type: 'vaultStatus', payload: {}, password: MARKER }],
    ['null', null],
    ['a string', 'vaultStatus'],
  ])('%s → invalid-request, no handler runs', async (_name, raw) => {
    const { handlers, calls } = fakeHandlers();
    const result = await dispatchMessage(handlers, raw, page);
    expect(result).toEqual({ ok: false, error: { code: 'invalid-request', message: 'Unknown request.' } });
    expect(calls).toEqual([]);
    expect(JSON.stringify(result)).not.toContain(MARKER);
  });

  it.each([
    ['an extra field', 'vaultUnlock', { password: 'fine', extra: MARKER }],
    ['a field named like a secret', 'vaultUnlock', { password: 'fine', [MARKER]: MARKER }],
    ['an oversized password', 'vaultUnlock', { password: MARKER.repeat(100) }],
    ['a wrong type', 'vaultChangePassword', { current: MARKER, next: 42 }],
    ['an empty title next to a password', 'itemCreate', { item: { type: 'login', title: '', password: MARKER } }],
    ['an unknown item type', 'itemCreate', { item: { type: MARKER, title: MARKER } }],
    ['a bad enum value', 'itemCopied', { id: 'x', field: MARKER }],
    ['an oversized id', 'itemGet', { id: MARKER.repeat(10) }],
    ['a payload that is not an object', 'itemList', MARKER],
  ])('malformed payload (%s) → invalid-request whose message does not contain the submitted value', async (_name, type, payload) => {
    const onUnexpected = vi.fn();
    const { handlers, calls } = fakeHandlers();
    const result = await dispatchMessage(handlers, { type, payload }, page, onUnexpected);
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    expect(JSON.stringify(result)).not.toContain(MARKER);
    expect(JSON.stringify(result)).not.toContain('Tr0ub4dor');
    expect(calls).toEqual([]);
    expect(onUnexpected).not.toHaveBeenCalled();
  });

  it('names the failing field so the caller can tell what was wrong', async () => {
    const { handlers } = fakeHandlers();
    const result = await dispatchMessage(handlers, { type: 'itemCreate', payload: { item: { type: 'login', title: '' } } }, page);
    expect(result).toEqual({ ok: false, error: { code: 'invalid-request', message: 'Invalid request: item.title is not valid.' } });
  });

  // Every message but the few content scripts may send (autofill's: their rule is checked in protocol.test).
  const pageOnly = (Object.keys(protocol) as MessageType[]).filter((type) => !(protocol[type].senders as readonly string[]).includes('content-script'));
  it.each(pageOnly)('S3: %s from a content script → forbidden; the handler never runs', async (type) => {
    const { handlers, calls } = fakeHandlers();
    const result = await dispatchMessage(handlers, { type, payload: {} }, { kind: 'content-script', tabId: 1, frameId: 0, url: 'https://evil.test/' });
    expect(result).toEqual({ ok: false, error: { code: 'forbidden', message: expect.any(String) } });
    expect(calls).toEqual([]);
  });

  it('the sender rule is checked before validation: a forbidden sender learns nothing about the schema', async () => {
    const { handlers } = fakeHandlers();
    const result = await dispatchMessage(handlers, { type: 'vaultUnlock', payload: { wrong: true } }, { kind: 'content-script' });
    expect(result).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('an unknown sender (null) → forbidden; the handler never runs', async () => {
    const { handlers, calls } = fakeHandlers({ vaultStatus: async () => ({ state: 'none' }) });
    expect(await dispatchMessage(handlers, { type: 'vaultStatus', payload: {} }, { kind: null })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(calls).toEqual([]);
  });
});

describe('dispatchMessage: handler failures', () => {
  it('a VaultError passes its code and message unchanged', async () => {
    const { handlers } = fakeHandlers({ itemList: async () => { throw new VaultError('locked', 'The vault is locked.'); } });
    expect(await dispatchMessage(handlers, { type: 'itemList', payload: {} }, page)).toEqual({ ok: false, error: { code: 'locked', message: 'The vault is locked.' } });
  });

  it('any other Error → internal with a generic message that does not contain the error’s message; onUnexpected gets it', async () => {
    const error = new Error(`decrypt failed for ${MARKER}`);
    const onUnexpected = vi.fn();
    const { handlers } = fakeHandlers({ itemGet: async () => { throw error; } });
    const result = await dispatchMessage(handlers, { type: 'itemGet', payload: { id: 'x' } }, page, onUnexpected);
    expect(result).toEqual({ ok: false, error: { code: 'internal', message: expect.any(String) } });
    expect(JSON.stringify(result)).not.toContain(MARKER);
    expect(onUnexpected).toHaveBeenCalledWith(error);
  });

  it('a thrown non-Error value → internal as well', async () => {
    const { handlers } = fakeHandlers({ itemGet: () => Promise.reject(MARKER) });
    const result = await dispatchMessage(handlers, { type: 'itemGet', payload: { id: 'x' } }, page);
    expect(result).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(JSON.stringify(result)).not.toContain(MARKER);
  });
});

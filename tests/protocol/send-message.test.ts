/** sendMessage: typed requests from extension pages; replies are validated and it never throws. */
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { sendMessage } from '../../lib/protocol/send-message';

/** Makes the fake background answer every message with `reply`, recording what it got. */
function answerWith(reply: unknown): unknown[] {
  const received: unknown[] = [];
  fakeBrowser.runtime.onMessage.addListener((message: unknown) => {
    received.push(message);
    return Promise.resolve(reply);
  });
  return received;
}

beforeEach(() => {
  fakeBrowser.reset();
});

describe('sendMessage', () => {
  it('sends { type, payload } and returns the validated reply', async () => {
    const received = answerWith({ ok: true, state: 'locked' });
    expect(await sendMessage('vaultStatus', {})).toEqual({ ok: true, state: 'locked' });
    expect(received).toEqual([{ type: 'vaultStatus', payload: {} }]);
  });

  it('drops fields the response schema does not know', async () => {
    answerWith({ ok: true, state: 'unlocked', vaultKey: 'smuggled' });
    expect(await sendMessage('vaultStatus', {})).toEqual({ ok: true, state: 'unlocked' });
  });

  it('passes a well-formed error through', async () => {
    answerWith({ ok: false, error: { code: 'locked', message: 'The vault is locked.' } });
    expect(await sendMessage('itemList', {})).toEqual({ ok: false, error: { code: 'locked', message: 'The vault is locked.' } });
  });

  it.each([
    ['an error with an unknown code', { ok: false, error: { code: 'teapot', message: 'x' } }],
    ['an ok reply that breaks the response schema', { ok: true, state: 'open' }],
    ['a reply without ok', { state: 'locked' }],
    ['a reply that is not an object', 'yes'],
  ])('%s → internal', async (_name, reply) => {
    answerWith(reply);
    expect(await sendMessage('vaultStatus', {})).toMatchObject({ ok: false, error: { code: 'internal' } });
  });

  it('no background listening → internal, without throwing', async () => {
    expect(await sendMessage('vaultStatus', {})).toMatchObject({ ok: false, error: { code: 'internal' } });
  });
});

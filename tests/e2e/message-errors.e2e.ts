/**
 * Errors in plain words, never a stack trace, never a secret: malformed and refused requests sent to the real
 * background from an extension page each get `{ ok: false, error: { code, message } }` with the expected code, and
 * neither the reply nor the background's console repeats the password-like marker the request carried.
 */
import type { ConsoleMessage } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchExtension, sendExtensionMessage, type LaunchedExtension } from './harness';
import { liveServiceWorker, POLL, request, strongMasterPassword, token, typedLogin } from './popup-steps';

/** A value shaped like a password; no reply may contain it, whatever field it was put in. */
const marker = `Sekret-${token(12)}!Pw`;
const master = strongMasterPassword();

/** The refusal shape, read from an untyped reply. */
interface Refusal {
  ok: false;
  error: { code: string; message: string };
}

/**
 * Expects `reply` to be exactly `{ ok: false, error: { code, message } }` with a short sentence that shows no stack
 * frame, no source location, no "Error:" prefix and no marker.
 */
function expectPlainRefusal(reply: unknown, code: string): Refusal {
  expect(reply).toStrictEqual({ ok: false, error: { code, message: expect.any(String) } });
  const { message } = (reply as Refusal).error;
  expect(message.trim()).not.toBe('');
  expect(message.length).toBeLessThan(200);
  expect(message).not.toContain('\n');
  expect(message).not.toMatch(/(^|\s)at\s+\S+\s+\(|(^|\n)\s*at\s/); // a stack frame: "at fn (…)" or a line starting "at "
  expect(message).not.toMatch(/\.(ts|tsx|js|mjs):\d*/);
  expect(message).not.toContain('.ts:');
  expect(message).not.toContain('Error:');
  expect(message).not.toContain('chrome-extension://');
  expect(JSON.stringify(reply)).not.toContain(marker);
  return reply as Refusal;
}

describe('errors from the background are plain words', () => {
  let extension: LaunchedExtension | undefined;
  const workerConsole: string[] = [];

  beforeAll(async () => {
    extension = await launchExtension();
    (await liveServiceWorker(extension)).on('console', (entry: ConsoleMessage) => workerConsole.push(entry.text()));
    await request(extension, 'vaultCreate', { password: master });
    const status = await request(extension, 'vaultStatus');
    if (status.state !== 'unlocked') await request(extension, 'vaultUnlock', { password: master });
  });

  afterAll(async () => {
    await extension?.close();
  });

  function send(message: unknown): Promise<unknown> {
    if (!extension) throw new Error('the extension is not running');
    return sendExtensionMessage(extension.context, extension.extensionId, message);
  }

  it('an unknown message type (even one named like a password) is invalid-request', async () => {
    expectPlainRefusal(await send({ type: 'vaultExplode', payload: {} }), 'invalid-request');
    expectPlainRefusal(await send({ type: marker, payload: { password: marker } }), 'invalid-request');
    expectPlainRefusal(await send({ type: 'toString', payload: {} }), 'invalid-request');
  });

  it('a message that is not an envelope is invalid-request', async () => {
    expectPlainRefusal(await send(marker), 'invalid-request');
    expectPlainRefusal(await send({ type: 'itemList', payload: {}, password: marker }), 'invalid-request');
    expectPlainRefusal(await send({ type: 42, payload: {} }), 'invalid-request');
  });

  it('a field of the wrong type carrying a password-like value is invalid-request, without the value', async () => {
    expectPlainRefusal(await send({ type: 'vaultUnlock', payload: { password: [marker] } }), 'invalid-request');
    expectPlainRefusal(await send({ type: 'vaultUnlock', payload: { password: { value: marker } } }), 'invalid-request');
    expectPlainRefusal(await send({ type: 'vaultChangePassword', payload: { current: marker, next: 12345678 } }), 'invalid-request');
    expectPlainRefusal(
      await send({ type: 'settingsSet', payload: { settings: { autoLockMinutes: marker, clipboardSeconds: 30 } } }),
      'invalid-request',
    );
    const login = typedLogin('Wrongtype');
    const refused = expectPlainRefusal(
      await send({
        type: 'itemCreate',
        payload: { item: { type: 'login', title: 42, username: login.username, password: marker, urls: [login.url] } },
      }),
      'invalid-request',
    );
    // The field is named (so the message is useful) but its value is not repeated.
    expect(refused.error.message).toMatch(/item/);
    expect(refused.error.message).not.toContain(login.username);
    // A marker as an unexpected key of a strict payload, and as an id far too long to be one.
    expectPlainRefusal(await send({ type: 'vaultUnlock', payload: { password: master, [marker]: marker } }), 'invalid-request');
    expectPlainRefusal(await send({ type: 'itemGet', payload: { id: marker.repeat(8) } }), 'invalid-request');
  });

  it('itemGet of an unknown id while unlocked is not-found, without the id', async () => {
    expectPlainRefusal(await send({ type: 'itemGet', payload: { id: `missing-${token(10)}` } }), 'not-found');
    expectPlainRefusal(await send({ type: 'itemGet', payload: { id: marker } }), 'not-found');
    expectPlainRefusal(await send({ type: 'itemDelete', payload: { id: marker } }), 'not-found');
  });

  it('itemList and itemGet while locked are locked; a wrong master password is wrong-password, without it', async () => {
    if (!extension) throw new Error('the extension is not running');
    await request(extension, 'vaultLock');
    expectPlainRefusal(await send({ type: 'itemList', payload: {} }), 'locked');
    expectPlainRefusal(await send({ type: 'itemGet', payload: { id: marker } }), 'locked');
    expectPlainRefusal(await send({ type: 'vaultUnlock', payload: { password: marker } }), 'wrong-password');
    expectPlainRefusal(await send({ type: 'vaultCreate', payload: { password: marker } }), 'vault-exists');
  });

  it('the background logged nothing that quotes a request', async () => {
    if (!extension) throw new Error('the extension is not running');
    // The listener is on the worker that answered: a line it logs now arrives (else this check would prove nothing).
    const probe = `console-probe-${token(8)}`;
    await (await liveServiceWorker(extension)).evaluate((text) => console.log(text), probe);
    await expect.poll(() => workerConsole.includes(probe), POLL).toBe(true);
    expect(workerConsole.filter((line) => line.includes(marker))).toEqual([]);
    expect(workerConsole.filter((line) => /\bat\s+\S+\s+\(|\.ts:\d/.test(line))).toEqual([]);
  });
});

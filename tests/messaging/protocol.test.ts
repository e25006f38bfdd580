/** The protocol map: every message has an allowed-sender rule, strict requests, and no key anywhere in it (S3). */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { envelopeSchema, protocol, settingsSchema, type MessageType, type RequestOf } from '../../lib/messaging/protocol';

/** One valid request per message type. */
const samples: { [T in MessageType]: RequestOf<T> } = {
  vaultStatus: {},
  vaultCreate: { password: 'correct horse' },
  vaultUnlock: { password: 'correct horse' },
  vaultLock: {},
  vaultChangePassword: { current: 'old password', next: 'new password' },
  itemList: {},
  itemGet: { id: 'a' },
  itemCreate: { item: { type: 'note', title: 't' } },
  itemUpdate: { id: 'a', item: { type: 'login', title: 't' }, rev: 3 },
  itemDelete: { id: 'a' },
  itemRestore: { id: 'a' },
  itemRevealed: { id: 'a' },
  itemCopied: { id: 'a', field: 'totp' },
  itemTotp: { id: 'a' },
  clipboardCopied: {},
  settingsGet: {},
  settingsSet: { settings: { autoLockMinutes: 15, clipboardSeconds: 30 } },
  auditList: {},
  auditExport: {},
};
const types = Object.keys(protocol) as MessageType[];

describe('protocol', () => {
  it('has a sample for every message (this table is complete)', () => {
    expect(Object.keys(samples).sort()).toEqual([...types].sort());
  });

  it.each(types)('%s: the sample is valid, and an unknown extra field is refused (strict)', (type) => {
    expect(protocol[type].request.safeParse(samples[type]).success).toBe(true);
    expect(protocol[type].request.safeParse({ ...samples[type], extra: 1 }).success).toBe(false);
  });

  it.each(types)('S3: %s is allowed only from extension pages (no vault message is open to content scripts yet)', (type) => {
    expect(protocol[type].senders).toEqual(['extension-page']);
  });

  it.each(types)('S3: neither the request nor the response of %s has a field for a key', (type) => {
    for (const schema of [protocol[type].request, protocol[type].response]) {
      const text = JSON.stringify(z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }));
      expect(text).not.toMatch(/"(vaultKey|masterKey|itemKey|indexKey|auditKey|kek|key)"\s*:/i);
    }
  });

  it('settings stay within their bounds', () => {
    expect(settingsSchema.safeParse({ autoLockMinutes: 0, clipboardSeconds: 0 }).success).toBe(true);
    expect(settingsSchema.safeParse({ autoLockMinutes: 24 * 60 + 1, clipboardSeconds: 30 }).success).toBe(false);
    expect(settingsSchema.safeParse({ autoLockMinutes: 15, clipboardSeconds: 601 }).success).toBe(false);
    expect(settingsSchema.safeParse({ autoLockMinutes: 1.5, clipboardSeconds: 30 }).success).toBe(false);
  });

  it('the envelope is { type, payload } and nothing else', () => {
    expect(envelopeSchema.safeParse({ type: 'vaultStatus', payload: {} }).success).toBe(true);
    expect(envelopeSchema.safeParse({ type: 'vaultStatus', payload: {}, key: 'x' }).success).toBe(false);
  });
});

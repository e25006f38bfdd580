/** The protocol map: every message has an allowed-sender rule, strict requests, and no key anywhere in it (S3). */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { envelopeSchema, protocol, type MessageType, type RequestOf } from '../../lib/protocol/protocol';
import { settingsSchema } from '../../lib/vault/model/settings';

/** A folder id (issue 13). */
const F = 'AAAAAAAAAAAAAAAAAAAAAA';

/** One valid request per message type. */
const samples: { [T in MessageType]: RequestOf<T> } = {
  vaultStatus: {},
  vaultCreate: { password: 'correct horse' },
  vaultUnlock: { password: 'correct horse' },
  vaultLock: {},
  vaultCheckIntegrity: {},
  vaultChangePassword: { current: 'old password', next: 'new password' },
  itemList: {},
  itemGet: { id: 'a' },
  itemCreate: { item: { type: 'note', title: 't' } },
  itemUpdate: { id: 'a', item: { type: 'login', title: 't' }, rev: 3 },
  itemDelete: { id: 'a' },
  itemRestore: { id: 'a' },
  itemFavourite: { id: 'a', favourite: true },
  itemTrashList: {},
  itemRevealed: { id: 'a' },
  itemCopied: { id: 'a', field: 'totp', clip: { salt: '00'.repeat(16), tag: 'ffffffff' } },
  itemTotp: { id: 'a' },
  clipboardCopied: { clip: { salt: '00'.repeat(16), tag: 'ffffffff' } },
  settingsGet: {},
  settingsSet: { settings: { autoLockMinutes: 15, clipboardSeconds: 30 } },
  auditList: {},
  auditExport: {},
  exportEncrypted: { masterPassword: 'correct horse', passphrase: 'orbit civil lumber' },
  exportPlain: { masterPassword: 'correct horse', confirmed: true },
  exportRestore: { fileText: '{"format":"sealpass-export"}', passphrase: 'orbit civil lumber' },
  healthReport: { breachList: '5BAA61E4C9B93F3F0682250B6CF8331B7EE68FD8:3\n' },
  healthProgress: {},
  healthSnooze: { id: 'a', days: 30 },
  healthSetPassword: { id: 'a', password: 'N3w-password!' },
  healthRotationCheck: {},
  saveSubmitted: { submission: { username: 'alice', currentPassword: '', newPassword: 'n3w-pass', confirmPassword: 'n3w-pass' }, pageTitle: 'Sign up – Shop' },
  savePending: {},
  saveAccept: { id: '0123456789abcdef0123456789abcdef', title: 'Shop', folder: 'Work' },
  saveDismiss: { id: '0123456789abcdef0123456789abcdef', never: true },
  saveFolders: { id: '0123456789abcdef0123456789abcdef' },
  saveEdit: { id: '0123456789abcdef0123456789abcdef' },
  saveDraftTake: { token: '0123456789abcdef0123456789abcdef' },
  saveWatch: {},
  generatorOpen: {},
  generatorSuggest: { rules: 'minlength: 8;' },
  generatorUsed: { password: 'Generated-1' },
  generatorHistoryFill: { id: '0123456789abcdef0123456789abcdef' },
  autofillQuery: {},
  autofillFill: { id: 'a', fields: ['username', 'password'], grant: '0123456789abcdef0123456789abcdef', confirmedOrigin: 'https://a.test' },
  autofillCopyTotp: { id: 'a' },
  autofillNeverHere: {},
  autofillTabLogins: {},
  autofillTabPage: {},
  autofillFillTab: { id: 'a' },
  autofillSettingsGet: {},
  autofillSettingsSet: { inlineMenu: false },
  autofillNeverShowRemove: { origin: 'https://a.test' },
  autofillCommand: { source: 'context-menu', frameId: 3 },
  itemImport: { entries: [{ content: { type: 'login', title: 't' } }, { content: { type: 'note', title: 'n' }, replaces: 'a' }] },
  itemImportCompare: { pairs: [{ id: 'a', password: 'p' }] },
  sharingStatus: {},
  sharingSetup: { handle: 'alice', relayUrl: 'http://127.0.0.1:8787' },
  sharingSetRelay: { relayUrl: 'https://relay.example' },
  sharingSync: {},
  sharingPoll: {},
  sharingExpire: {},
  contactList: {},
  contactGet: { id: 'a' },
  contactAdd: { handle: 'bob' },
  contactAddCode: { code: 'sealpass:contact:v1:AAAA' },
  contactVerify: { id: 'a', fingerprint: 'A'.repeat(43) + '=' },
  contactRemove: { id: 'a' },
  shareCreate: { itemId: 'a', contactIds: ['b', 'c'], permission: 'autofill-only', expiry: { at: 1_800_000_000_000 }, confirmedUnverified: false },
  shareList: { itemId: 'a' },
  shareRevoke: { itemId: 'a', shareIds: ['AAAAAAAAAAAAAAAAAAAAAA=='] },
  shareRotateDismiss: { itemId: 'a', shareId: 'AAAAAAAAAAAAAAAAAAAAAA==' },
  inboxList: {},
  inboxAnswer: { id: 'shared-00000000000000000000000000000000', answer: 'accept', confirmedUnverified: true },
  shareRequestList: {},
  shareRequestAccept: { id: 'a' },
  shareRequestDecline: { id: 'a' },
  receivedList: {},
  receivedGet: { id: 'shared-00000000000000000000000000000000' },
  receivedEdit: { id: 'shared-00000000000000000000000000000000', item: { type: 'login', title: 't' }, baseVersion: 2 },
  sharingCheckRelay: { relayUrl: 'http://127.0.0.1:8787' },
  sharingHandleImpact: {},
  sharingSetHandle: { handle: 'alice2' },
  inviteOpen: { link: 'http://127.0.0.1:8787/invite/#BWFsaWNl' },
  inviteAccept: { link: 'http://127.0.0.1:8787/invite/#BWFsaWNl', handle: 'bob' },
  receivedTotp: { id: 'shared-00000000000000000000000000000000' },
  receivedEndedList: {},
  linkCreate: { source: { kind: 'item', itemId: 'a', fields: ['username', 'password'] }, expiry: '1d', maxViews: 1, passphrase: '' },
  linkList: {},
  linkRevoke: { id: 'a' },
  linkCopyUrl: { id: 'a', kind: 'link' },
  requestCreate: { label: 'hosting login', expiry: '7d', maxAnswers: 1 },
  requestList: {},
  requestRevoke: { id: 'a' },
  answerGet: { id: 'a.1' },
  answerAccept: { id: 'a.1', title: 'Hosting' },
  answerDecline: { id: 'a.1' },
  linkInspect: { url: 'https://relay.example/l/#x' },
  linkReveal: { url: 'https://relay.example/l/#x', passphrase: '' },
  requestAnswer: { url: 'https://relay.example/r/#x', answer: { username: 'u', password: 'p', url: '', note: '' } },
  folderList: {},
  folderGet: { folderId: F },
  folderCreate: { name: 'Agency' },
  folderItemGet: { folderId: F, itemId: 'i1' },
  folderItemAdd: { folderId: F, item: { type: 'login', title: 't' } },
  folderItemMove: { folderId: F, vaultItemId: '0'.repeat(32) },
  folderItemEdit: { folderId: F, itemId: 'i1', item: { type: 'note', title: 't' }, baseRev: 1 },
  folderItemDelete: { folderId: F, itemId: 'i1' },
  folderMemberAdd: { folderId: F, contactId: 'c1', role: 'viewer', autofillOnly: false, accessEndsAt: null },
  folderMemberRole: { folderId: F, fingerprint: 'A'.repeat(43) + '=', role: 'editor', autofillOnly: true, accessEndsAt: 1 },
  folderMemberRemove: { folderId: F, fingerprint: 'A'.repeat(43) + '=' },
  folderRotateDismiss: { folderId: F, fingerprint: 'A'.repeat(43) + '=' },
  folderLeave: { folderId: F },
  folderDelete: { folderId: F },
  folderSync: {},
  folderAccessRecord: { folderId: F, itemId: 'i1' },
  folderAccessVerify: { jsonl: '{}' },
};
const types = Object.keys(protocol) as MessageType[];
/** The messages content scripts may send (autofill's); every other message is for extension pages only (S3). */
const contentScriptMessages: readonly MessageType[] = [
  'saveSubmitted', 'savePending', 'saveAccept', 'saveDismiss', 'saveFolders', 'saveEdit', 'saveWatch',
  'generatorOpen', 'generatorSuggest', 'generatorUsed', 'generatorHistoryFill',
  'autofillQuery', 'autofillFill', 'autofillCopyTotp', 'autofillNeverHere',
];
/** Messages no one may send: the background calls their handlers itself, from browser events (shortcut, context menu). */
const internalMessages: readonly MessageType[] = ['autofillCommand', 'healthRotationCheck', 'sharingPoll', 'sharingExpire'];

describe('protocol', () => {
  it('has a sample for every message (this table is complete)', () => {
    expect(Object.keys(samples).sort()).toEqual([...types].sort());
  });

  it.each(types)('%s: the sample is valid, and an unknown extra field is refused (strict)', (type) => {
    expect(protocol[type].request.safeParse(samples[type]).success).toBe(true);
    expect(protocol[type].request.safeParse({ ...samples[type], extra: 1 }).success).toBe(false);
  });

  it.each(types)('S3: %s is allowed only from extension pages, or only from content scripts for an autofill message', (type) => {
    const expected = internalMessages.includes(type) ? [] : contentScriptMessages.includes(type) ? ['content-script'] : ['extension-page'];
    expect(protocol[type].senders).toEqual(expected);
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

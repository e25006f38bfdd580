/**
 * Folder logins are offered and filled on their site like the vault's own and received ones (issue 13),
 * through autofill's matcher (the same origin rules, S7): a viewer fills; an autofill-only member fills but
 * their UI never gets the password; a removed member's client offers nothing written after the removal.
 */
import { describe, expect, it } from 'vitest';
import type { MessageSender } from '../../vault-service/fakes';
import { sync, team } from '../background/folder-people';

const SITE = 'https://crm.example/login';
const PAGE: MessageSender = { kind: 'content-script', tabId: 4, frameId: 0, url: SITE };
const OTHER: MessageSender = { kind: 'content-script', tabId: 5, frameId: 0, url: 'https://evil.example/login' };

describe('folder logins in autofill', () => {
  it('offers and fills a folder login on its site only, to a viewer and to an autofill-only member', async () => {
    const { alice, bob, carol, contactIds } = await team();
    const { folderId } = await alice.call('folderCreate', { name: 'Agency' });
    await alice.call('folderMemberAdd', { folderId, contactId: contactIds.alice!.bob!, role: 'viewer', autofillOnly: false, accessEndsAt: null });
    await alice.call('folderMemberAdd', { folderId, contactId: contactIds.alice!.carol!, role: 'viewer', autofillOnly: true, accessEndsAt: null });
    const { itemId } = await alice.call('folderItemAdd', { folderId, item: { type: 'login', title: 'CRM', username: 'sales', password: 'crm-Secret-9', urls: [SITE] } });
    await sync(bob, carol);

    for (const member of [bob, carol]) {
      const query = await member.service.sendFrom(PAGE, 'autofillQuery', {});
      if (!query.ok) throw new Error(query.error.code);
      expect(query.logins.map((l) => [l.title, l.username])).toEqual([['CRM', 'sales']]);
      const fill = await member.service.sendFrom(PAGE, 'autofillFill', { id: query.logins[0]!.id, fields: ['username', 'password'] });
      expect(fill).toMatchObject({ ok: true, username: 'sales', password: 'crm-Secret-9' });
      const elsewhere = await member.service.sendFrom(OTHER, 'autofillQuery', {});
      expect(elsewhere.ok && elsewhere.logins).toEqual([]);
      expect((await member.service.sendFrom(OTHER, 'autofillFill', { id: query.logins[0]!.id, fields: ['password'] })).ok).toBe(false);
    }
    expect((await carol.call('folderItemGet', { folderId, itemId })).item).toMatchObject({ password: '' });
  });
});

describe('folder logins and the save flow (S3)', () => {
  it('never offers to save a folder password filled and submitted as the member’s own login', async () => {
    const { alice, bob, contactIds } = await team();
    const { folderId } = await alice.call('folderCreate', { name: 'Agency' });
    await alice.call('folderMemberAdd', { folderId, contactId: contactIds.alice!.bob!, role: 'viewer', autofillOnly: true, accessEndsAt: null });
    await alice.call('folderItemAdd', { folderId, item: { type: 'login', title: 'CRM', username: 'sales', password: 'crm-Secret-9', urls: [SITE] } });
    await sync(bob);
    const reply = await bob.service.sendFrom(PAGE, 'saveSubmitted', { submission: { username: 'sales', currentPassword: 'crm-Secret-9', newPassword: '', confirmPassword: '' } });
    expect(reply).toMatchObject({ ok: true, offer: null });
    expect((await bob.call('itemList', {})).items).toEqual([]);
  });
});

describe('receipts from a member’s client', () => {
  it('reports "opened" and "filled" once per revision, self-reported, in the manager’s access record', async () => {
    const { w, alice, bob, contactIds } = await team();
    const { folderId } = await alice.call('folderCreate', { name: 'Agency' });
    await alice.call('folderMemberAdd', { folderId, contactId: contactIds.alice!.bob!, role: 'viewer', autofillOnly: false, accessEndsAt: null });
    const { itemId } = await alice.call('folderItemAdd', { folderId, item: { type: 'login', title: 'CRM', username: 'sales', password: 'crm-Secret-9', urls: [SITE] } });
    w.clock.now += 1000;
    await sync(bob);
    await bob.call('folderItemGet', { folderId, itemId });
    const query = await bob.service.sendFrom(PAGE, 'autofillQuery', {});
    if (!query.ok) throw new Error(query.error.code);
    await bob.service.sendFrom(PAGE, 'autofillFill', { id: query.logins[0]!.id, fields: ['password'] });
    // Both are queued in the background; Bob's next sync sends them in one message, Alice's brings them in.
    await expect
      .poll(async () => {
        await sync(bob, alice);
        const record = await alice.call('folderAccessRecord', { folderId, itemId });
        return record.rows.filter((r) => r.selfReported).map((r) => r.kind).sort();
      })
      .toEqual(['delivered', 'filled', 'opened']);
  });
});

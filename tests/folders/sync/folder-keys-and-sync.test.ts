/**
 * The folder side of sync through the real handlers and relay (issue 13): a folder key whose log position
 * the relay withholds is not taken and not lost (it stays in the mailbox until the log catches up, T24);
 * an access with an end date ends by itself on the member's side (no fill, the copy ends) and a manager's
 * client removes and rotates; the access record's JSON lines verify with the members' pinned keys alone.
 */
import { describe, expect, it } from 'vitest';
import { verifyAccessRecord } from '../../../lib/folders/format/record/verify-access-record';
import { findFolderLogins } from '../../../lib/folders/member/find-folder-logins';
import { readIdentity } from '../../../lib/sharing/store/read-identity';
import type { PublicIdentity } from '../../../lib/sharing/identity/identity';
import { HOUR, type Person } from '../../sharing/background/people';
import { sync, team } from '../background/folder-people';

const SITE = 'https://crm.example/login';
const crm = { type: 'login' as const, title: 'CRM', username: 'sales', password: 'crm-Secret-9', urls: [SITE] };

async function publicOf(p: Person): Promise<PublicIdentity> {
  const opened = await readIdentity(p.db, await p.service.session.require());
  const { handle, encryptionKey, signingKey, xwingKey } = opened!.identity;
  return xwingKey ? { handle, encryptionKey, signingKey, xwingKey } : { handle, encryptionKey, signingKey };
}

describe('folder keys and folder sync', () => {
  it('T24: a folder key naming a log head the relay withholds waits in the mailbox, and counts once the log is served', async () => {
    const { w, alice, bob, contactIds } = await team();
    const { folderId } = await alice.call('folderCreate', { name: 'Agency' });
    await alice.call('folderMemberAdd', { folderId, contactId: contactIds.alice!.bob!, role: 'viewer', autofillOnly: false, accessEndsAt: null });
    await alice.call('folderItemAdd', { folderId, item: crm });
    // The relay serves Bob the log without its last entry (the one that added him).
    w.relay.tamper = async (request, forward) => {
      if (request.method !== 'GET' || !new URL(request.url).pathname.endsWith('/log')) return undefined;
      const response = await forward(request);
      const page = (await response.json()) as { entries: unknown[]; head: number; deleted: boolean };
      return Response.json({ ...page, entries: page.entries.slice(0, -1), head: page.head - 1 });
    };
    await sync(bob);
    expect((await bob.call('folderList', {})).folders).toEqual([]);
    // Had it been acknowledged, the relay would have deleted it and Bob would never join.
    w.relay.tamper = null;
    await sync(bob);
    const [folder] = (await bob.call('folderList', {})).folders;
    expect(folder).toMatchObject({ folderId, name: 'Agency', items: 1 });
  });

  it('an access with an end date ends by itself: no fill, the member’s copy ends, and the manager’s client removes and rotates', async () => {
    const { w, alice, bob, contactIds } = await team();
    const { folderId } = await alice.call('folderCreate', { name: 'Agency' });
    await alice.call('folderMemberAdd', { folderId, contactId: contactIds.alice!.bob!, role: 'viewer', autofillOnly: false, accessEndsAt: w.clock.now + HOUR });
    await alice.call('folderItemAdd', { folderId, item: crm });
    await sync(bob);
    const bobVault = await bob.service.session.require();
    expect((await findFolderLogins(bob.db, bobVault, SITE, w.clock.now)).map((i) => i.content.title)).toEqual(['CRM']);

    w.clock.now += 2 * HOUR;
    // Before any sync: nothing is offered once the end date passed.
    expect(await findFolderLogins(bob.db, bobVault, SITE, w.clock.now)).toEqual([]);
    await sync(bob);
    expect((await bob.call('folderGet', { folderId })).status).toBe('ended');
    expect((await bob.call('folderGet', { folderId })).items).toEqual([]);

    await sync(alice);
    const view = await alice.call('folderGet', { folderId });
    expect(view.members.map((m) => m.handle)).toEqual(['alice']);
    expect(view.epoch).toBe(2);
    expect(view.rotate.map((r) => [r.handle, r.items.map((i) => i.title)])).toEqual([['bob', ['CRM']]]);
  });

  it('exports the access record as JSON lines that verify with the members’ pinned keys alone, receipts marked self-reported', async () => {
    const { w, alice, bob, contactIds } = await team();
    const { folderId } = await alice.call('folderCreate', { name: 'Agency' });
    await alice.call('folderMemberAdd', { folderId, contactId: contactIds.alice!.bob!, role: 'editor', autofillOnly: false, accessEndsAt: null });
    const { itemId } = await alice.call('folderItemAdd', { folderId, item: crm });
    w.clock.now += 1000;
    // Bob's sync posts a "delivered" receipt for the item Alice wrote.
    await sync(bob, alice);
    const record = await alice.call('folderAccessRecord', { folderId, itemId });
    expect(record.rows.filter((r) => r.selfReported).map((r) => [r.kind, r.who])).toEqual([['delivered', 'bob']]);
    expect(record.rows.filter((r) => !r.selfReported).map((r) => [r.kind, r.who])).toEqual([['created', 'alice'], ['added', 'bob']]);
    const pinned = [await publicOf(alice), await publicOf(bob)];
    const verified = verifyAccessRecord(record.jsonl, pinned);
    expect(verified.items.find((i) => i.itemId === itemId)?.receipts.map((r) => [r.event, r.handle])).toEqual([['delivered', 'bob']]);
    // A line changed after the export no longer verifies.
    expect(() => verifyAccessRecord(record.jsonl.replace('"delivered"', '"opened"'), pinned)).toThrow();
    // Bob checks it in his Sealpass with the keys he pinned: verified; a changed line is refused with words.
    expect(await bob.call('folderAccessVerify', { jsonl: record.jsonl })).toMatchObject({ verified: true, folderId, people: 2, receipts: 1 });
    const changed = await bob.call('folderAccessVerify', { jsonl: record.jsonl.replace('"delivered"', '"opened"') });
    expect(changed).toMatchObject({ verified: false, problem: expect.stringMatching(/^Not verified: a receipt is not signed/) });
  });
});

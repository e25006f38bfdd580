/**
 * Receipts queued in the folder record and sent by the sync as ONE batch message per folder: "delivered"
 * for what others changed, "opened" and "filled" queued as they happen (no relay call then). The failures:
 * more than a message holds goes at the next sync; a relay that refuses the post keeps the queue; a receipt
 * already sent or queued is not queued again.
 */
import { describe, expect, it } from 'vitest';
import { MAX_RECEIPTS_PER_MESSAGE } from '../../../lib/folders/format/messages/receipt-batch';
import { queueReceipts } from '../../../lib/folders/member/post-receipt';
import { commitFolders } from '../../../lib/folders/store/commit-folders';
import { requireFolder } from '../../../lib/folders/store/require-folder';
import type { Person } from '../../sharing/background/people';
import type { World } from '../../sharing/background/people';
import { sync, team } from '../background/folder-people';

const crm = { type: 'login' as const, title: 'CRM', username: 'sales', password: 'crm-Secret-9', urls: ['https://crm.example/login'] };

/** Counts the folder messages posted through the relay while `run` runs. */
async function countPosts(w: World, run: () => Promise<void>): Promise<number> {
  let posts = 0;
  w.relay.tamper = async (request) => {
    if (request.method === 'POST' && /\/v1\/folders\/[^/]+\/messages$/.test(new URL(request.url).pathname)) posts++;
    return undefined;
  };
  try {
    await run();
  } finally {
    w.relay.tamper = null;
  }
  return posts;
}

async function folderOf(p: Person, folderId: string) {
  return requireFolder(p.db, await p.service.session.require(), folderId);
}

describe('receipt batches from a member’s sync', () => {
  it('sends every queued receipt in one message per sync; what does not fit goes at the next', async () => {
    const { w, alice, bob, contactIds } = await team();
    const { folderId } = await alice.call('folderCreate', { name: 'Agency' });
    await alice.call('folderMemberAdd', { folderId, contactId: contactIds.alice!.bob!, role: 'viewer', autofillOnly: false, accessEndsAt: null });
    const { itemId } = await alice.call('folderItemAdd', { folderId, item: crm });
    await sync(bob);
    const vault = await bob.service.session.require();
    const folder = await folderOf(bob, folderId);
    // One "delivered" went with that sync; queue as many "opened" as two messages hold, minus ten.
    expect(folder.receiptQueue).toEqual([]);
    const many = Array.from({ length: 2 * MAX_RECEIPTS_PER_MESSAGE - 10 }, (_, i) => ({ itemId, rev: 1000 + i, event: 'opened' as const, at: w.clock.now }));
    await commitFolders(bob.db, vault, { folders: [queueReceipts(folder, folder.applied.receipts[0]!.statement.member, many)] }, w.clock.now);

    expect(await countPosts(w, () => sync(bob))).toBe(1);
    expect((await folderOf(bob, folderId)).receiptQueue).toHaveLength(MAX_RECEIPTS_PER_MESSAGE - 10);
    expect(await countPosts(w, () => sync(bob))).toBe(1);
    expect((await folderOf(bob, folderId)).receiptQueue).toEqual([]);
    // Nothing left: no message at all.
    expect(await countPosts(w, () => sync(bob))).toBe(0);
    await sync(alice);
    expect((await folderOf(alice, folderId)).applied.receipts).toHaveLength(1 + many.length);
  });

  it('keeps the queue when the relay refuses the post, and sends it at the next sync', async () => {
    const { w, alice, bob, contactIds } = await team();
    const { folderId } = await alice.call('folderCreate', { name: 'Agency' });
    await alice.call('folderMemberAdd', { folderId, contactId: contactIds.alice!.bob!, role: 'viewer', autofillOnly: false, accessEndsAt: null });
    const { itemId } = await alice.call('folderItemAdd', { folderId, item: crm });
    w.relay.tamper = async (request) =>
      request.method === 'POST' && new URL(request.url).pathname.endsWith('/messages') ? Response.json({ error: 'folder-full' }, { status: 507 }) : undefined;
    await sync(bob);
    w.relay.tamper = null;
    const queued = await folderOf(bob, folderId);
    expect(queued.receiptQueue.map((r) => [r.itemId, r.event])).toEqual([[itemId, 'delivered']]);
    expect(queued.applied.items[itemId]).toBeDefined();
    await sync(bob);
    expect((await folderOf(bob, folderId)).receiptQueue).toEqual([]);
    await sync(alice);
    expect((await folderOf(alice, folderId)).applied.receipts.map((r) => r.statement.event)).toEqual(['delivered']);
  });

  it('queues "opened" without calling the relay, once per revision, and does not queue what was sent', async () => {
    const { w, alice, bob, contactIds } = await team();
    const { folderId } = await alice.call('folderCreate', { name: 'Agency' });
    await alice.call('folderMemberAdd', { folderId, contactId: contactIds.alice!.bob!, role: 'viewer', autofillOnly: false, accessEndsAt: null });
    const { itemId } = await alice.call('folderItemAdd', { folderId, item: crm });
    await sync(bob);
    let calls = 0;
    w.relay.tamper = async () => {
      calls++;
      return undefined;
    };
    await bob.call('folderItemGet', { folderId, itemId });
    await bob.call('folderItemGet', { folderId, itemId });
    await expect.poll(async () => (await folderOf(bob, folderId)).receiptQueue.map((r) => r.event)).toEqual(['opened']);
    expect(calls).toBe(0);
    w.relay.tamper = null;
    await sync(bob);
    const sent = await folderOf(bob, folderId);
    expect(sent.receiptQueue).toEqual([]);
    // Sent and applied: the same receipt is not queued again.
    expect(queueReceipts(sent, sent.applied.receipts[0]!.statement.member, [{ itemId, rev: sent.applied.items[itemId]!.rev, event: 'opened', at: w.clock.now }])).toBe(sent);
  });
});

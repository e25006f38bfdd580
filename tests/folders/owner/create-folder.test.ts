/**
 * Creating a folder when the relay's answer is lost (issue 13 follow-up): the record and key are stored
 * before the call, so a relay that stored the entry and then lost its answer does not orphan the folder; the
 * next sync asks again with the same entry (`created: false`) and adopts it. A create that never reached the
 * relay is made by that sync; one the relay refused outright leaves nothing.
 */
import { describe, expect, it } from 'vitest';
import { requireFolder } from '../../../lib/folders/store/require-folder';
import type { Person } from '../../sharing/background/people';
import { sync, team } from '../background/folder-people';

const isCreate = (request: Request) => request.method === 'POST' && new URL(request.url).pathname === '/v1/folders';
const crm = { type: 'login' as const, title: 'CRM', username: 'sales', password: 'crm-Secret-9', urls: ['https://crm.example/login'] };

async function onlyFolderId(p: Person): Promise<string> {
  const { folders } = await p.call('folderList', {});
  expect(folders).toHaveLength(1);
  return folders[0]!.folderId;
}

describe('folderCreate with a lost answer', () => {
  it('keeps the folder when the relay stored it but the answer was lost, and the next sync adopts it (created: false)', async () => {
    const { w, alice, bob, contactIds } = await team();
    let stored = 0;
    w.relay.tamper = async (request, forward) => {
      if (!isCreate(request)) return undefined;
      const answer = await forward(request);
      if (answer.ok) stored++;
      return new Response('bad gateway', { status: 502 });
    };
    expect(await alice.code('folderCreate', { name: 'Agency' })).toBe('internal');
    w.relay.tamper = null;
    expect(stored).toBe(1);
    const folderId = await onlyFolderId(alice);
    const vault = await alice.service.session.require();
    expect((await requireFolder(alice.db, vault, folderId)).createPending).toBe(true);
    // Until the relay confirmed it, nothing is done with it.
    expect(await alice.code('folderMemberAdd', { folderId, contactId: contactIds.alice!.bob!, role: 'viewer', autofillOnly: false, accessEndsAt: null })).toBe('conflict');

    let creates = 0;
    const countCreates = async (request: Request) => {
      if (isCreate(request)) creates++;
      return undefined;
    };
    w.relay.tamper = countCreates;
    await sync(alice);
    w.relay.tamper = null;
    expect(creates).toBe(1);
    expect((await requireFolder(alice.db, vault, folderId)).createPending).toBe(false);
    await alice.call('folderMemberAdd', { folderId, contactId: contactIds.alice!.bob!, role: 'viewer', autofillOnly: false, accessEndsAt: null });
    await alice.call('folderItemAdd', { folderId, item: crm });
    await sync(bob);
    expect((await bob.call('folderList', {})).folders).toMatchObject([{ folderId, name: 'Agency', items: 1 }]);
    // A later sync does not ask again.
    w.relay.tamper = countCreates;
    await sync(alice);
    w.relay.tamper = null;
    expect(creates).toBe(1);
  });

  it('creates it at the next sync when the first call never reached the relay', async () => {
    const { w, alice } = await team();
    w.relay.tamper = async (request) => (isCreate(request) ? new Response('unavailable', { status: 503 }) : undefined);
    expect(await alice.code('folderCreate', { name: 'Agency' })).toBe('internal');
    // Still down at the next sync: the folder stays pending, the sync says so.
    const down = await alice.call('folderSync', {});
    expect(down).toEqual({ ok: true, synced: 0, errors: [expect.stringMatching(/^Agency: The relay has not confirmed this new folder yet/)] });
    w.relay.tamper = null;
    await sync(alice);
    const folderId = await onlyFolderId(alice);
    expect((await requireFolder(alice.db, await alice.service.session.require(), folderId)).createPending).toBe(false);
    await alice.call('folderItemAdd', { folderId, item: crm });
    expect((await alice.call('folderGet', { folderId })).items.map((i) => i.title)).toEqual(['CRM']);
  });

  it('keeps nothing when the relay refuses the create outright', async () => {
    const { w, alice } = await team();
    w.relay.tamper = async (request) => (isCreate(request) ? Response.json({ error: 'too-many-folders', message: 'no more' }, { status: 403 }) : undefined);
    expect(await alice.code('folderCreate', { name: 'Agency' })).toBe('conflict');
    w.relay.tamper = null;
    expect((await alice.call('folderList', {})).folders).toEqual([]);
  });
});

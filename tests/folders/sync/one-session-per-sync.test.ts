/**
 * One folder sync opens ONE relay session for all folders (issue 13 follow-up): the session opening is a
 * signed call and counts against the identity's session limit, so one per folder per minute wasted both.
 * Counted at the relay (POST /v1/sessions), not timed. And one folder failing still leaves the others synced.
 */
import { describe, expect, it } from 'vitest';
import { SESSIONS_PATH } from '../../../lib/relay-protocol/relay-paths';
import type { World } from '../../sharing/background/people';
import { team } from '../background/folder-people';

const crm = { type: 'login' as const, title: 'CRM', username: 'sales', password: 'crm-Secret-9', urls: ['https://crm.example/login'] };

/** Counts session openings at the relay while `run` runs. */
async function sessionOpens(w: World, run: () => Promise<unknown>): Promise<number> {
  let opens = 0;
  w.relay.tamper = async (request) => {
    if (request.method === 'POST' && new URL(request.url).pathname === SESSIONS_PATH) opens++;
    return undefined;
  };
  try {
    await run();
  } finally {
    w.relay.tamper = null;
  }
  return opens;
}

describe('folder sync sessions', () => {
  it('opens one relay session for a sync of three folders', async () => {
    const { w, alice, bob, contactIds } = await team();
    const ids: string[] = [];
    for (const name of ['Agency', 'Billing', 'Clients']) {
      const { folderId } = await alice.call('folderCreate', { name });
      await alice.call('folderMemberAdd', { folderId, contactId: contactIds.alice!.bob!, role: 'editor', autofillOnly: false, accessEndsAt: null });
      await alice.call('folderItemAdd', { folderId, item: crm });
      ids.push(folderId);
    }
    // Bob joins all three (the folder keys come through the mailbox), then each folder has news for him.
    await bob.call('sharingSync', {});
    expect((await bob.call('folderList', {})).folders).toHaveLength(3);
    for (const folderId of ids) await alice.call('folderItemAdd', { folderId, item: { ...crm, title: 'Second' } });

    let outcome: unknown;
    expect(await sessionOpens(w, async () => (outcome = await bob.call('folderSync', {})))).toBe(1);
    expect(outcome).toEqual({ ok: true, synced: 3, errors: [] });
    for (const folderId of ids) expect((await bob.call('folderGet', { folderId })).items.map((i) => i.title).sort()).toEqual(['CRM', 'Second']);
  });

  it('still syncs the other folders, in the same session, when the relay fails one', async () => {
    const { w, alice } = await team();
    const ids: string[] = [];
    for (const name of ['Agency', 'Billing', 'Clients']) ids.push((await alice.call('folderCreate', { name })).folderId);
    let opens = 0;
    w.relay.tamper = async (request) => {
      const path = new URL(request.url).pathname;
      if (request.method === 'POST' && path === SESSIONS_PATH) opens++;
      return path.includes(ids[1]!) ? new Response('unavailable', { status: 503 }) : undefined;
    };
    const outcome = await alice.call('folderSync', {});
    w.relay.tamper = null;
    expect(outcome).toMatchObject({ ok: true, synced: 2, errors: [expect.stringMatching(/^Billing: /)] });
    expect(opens).toBe(1);
  });
});

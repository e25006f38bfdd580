/**
 * A lying relay against the extension's folder code (issue 13), through the real handlers: an entry the relay
 * slips into the served log (an "escrow" member added under a manager's name, signed with the relay's own key)
 * becomes an alert and nothing builds on it — no folder key is sealed to the slipped-in key and no entry is
 * appended on top of it (T23, T05); a log served shorter than what this device verified is a rollback, and one
 * whose verified entry was swapped is a fork, both shown and never repaired (T24).
 */
import { describe, expect, it } from 'vitest';
import { logSubjectOf } from '../../../lib/folders/format/log/log-subject';
import { signLogEntry } from '../../../lib/folders/format/log/sign-log-entry';
import { requireFolder } from '../../../lib/folders/store/require-folder';
import { generateIdentity } from '../../../lib/sharing/identity/generate-identity';
import type { Tamper } from '../../sharing/background/relay-harness';
import { T0 } from '../../vault/fixtures';
import { sync, team } from '../background/folder-people';

type LogPage = { entries: { seq: number; entry: string }[]; head: number; deleted: boolean };

/** Rewrites every log page the relay serves. */
function rewriteLog(change: (page: LogPage) => LogPage): Tamper {
  return async (request, forward) => {
    if (request.method !== 'GET' || !new URL(request.url).pathname.endsWith('/log')) return undefined;
    const response = await forward(request);
    return Response.json(change((await response.json()) as LogPage));
  };
}

describe('a lying relay and the folder log', () => {
  it('T23/T05: an entry the relay adds under a manager’s name is refused, shown, and no key or entry builds on it', async () => {
    const { w, alice, contactIds } = await team();
    const { folderId } = await alice.call('folderCreate', { name: 'Agency' });
    await alice.call('folderMemberAdd', { folderId, contactId: contactIds.alice!.bob!, role: 'viewer', autofillOnly: false, accessEndsAt: null });
    const { state } = await requireFolder(alice.db, await alice.service.session.require(), folderId);
    const relayKey = generateIdentity('escrow', T0);
    const aliceAuthor = { handle: 'alice', fingerprint: Object.values(state.members).find((m) => m.handle === 'alice')!.fingerprint };
    const forged = signLogEntry(relayKey, {
      v: 1, folderId, seq: state.head.seq + 1, prev: state.head.hash, op: 'add', author: aliceAuthor, subject: logSubjectOf(relayKey),
      role: 'manager', autofillOnly: false, accessEndsAt: null, epoch: state.epoch, keyCommitment: state.keyCommitment, at: w.clock.now,
    });
    w.relay.tamper = rewriteLog((page) => ({ ...page, entries: [...page.entries, { seq: forged.seq, entry: JSON.stringify(forged) }], head: forged.seq }));
    const outboxBefore = await alice.db.outbox.count();
    await sync(alice);
    const view = await alice.call('folderGet', { folderId });
    expect(view.alerts.map((a) => a.kind)).toContain('refused-entry');
    expect(view.members.map((m) => m.handle)).toEqual(['alice', 'bob']);
    // Building on that log is refused: nothing appended, nothing sealed.
    expect(await alice.code('folderMemberRole', { folderId, fingerprint: view.members[1]!.fingerprint, role: 'editor', autofillOnly: false, accessEndsAt: null })).toBe('conflict');
    expect(await alice.db.outbox.count()).toBe(outboxBefore);
    // The one append is the add of Bob; nothing was appended on top of the forged entry.
    expect(w.relay.seen.filter((s) => s.method === 'POST' && s.path.endsWith('/log')).length).toBe(1);
  });

  it('T24: a log served shorter than verified is a rollback, a swapped verified entry a fork; both are shown, neither repaired', async () => {
    const { w, alice, contactIds } = await team();
    const { folderId } = await alice.call('folderCreate', { name: 'Agency' });
    await alice.call('folderMemberAdd', { folderId, contactId: contactIds.alice!.bob!, role: 'viewer', autofillOnly: false, accessEndsAt: null });
    const headBefore = (await requireFolder(alice.db, await alice.service.session.require(), folderId)).state.head;

    w.relay.tamper = rewriteLog((page) => ({ ...page, entries: page.entries.filter((e) => e.seq < 2), head: 1 }));
    await sync(alice);
    expect((await alice.call('folderGet', { folderId })).alerts.map((a) => a.kind)).toContain('rollback');

    w.relay.tamper = rewriteLog((page) => ({ ...page, entries: page.entries.map((e) => (e.seq === 2 ? { ...e, entry: e.entry.replace('"viewer"', '"manager"') } : e)) }));
    await sync(alice);
    const view = await alice.call('folderGet', { folderId });
    expect(view.alerts.map((a) => a.kind)).toContain('fork');
    // The verified state stands: bob is still a viewer, the head unchanged.
    expect(view.members.map((m) => [m.handle, m.role])).toEqual([['alice', 'manager'], ['bob', 'viewer']]);
    expect((await requireFolder(alice.db, await alice.service.session.require(), folderId)).state.head).toEqual(headBefore);
  });
});

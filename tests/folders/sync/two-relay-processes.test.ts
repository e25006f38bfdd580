/**
 * Issue 13's run across real relay processes: two relay processes on one PostgreSQL database (skipped by
 * name without TEST_DATABASE_URL), three members with real vaults and the real folder handlers, each
 * call going to either process in turn. All three edit the same login from the same version and each adds
 * a login of their own at once; after syncing, every client holds the same folder (items, versions,
 * authors), the edit that the relay ordered last is the current one, and the other two are in its history:
 * no revision is lost.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requireFolder } from '../../../lib/folders/store/require-folder';
import type { Person } from '../../sharing/background/people';
import { RELAY_URL } from '../../sharing/background/relay-harness';
import { startPostgresRelays, type PostgresRelayProcesses } from '../../relay/postgres-relay-processes';
import type { RelayProcess } from '../../relay/spawn-relay';
import { TEST_DATABASE_URL } from '../../relay/store-cases';
import { sync, team, type TeamWorld } from '../background/folder-people';

const PROCESS_TIMEOUT_MS = 60_000;
const RUN_TIMEOUT_MS = 120_000;
/** Every call of the run comes from one address: raised so none is rate-limited. */
const LIMITS = { RATE_LIMIT_PER_ADDRESS: '100000', RATE_LIMIT_PER_IDENTITY: '100000' };

const login = (title: string, password: string) => ({ type: 'login' as const, title, username: `${title.toLowerCase()}@agency.example`, password, urls: [`https://${title.toLowerCase()}.example/login`] });

/** The services' relay address sent to each process in turn; the clock is the real one, as the processes' is. */
function overProcesses(relays: RelayProcess[]): TeamWorld {
  let next = 0;
  return {
    clock: {
      get now() {
        return Date.now();
      },
    },
    relay: {
      fetch: (input, init) => {
        const url = new URL(input instanceof Request ? input.url : input.toString());
        if (url.origin !== new URL(RELAY_URL).origin) throw new TypeError(`unexpected address ${url.origin}`);
        return fetch(new URL(url.pathname + url.search, relays[next++ % relays.length]!.baseUrl), init);
      },
    },
  };
}

/** The folder as this member's sealed record holds it: every item with its current version and history. */
async function folderAsStored(p: Person, folderId: string) {
  const folder = await requireFolder(p.db, await p.service.session.require(), folderId);
  return {
    head: folder.state.head,
    epoch: folder.state.epoch,
    items: Object.values(folder.applied.items)
      .map((item) => ({ itemId: item.itemId, rev: item.rev, author: item.author, item: item.item, conflict: item.conflict, history: item.history.map((v) => ({ rev: v.rev, author: v.author, item: v.item, conflict: v.conflict })) }))
      .sort((a, b) => a.itemId.localeCompare(b.itemId)),
  };
}

describe.skipIf(!TEST_DATABASE_URL)('shared folders across two relay processes [postgres]', () => {
  let processes: PostgresRelayProcesses | undefined;
  let relays: RelayProcess[] = [];
  beforeAll(async () => {
    processes = await startPostgresRelays(TEST_DATABASE_URL!, 'relay_team', 2, LIMITS);
    relays = processes.relays;
  }, PROCESS_TIMEOUT_MS);
  afterAll(() => processes?.stop());

  it('three members editing at once lose no revision and end with the same folder on every client', async () => {
    const { alice, bob, carol, contactIds } = await team(overProcesses(relays));
    const { folderId } = await alice.call('folderCreate', { name: 'Agency' });
    await alice.call('folderMemberAdd', { folderId, contactId: contactIds.alice!.bob!, role: 'editor', autofillOnly: false, accessEndsAt: null });
    await alice.call('folderMemberAdd', { folderId, contactId: contactIds.alice!.carol!, role: 'manager', autofillOnly: false, accessEndsAt: null });
    const { itemId } = await alice.call('folderItemAdd', { folderId, item: login('Mail', 'first') });
    await sync(bob, carol);
    const people = [alice, bob, carol];
    const baseRev = (await bob.call('folderGet', { folderId })).items[0]!.rev;

    // All at once: each edits Mail from the same version and adds a login of their own.
    await Promise.all(
      people.flatMap((p) => [
        p.call('folderItemEdit', { folderId, itemId, item: login('Mail', `edit-by-${p.handle}`), baseRev }),
        p.call('folderItemAdd', { folderId, item: login(`Own-${p.handle}`, `own-${p.handle}`) }),
      ]),
    );
    await sync(...people);
    await sync(...people);

    const stored = await Promise.all(people.map((p) => folderAsStored(p, folderId)));
    expect(stored[1]).toEqual(stored[0]);
    expect(stored[2]).toEqual(stored[0]);
    const views = await Promise.all(people.map((p) => p.call('folderGet', { folderId })));
    for (const view of views) expect(view.items.map((i) => [i.title, i.rev, i.changedBy])).toEqual(views[0]!.items.map((i) => [i.title, i.rev, i.changedBy]));
    expect(views[0]!.items.map((i) => i.title).sort()).toEqual(['Mail', 'Own-alice', 'Own-bob', 'Own-carol']);

    // Mail: the version the relay ordered last is current; the first and the other two edits are its history.
    const mail = stored[0]!.items.find((i) => i.itemId === itemId)!;
    const passwords = [mail.item, ...mail.history.map((v) => v.item)].map((item) => (item?.type === 'login' ? item.password : null));
    expect(passwords.sort()).toEqual(['edit-by-alice', 'edit-by-bob', 'edit-by-carol', 'first']);
    expect(mail.history.map((v) => v.rev)).toEqual([...mail.history.map((v) => v.rev)].sort((a, b) => a - b));
    expect(mail.rev).toBeGreaterThan(mail.history.at(-1)!.rev);
    // Three edits of one base: the first the relay ordered applies cleanly, the two after it are conflicts.
    expect([mail, ...mail.history].filter((v) => v.conflict)).toHaveLength(2);
    for (const p of people) {
      const current = await p.call('folderItemGet', { folderId, itemId });
      expect(current.rev).toBe(mail.rev);
      expect(current.item).toMatchObject({ password: mail.item?.type === 'login' ? mail.item.password : 'missing' });
    }
  }, RUN_TIMEOUT_MS);
});

/**
 * S1/T07 with sharing: after a whole share life (offer, accept, owner edit, edit-back, receipts, revoke,
 * a second share still live), a dump of both vaults' IndexedDB (every table, sharing ones included) and of
 * the relay's SQLite files, searched for the item's title, URL, username, password and notes, finds
 * nothing; the vault dumps hold neither person's handle nor the relay's address either (S1: identifying).
 */
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dumpDb, spellings, type Dump } from '../../vault/fixtures';
import { addByCode, addLogin, person, world } from './people';
import { RELAY_URL } from './relay-harness';

const markers = {
  title: 'SHARED-TITLE-MARKER-p4Qz',
  username: 'shared-user-marker-w8Kd@corpmarker.test',
  url: 'https://vpn.sitemarker-h2Rt.example/login',
  password: 'SHARED-PASSWORD-MARKER-x7Lm!',
  editedPassword: 'EDITED-BACK-MARKER-c3Vb',
  notes: 'SHARED-NOTES-MARKER-j5Ns',
};
const handles = ['alicemarker', 'bobmarker'];

describe('S1/T07: dumps after sharing hold no shared value', () => {
  let dir: string;
  let vaults: Dump[];
  let relayBytes: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'sealpass-relay-'));
    const w = await world(join(dir, 'relay.sqlite'));
    const alice = await person(w, handles[0]!);
    const bob = await person(w, handles[1]!);
    const bobId = await addByCode(alice, bob);
    await addByCode(bob, alice);
    const login = { title: markers.title, username: markers.username, urls: [markers.url], password: markers.password, notes: markers.notes };
    const itemId = await addLogin(alice, login);
    await alice.call('shareCreate', { itemId, contactIds: [bobId], permission: 'edit', expiry: '7d', confirmedUnverified: false });
    await bob.call('sharingSync', {});
    const [entry] = (await bob.call('inboxList', {})).shares;
    await bob.call('inboxAnswer', { id: entry!.id, answer: 'accept', confirmedUnverified: false });
    const { view } = await bob.call('receivedGet', { id: entry!.id });
    await bob.call('receivedEdit', { id: entry!.id, item: { type: 'login', ...login, password: markers.editedPassword }, baseVersion: view.item.rev });
    await alice.call('sharingSync', {});
    await bob.call('sharingSync', {});
    const second = await addLogin(alice, { ...login, title: `${markers.title} 2` });
    await alice.call('shareCreate', { itemId: second, contactIds: [bobId], permission: 'autofill-only', expiry: 'none', confirmedUnverified: false });
    await alice.call('shareRevoke', { itemId });
    await bob.call('sharingSync', {});
    vaults = [await dumpDb(alice.db), await dumpDb(bob.db)];
    const files = await readdir(dir);
    relayBytes = (await Promise.all(files.map((f) => readFile(join(dir, f))))).map((b) => b.toString('latin1')).join('\n');
    expect(files).toContain('relay.sqlite');
  });

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('the dumps really hold the sharing records (control)', () => {
    for (const dump of vaults) {
      const parsed = JSON.parse(dump.hex) as Record<string, unknown[]>;
      expect(parsed.identity).toHaveLength(1);
      expect(parsed.contacts).toHaveLength(1);
    }
    expect((JSON.parse(vaults[0]!.hex) as { shares: unknown[] }).shares).toHaveLength(2);
    expect((JSON.parse(vaults[1]!.hex) as { received: unknown[] }).received).toHaveLength(2);
    // The relay file holds the handles it routes by: the search below would find clear text.
    expect(relayBytes).toContain(handles[1]);
  });

  it.each(Object.entries(markers))('no trace of the %s in either vault or on the relay', (_field, marker) => {
    for (const spelling of spellings(marker)) {
      for (const dump of vaults) {
        expect(dump.hex).not.toContain(spelling);
        expect(dump.latin1).not.toContain(spelling);
      }
      expect(relayBytes).not.toContain(spelling);
    }
  });

  it('no trace of the URL host, the handles or the relay address in either vault', () => {
    for (const text of ['sitemarker-h2Rt', ...handles, new URL(RELAY_URL).host]) {
      for (const spelling of spellings(text)) {
        for (const dump of vaults) {
          expect(dump.hex).not.toContain(spelling);
          expect(dump.latin1).not.toContain(spelling);
        }
      }
    }
    expect(relayBytes).not.toContain('sitemarker-h2Rt');
  });
});

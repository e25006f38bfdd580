/**
 * Shared folders end to end through the real handlers, the real relay (in-process, SQLite) and three
 * vaults (issue 13): create, add people with roles, edit, the apply rule across clients, removal with
 * rotation and the rotate list, leave, delete, and the failure paths (not a manager, a viewer's edit, relay
 * down, a compare-and-swap conflict retried, a damaged record).
 */
import { describe, expect, it } from 'vitest';
import { flipStoredByte } from '../../sharing/flip-stored-byte';
import { HOUR } from '../../sharing/background/people';
import { sync, team } from './folder-people';

const login = (title: string, password: string) => ({ type: 'login' as const, title, username: `${title.toLowerCase()}@agency.example`, password, urls: [`https://${title.toLowerCase()}.example/login`] });

describe('shared folders through the handlers', () => {
  it('creates a folder, adds two people with roles, and every member ends with the same items and authors', async () => {
    const { alice, bob, carol, contactIds } = await team();
    const { folderId } = await alice.call('folderCreate', { name: 'Agency' });
    await alice.call('folderMemberAdd', { folderId, contactId: contactIds.alice!.bob!, role: 'editor', autofillOnly: false, accessEndsAt: null });
    await alice.call('folderMemberAdd', { folderId, contactId: contactIds.alice!.carol!, role: 'viewer', autofillOnly: true, accessEndsAt: null });
    const { itemId } = await alice.call('folderItemAdd', { folderId, item: login('Mail', 'first-pass-1') });
    await sync(bob, carol);

    const bobView = await bob.call('folderGet', { folderId });
    expect(bobView.role).toBe('editor');
    expect(bobView.items.map((i) => [i.title, i.changedBy])).toEqual([['Mail', 'alice']]);
    expect((await bob.call('folderItemGet', { folderId, itemId })).item).toMatchObject({ password: 'first-pass-1' });
    // Autofill only: Carol's UI never gets the password.
    const carolItem = await carol.call('folderItemGet', { folderId, itemId });
    expect(carolItem).toMatchObject({ masked: true, item: { password: '' } });

    await bob.call('folderItemEdit', { folderId, itemId, item: login('Mail', 'second-pass-2'), baseRev: bobView.items[0]!.rev });
    await sync(alice, carol);
    for (const p of [alice, bob, carol]) {
      const view = await p.call('folderGet', { folderId });
      expect(view.items.map((i) => [i.title, i.changedBy, i.conflict])).toEqual([['Mail', 'bob', false]]);
      expect(view.members.map((m) => [m.handle, m.role, m.autofillOnly])).toEqual([['alice', 'manager', false], ['bob', 'editor', false], ['carol', 'viewer', true]]);
    }
    expect((await alice.call('folderItemGet', { folderId, itemId })).item).toMatchObject({ password: 'second-pass-2' });
  });

  it('refuses a viewer’s edit and a non-manager adding people, and removal rotates: the removed one keeps nothing new (T23)', async () => {
    const { w, alice, bob, carol, contactIds } = await team();
    const { folderId } = await alice.call('folderCreate', { name: 'Agency' });
    await alice.call('folderMemberAdd', { folderId, contactId: contactIds.alice!.bob!, role: 'editor', autofillOnly: false, accessEndsAt: null });
    await alice.call('folderMemberAdd', { folderId, contactId: contactIds.alice!.carol!, role: 'viewer', autofillOnly: false, accessEndsAt: null });
    const { itemId } = await alice.call('folderItemAdd', { folderId, item: login('Bank', 'old-bank-pass') });
    await sync(bob, carol);
    w.clock.now += HOUR;

    expect(await carol.code('folderItemEdit', { folderId, itemId, item: login('Bank', 'carol-was-here'), baseRev: 1 })).toBe('forbidden');
    expect(await bob.code('folderMemberAdd', { folderId, contactId: contactIds.bob!.carol!, role: 'manager', autofillOnly: false, accessEndsAt: null })).toBe('forbidden');

    const carolFingerprint = (await alice.call('folderGet', { folderId })).members.find((m) => m.handle === 'carol')!.fingerprint;
    const { rotate } = await alice.call('folderMemberRemove', { folderId, fingerprint: carolFingerprint });
    expect(rotate).toMatchObject({ handle: 'carol', items: [{ itemId, title: 'Bank', changePasswordUrl: 'https://bank.example/.well-known/change-password' }] });
    expect((await alice.call('folderGet', { folderId })).rotate.map((r) => r.handle)).toEqual(['carol']);

    await sync(bob);
    await bob.call('folderItemAdd', { folderId, item: login('Payroll', 'new-after-removal') });
    await sync(carol, alice);
    // The relay serves the removed member nothing more; her copy says so, and holds nothing written since.
    const carolView = await carol.call('folderGet', { folderId });
    expect(carolView.alerts.map((a) => a.kind)).toContain('withheld');
    expect(carolView.items.map((i) => i.title)).toEqual(['Bank']);
    expect(JSON.stringify(await carol.call('folderList', {}))).not.toContain('Payroll');
    expect((await alice.call('folderGet', { folderId })).items.map((i) => i.title)).toEqual(['Bank', 'Payroll']);
    // Bob's copy rotated too: he reads what was written under the new key.
    expect((await bob.call('folderGet', { folderId })).epoch).toBe(2);
  });

  it('leaves nothing half-done when the relay is down (S8), and retries a compare-and-swap conflict', async () => {
    const { w, alice, bob, carol, contactIds } = await team();
    const { folderId } = await alice.call('folderCreate', { name: 'Agency' });
    await alice.call('folderMemberAdd', { folderId, contactId: contactIds.alice!.bob!, role: 'manager', autofillOnly: false, accessEndsAt: null });
    await sync(bob);

    w.relay.online = false;
    expect(await alice.code('folderItemAdd', { folderId, item: login('Mail', 'pw') })).toBe('internal');
    expect(await alice.code('folderMemberAdd', { folderId, contactId: contactIds.alice!.carol!, role: 'viewer', autofillOnly: false, accessEndsAt: null })).toBe('internal');
    w.relay.online = true;
    expect((await alice.call('folderGet', { folderId })).items).toEqual([]);
    expect((await alice.call('folderGet', { folderId })).members.map((m) => m.handle)).toEqual(['alice', 'bob']);

    // Bob (a manager too) appends first while Alice's entry is on its way: hers gets 409, is rebuilt, and lands.
    let raced = false;
    w.relay.tamper = async (request, forward) => {
      if (raced || request.method !== 'POST' || !new URL(request.url).pathname.endsWith('/log')) return undefined;
      raced = true;
      w.relay.tamper = null;
      await bob.call('folderMemberAdd', { folderId, contactId: contactIds.bob!.carol!, role: 'viewer', autofillOnly: false, accessEndsAt: null });
      return forward(request);
    };
    await alice.call('folderMemberRole', { folderId, fingerprint: (await alice.call('folderGet', { folderId })).members.find((m) => m.handle === 'bob')!.fingerprint, role: 'editor', autofillOnly: false, accessEndsAt: null });
    expect(raced).toBe(true);
    const view = await alice.call('folderGet', { folderId });
    expect(view.members.map((m) => [m.handle, m.role])).toEqual([['alice', 'manager'], ['bob', 'editor'], ['carol', 'viewer']]);
  });

  it('reports a damaged folder record and keeps the others (S8)', async () => {
    const { alice } = await team();
    const { folderId } = await alice.call('folderCreate', { name: 'Agency' });
    await alice.call('folderCreate', { name: 'Family' });
    await flipStoredByte(alice.db.folders, folderId);
    const list = await alice.call('folderList', {});
    expect(list.damaged).toBe(1);
    expect(list.folders.map((f) => f.name)).toEqual(['Family']);
    expect(await alice.code('folderGet', { folderId })).toBe('corrupted');
    expect(await alice.code('folderItemAdd', { folderId, item: login('Mail', 'pw') })).toBe('corrupted');
  });

  it('moves a vault item in only once the relay holds it, leaves and deletes', async () => {
    const { w, alice, bob, contactIds } = await team();
    const { folderId } = await alice.call('folderCreate', { name: 'Agency' });
    await alice.call('folderMemberAdd', { folderId, contactId: contactIds.alice!.bob!, role: 'viewer', autofillOnly: false, accessEndsAt: null });
    const { id } = await alice.call('itemCreate', { item: login('Wiki', 'wiki-pass') });
    w.relay.online = false;
    expect(await alice.code('folderItemMove', { folderId, vaultItemId: id })).toBe('internal');
    expect((await alice.call('itemList', {})).items.map((i) => i.id)).toEqual([id]);
    w.relay.online = true;
    await alice.call('folderItemMove', { folderId, vaultItemId: id });
    expect((await alice.call('itemList', {})).items).toEqual([]);
    expect((await alice.call('folderGet', { folderId })).items.map((i) => i.title)).toEqual(['Wiki']);

    await sync(bob);
    await bob.call('folderLeave', { folderId });
    expect((await bob.call('folderList', {})).folders).toEqual([]);
    await sync(alice);
    const after = await alice.call('folderGet', { folderId });
    expect(after.members.map((m) => m.handle)).toEqual(['alice']);
    // Bob left: Alice's client rotated by itself at the sync.
    expect(after.rotationNeeded).toBe(false);
    expect(after.epoch).toBe(2);
    await alice.call('folderDelete', { folderId });
    expect((await alice.call('folderList', {})).folders).toEqual([]);
  });
});

describe('a removal whose answer is lost', () => {
  it('keeps the new epoch’s key (stored before the entry is sent) and delivers it at the next sync', async () => {
    const { w, alice, bob, carol, contactIds } = await team();
    const { folderId } = await alice.call('folderCreate', { name: 'Agency' });
    await alice.call('folderMemberAdd', { folderId, contactId: contactIds.alice!.bob!, role: 'editor', autofillOnly: false, accessEndsAt: null });
    await alice.call('folderMemberAdd', { folderId, contactId: contactIds.alice!.carol!, role: 'viewer', autofillOnly: false, accessEndsAt: null });
    await sync(bob, carol);
    const carolFingerprint = (await alice.call('folderGet', { folderId })).members.find((m) => m.handle === 'carol')!.fingerprint;
    // The relay stores the removal, then the answer never arrives (as after a dropped connection).
    w.relay.tamper = async (request, forward) => {
      if (request.method !== 'POST' || !new URL(request.url).pathname.endsWith('/log')) return undefined;
      w.relay.tamper = null;
      await forward(request);
      throw new TypeError('fetch failed');
    };
    expect(await alice.code('folderMemberRemove', { folderId, fingerprint: carolFingerprint })).toBe('internal');
    await sync(alice);
    const view = await alice.call('folderGet', { folderId });
    expect([view.epoch, view.members.map((m) => m.handle)]).toEqual([2, ['alice', 'bob']]);
    // Bob gets epoch 2's key and reads what Alice writes under it.
    await alice.call('folderItemAdd', { folderId, item: login('Vault', 'after-lost-answer') });
    await sync(bob);
    expect((await bob.call('folderGet', { folderId })).items.map((i) => i.title)).toEqual(['Vault']);
  });
});

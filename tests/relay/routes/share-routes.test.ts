/** Revoking a share, against both stores: the poster's own envelopes only, all or some recipients, delivered envelopes untouched. */
import { beforeEach, expect, it } from 'vitest';
import { mailboxPageSchema } from '../../../lib/relay-protocol/envelope-schemas';
import { ENVELOPES_PATH, MAILBOX_ACK_PATH, MAILBOX_PATH, REVOKE_PATH } from '../../../lib/relay-protocol/relay-paths';
import { makeUser, postBody, shareId, testApp, type TestUser } from '../fixtures';
import { describeStores, useStore, type OpenedStore } from '../store-cases';

const HOUR = 3_600_000;
const alice = makeUser('alice');
const bob = makeUser('bob');
const carol = makeUser('carol');

describeStores('share routes', (storeCase) => {
  const openedStore = useStore(storeCase);
  let opened: OpenedStore;
  let t: ReturnType<typeof testApp>;
  const post = (from: TestUser, envelopes: unknown[]) => t.signed(from, 'POST', ENVELOPES_PATH, { body: postBody(envelopes) });
  const revoke = (by: TestUser, body: unknown) => t.signed(by, 'POST', REVOKE_PATH, { body });
  const envelopesOf = async (user: TestUser) => mailboxPageSchema.parse(await (await t.signed(user, 'GET', MAILBOX_PATH)).json()).envelopes;

  beforeEach(async () => {
    opened = openedStore();
    t = testApp(opened.store);
    await t.register(alice, bob, carol);
  });

  it("drops the share's undelivered envelopes; what was already delivered and acknowledged is not the relay's any more", async () => {
    const share = shareId();
    await post(alice, [{ to: 'bob', shareId: share, envelope: 'offer' }]);
    const [delivered] = await envelopesOf(bob);
    await t.signed(bob, 'POST', MAILBOX_ACK_PATH, { body: { ids: [delivered!.id] } });
    await post(alice, [
      { to: 'bob', shareId: share, envelope: 'update' },
      { to: 'carol', shareId: share, envelope: 'offer' },
    ]);
    const response = await revoke(alice, { shareId: share });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ dropped: 2 });
    expect(await envelopesOf(bob)).toEqual([]);
    expect(await envelopesOf(carol)).toEqual([]);
  });

  it('revokes for some recipients only, and the poster may still post to the share (a revocation notice)', async () => {
    const share = shareId();
    await post(alice, [
      { to: 'bob', shareId: share, envelope: 'offer' },
      { to: 'carol', shareId: share, envelope: 'offer' },
    ]);
    expect(await (await revoke(alice, { shareId: share, recipients: ['bob'] })).json()).toEqual({ dropped: 1 });
    expect(await envelopesOf(bob)).toEqual([]);
    expect((await envelopesOf(carol)).map((entry) => entry.envelope)).toEqual(['offer']);
    expect((await post(alice, [{ to: 'bob', shareId: share, envelope: 'revoked' }])).status).toBe(201);
  });

  it("keeps a share id its poster's own: another identity's revoke under it drops nothing of the poster's", async () => {
    const share = shareId();
    await post(alice, [{ to: 'carol', shareId: share, envelope: 'offer' }]);
    expect(await (await revoke(bob, { shareId: share })).json()).toEqual({ dropped: 0 });
    // Bob may post under the same id text, as his own: the envelope's signature says who sent it (T02), and
    // Alice's revoke leaves his alone as his revoke left hers.
    expect((await post(bob, [{ to: 'carol', shareId: share, envelope: 'bob-post' }])).status).toBe(201);
    expect(await (await revoke(alice, { shareId: share })).json()).toEqual({ dropped: 1 });
    expect((await envelopesOf(carol)).map((entry) => [entry.from, entry.envelope])).toEqual([['bob', 'bob-post']]);
  });

  it("T04: a share id stays its poster's after every post of it expired: a second identity cannot take it over and block the owner's revoke", async () => {
    const share = shareId();
    const bob2 = makeUser('bob-second');
    await t.register(bob2);
    await post(alice, [{ to: 'bob', shareId: share, envelope: 'offer', expiresAt: t.clock.now() + HOUR }]);
    const [offer] = await envelopesOf(bob);
    await t.signed(bob, 'POST', MAILBOX_ACK_PATH, { body: { ids: [offer!.id] } });
    t.clock.advance(HOUR);
    await opened.store.purgeExpired(t.clock.now());
    // Bob, the recipient, posts under Alice's share id from a second identity once the relay has nothing left of it.
    expect((await post(bob2, [{ to: 'alice', shareId: share, envelope: 'claim' }])).status).toBe(201);
    const relaySide = await revoke(alice, { shareId: share, recipients: ['bob'] });
    expect(relaySide.status).toBe(200);
    const notice = await post(alice, [{ to: 'bob', shareId: share, envelope: 'revoke' }]);
    expect(notice.status).toBe(201);
    expect((await envelopesOf(bob)).map((entry) => entry.envelope)).toEqual(['revoke']);
    // Nor can the second identity drop the owner's envelopes under that id: its revoke drops its own post only.
    expect(await (await revoke(bob2, { shareId: share })).json()).toEqual({ dropped: 1 });
    expect((await envelopesOf(bob)).map((entry) => entry.envelope)).toEqual(['revoke']);
  });

  it('answers 0 for a share it does not know, and 400 for a malformed request', async () => {
    expect(await (await revoke(alice, { shareId: shareId() })).json()).toEqual({ dropped: 0 });
    expect((await revoke(alice, {})).status).toBe(400);
    expect((await revoke(alice, { shareId: shareId(), recipients: [] })).status).toBe(400);
  });
});

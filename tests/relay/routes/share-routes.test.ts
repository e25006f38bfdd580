/** Revoking a share, against both stores: only its poster, all or some recipients, delivered envelopes untouched. */
import { beforeEach, expect, it } from 'vitest';
import { mailboxPageSchema } from '../../../lib/relay-protocol/envelope-schemas';
import { relayErrorBodySchema } from '../../../lib/relay-protocol/relay-error-body';
import { ENVELOPES_PATH, MAILBOX_ACK_PATH, MAILBOX_PATH, REVOKE_PATH } from '../../../lib/relay-protocol/relay-paths';
import { makeUser, shareId, testApp, type TestUser } from '../fixtures';
import { describeStores, useStore, type OpenedStore } from '../store-cases';

const alice = makeUser('alice');
const bob = makeUser('bob');
const carol = makeUser('carol');

describeStores('share routes', (storeCase) => {
  const openedStore = useStore(storeCase);
  let opened: OpenedStore;
  let t: ReturnType<typeof testApp>;
  const post = (from: TestUser, envelopes: unknown[]) => t.signed(from, 'POST', ENVELOPES_PATH, { body: { envelopes } });
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

  it('lets nobody but the poster revoke a share or post under its id (403)', async () => {
    const share = shareId();
    await post(alice, [{ to: 'carol', shareId: share, envelope: 'offer' }]);
    const byBob = await revoke(bob, { shareId: share });
    expect(byBob.status).toBe(403);
    expect(relayErrorBodySchema.parse(await byBob.json()).error).toBe('forbidden');
    const hijack = await post(bob, [{ to: 'carol', shareId: share, envelope: 'forged update' }]);
    expect(hijack.status).toBe(403);
    expect(relayErrorBodySchema.parse(await hijack.json()).shareIds).toEqual([share]);
    expect((await envelopesOf(carol)).map((entry) => entry.envelope)).toEqual(['offer']);
  });

  it('answers 0 for a share it does not know, and 400 for a malformed request', async () => {
    expect(await (await revoke(alice, { shareId: shareId() })).json()).toEqual({ dropped: 0 });
    expect((await revoke(alice, {})).status).toBe(400);
    expect((await revoke(alice, { shareId: shareId(), recipients: [] })).status).toBe(400);
  });
});

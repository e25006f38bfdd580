/**
 * T07 (clear metadata), against both stores: Alice shares a real login with Bob and Carol through the
 * relay, sealed with lib/sharing's sealEnvelope; the relay's database — every row, and for SQLite the raw
 * files with their WAL — searched for the item's title, URL, host, username, password and notes finds
 * nothing, while the envelopes themselves are there to be searched.
 */
import { beforeEach, expect, it } from 'vitest';
import { ENVELOPES_PATH, MAILBOX_ACK_PATH, MAILBOX_PATH } from '../../lib/relay-protocol/relay-paths';
import { newShareId } from '../../lib/sharing/envelope/new-share-id';
import { sealEnvelope } from '../../lib/sharing/envelope/seal-envelope';
import { loginSchema } from '../../lib/vault/model/item-schema';
import { makeUser, postBody, testApp } from './fixtures';
import { describeStores, useStore, type OpenedStore } from './store-cases';

const alice = makeUser('alice');
const bob = makeUser('bob');
const carol = makeUser('carol');

const item = loginSchema.parse({
  type: 'login',
  title: 'Payroll Portal Quartzwing',
  username: 'finance.lead@quartzwing-payroll.example',
  password: 'Tr0ub4dor&3-zebra-Vellum',
  urls: ['https://payroll.quartzwing-payroll.example/login'],
  notes: 'Ask Priya before changing the MFA phone',
  createdAt: 1,
  updatedAt: 2,
});
const SECRETS = ['Payroll Portal Quartzwing', 'finance.lead', 'quartzwing-payroll', 'Tr0ub4dor&3-zebra-Vellum', 'payroll.quartzwing', 'Ask Priya'];

describeStores('T07 relay database dump', (storeCase) => {
  const openedStore = useStore(storeCase);
  let opened: OpenedStore;
  let t: ReturnType<typeof testApp>;

  beforeEach(async () => {
    opened = openedStore();
    t = testApp(opened.store);
    await t.register(alice, bob, carol);
  });

  it('holds only opaque ids and sealed envelopes: no title, URL, username, password, notes, item id or kind', async () => {
    const shareId = newShareId();
    const now = t.clock.now();
    const envelopes = [bob, carol].map((recipient) => ({
      to: recipient.handle,
      shareId,
      envelope: sealEnvelope(alice.identity, recipient.identity, {
        shareId,
        itemId: 'item-0f8fad5b',
        version: 1,
        created: now,
        body: { kind: 'share-offer', item, permission: 'autofill-only', expiresAt: null },
      }),
    }));
    expect((await t.signed(alice, 'POST', ENVELOPES_PATH, { body: postBody(envelopes) })).status).toBe(201);
    // Bob receives and acknowledges his; Carol's stays in her mailbox.
    const page = (await (await t.signed(bob, 'GET', MAILBOX_PATH)).json()) as { envelopes: { id: number }[] };
    await t.signed(bob, 'POST', MAILBOX_ACK_PATH, { body: { ids: page.envelopes.map((entry) => entry.id) } });

    const rows = await opened.dumpRows();
    const files = opened.dumpFiles();
    // The search covers the envelope column: Carol's envelope is there, byte for byte.
    expect(rows).toContain(JSON.stringify(envelopes[1]!.envelope).slice(1, 200));
    if (files !== null) expect(files).toContain(shareId);
    for (const dump of [rows, files ?? '']) {
      for (const secret of SECRETS) expect(dump.toLowerCase()).not.toContain(secret.toLowerCase());
      // Nor the owner's item id or what kind of message it is (sealed inside the envelope).
      for (const metadata of ['item-0f8fad5b', 'share-offer']) expect(dump).not.toContain(metadata);
    }
  });
});

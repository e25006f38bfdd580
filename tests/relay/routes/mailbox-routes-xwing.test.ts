/**
 * Issue 16, sizes: post-quantum envelopes are about 1.5 KB larger (the 1,120-byte X-Wing encapsulation in
 * base64). One item shared to 100 contacts, the most one post carries (MAX_BATCH), must still go in one
 * call under the relay's default limits, on both stores, and so must 100 envelopes at the 64 KiB maximum.
 */
import { beforeEach, expect, it } from 'vitest';
import { fromBase64 } from '../../../lib/crypto/base64';
import { mailboxPageSchema } from '../../../lib/relay-protocol/envelope-schemas';
import { MAX_BATCH, MAX_BODY_BYTES, MAX_ENVELOPE_BYTES } from '../../../lib/relay-protocol/relay-limits';
import { ENVELOPES_PATH, MAILBOX_PATH } from '../../../lib/relay-protocol/relay-paths';
import { newShareId } from '../../../lib/sharing/envelope/new-share-id';
import { openEnvelope } from '../../../lib/sharing/envelope/open-envelope';
import { readEnvelopeAddress } from '../../../lib/sharing/envelope/read-envelope-address';
import { sealEnvelope, type EnvelopeDraft } from '../../../lib/sharing/envelope/seal-envelope';
import type { PublicIdentity } from '../../../lib/sharing/identity/identity';
import { itemContentSchema } from '../../../lib/vault/model/item-schema';
import { makeUser, T0, testApp, type TestUser } from '../fixtures';
import { describeStores, useStore } from '../store-cases';

const alice = makeUser('alice');
const contacts = Array.from({ length: MAX_BATCH }, (_, i) => makeUser(`contact-${i}`));
const pinned = (user: TestUser): PublicIdentity => {
  const { handle, encryptionKey, signingKey, xwingKey } = user.identity;
  return { handle, encryptionKey, signingKey, ...(xwingKey ? { xwingKey } : {}) };
};

function offer(notes = ''): EnvelopeDraft {
  const item = itemContentSchema.parse({ type: 'login', title: 'Staging database', username: 'deploy@example.org', password: 'correct horse battery staple', urls: ['https://db.example.org/login'], notes, createdAt: T0, updatedAt: T0 });
  return { shareId: newShareId(), itemId: 'a1b2c3d4e5f60718293a4b5c6d7e8f90', version: 1, created: T0, body: { kind: 'share-offer', item, permission: 'view', expiresAt: null } };
}

/** Notes long enough that the X-Wing offer is as close to 64 KiB as it may be. */
function largestNotes(): string {
  const base = sealEnvelope(alice.identity, pinned(contacts[0]!), offer()).length;
  let length = Math.floor(((MAX_ENVELOPE_BYTES - base) * 3) / 4);
  for (;;) {
    try {
      sealEnvelope(alice.identity, pinned(contacts[0]!), offer('n'.repeat(length)));
      return 'n'.repeat(length);
    } catch {
      length -= 8;
    }
  }
}

describeStores('issue 16: a full batch of X-Wing envelopes fits the relay limits', (storeCase) => {
  const openedStore = useStore(storeCase);
  let t: ReturnType<typeof testApp>;

  beforeEach(async () => {
    const { store } = openedStore();
    t = testApp(store);
    // Straight into the store: the registration rate per address is not what this is about.
    for (const user of [alice, ...contacts]) await store.registerIdentity(user.bundle, T0);
  });

  const postBatch = (texts: string[]) => {
    const body = { envelopes: texts.map((envelope, i) => ({ id: `xwing-batch-post-${String(i).padStart(4, '0')}`, to: contacts[i]!.handle, shareId: newShareId(), envelope })) };
    expect(JSON.stringify(body).length).toBeLessThan(MAX_BODY_BYTES);
    return t.signed(alice, 'POST', ENVELOPES_PATH, { body });
  };

  it('one login to 100 contacts with X-Wing keys: 100 post-quantum envelopes in one post under the default limits, each opened by its recipient', async () => {
    const draft = offer();
    const texts = contacts.map((c) => sealEnvelope(alice.identity, pinned(c), draft));
    const classic = sealEnvelope(alice.identity, { ...pinned(contacts[0]!), xwingKey: undefined }, draft);
    for (const text of texts) {
      expect(readEnvelopeAddress(text).address.suite).toBe('xwing');
      expect(fromBase64(readEnvelopeAddress(text).enc)).toHaveLength(1120);
    }
    // What the post-quantum suite costs per envelope: the encapsulation's base64 and the longer suite name.
    expect(texts[0]!.length - classic.length).toBe(1496 - 44 + 'xwing'.length - 'x25519'.length);
    const response = await postBatch(texts);
    expect(response.status).toBe(201);
    for (const i of [0, 57, MAX_BATCH - 1]) {
      const listed = await t.signed(contacts[i]!, 'GET', MAILBOX_PATH);
      const [entry] = mailboxPageSchema.parse(await listed.json()).envelopes;
      expect(openEnvelope(entry!.envelope, contacts[i]!.identity, pinned(alice)).header.suite).toBe('xwing');
    }
  });

  it('100 X-Wing envelopes at the 64 KiB maximum post in one call as well', async () => {
    const notes = largestNotes();
    const texts = contacts.map((c) => sealEnvelope(alice.identity, pinned(c), offer(notes)));
    expect(Math.max(...texts.map((text) => text.length))).toBeLessThanOrEqual(MAX_ENVELOPE_BYTES);
    expect(Math.min(...texts.map((text) => text.length))).toBeGreaterThan(MAX_ENVELOPE_BYTES - 64);
    expect((await postBatch(texts)).status).toBe(201);
  });
});

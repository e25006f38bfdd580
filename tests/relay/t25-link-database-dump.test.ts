/**
 * T07/T25/T26 for links and requests, against both stores: after a link (with a passphrase) is created and
 * opened, and a request is created and answered, the relay's database — every row, and for SQLite the raw
 * files with their WAL — holds no title, field value, passphrase, label, link or request secret, token, or
 * key; only ids, token hashes and sealed text.
 */
import { bytesToHex } from '@noble/hashes/utils.js';
import { beforeEach, expect, it } from 'vitest';
import { toBase64 } from '../../lib/crypto/base64';
import { deriveLinkKeys } from '../../lib/links/format/derive-link-keys';
import { deriveRequestKeys } from '../../lib/links/format/derive-request-keys';
import { encodeLinkSecret } from '../../lib/links/format/link-secret';
import { sealRequestAnswer } from '../../lib/links/format/seal-request-answer';
import { signOpenedProof } from '../../lib/links/format/sign-opened-proof';
import { createLinkOwnerClient } from '../../lib/relay-protocol/link-owner-client';
import { createLinkPublicClient } from '../../lib/relay-protocol/link-public-client';
import { makeUser, testApp } from './fixtures';
import { appFetch, LINK_PASSWORD, LINK_TITLE, LINK_USERNAME, makeLink, makeRequest, REQUEST_LABEL } from './link-fixtures';
import { describeStores, useStore, type OpenedStore } from './store-cases';

const alice = makeUser('alice');
const PASSPHRASE = 'marigold-tessellate';
const ANSWER_PASSWORD = 'Answer-Pw-Ophelia-3391';

describeStores('T25 link database dump', (storeCase) => {
  const openedStore = useStore(storeCase);
  let opened: OpenedStore;
  let t: ReturnType<typeof testApp>;

  beforeEach(async () => {
    opened = openedStore();
    t = testApp(opened.store);
    await t.register(alice);
  });

  it('holds no secret, key, token, label or plaintext of links, requests or answers', async () => {
    const fetch = appFetch(t.app);
    const owner = createLinkOwnerClient({ baseUrl: 'http://relay.test', signer: alice.signer, fetch, now: t.clock.now });
    const page = createLinkPublicClient({ baseUrl: 'http://relay.test', fetch });
    const link = await makeLink(t.clock.now(), { maxViews: 2, passphrase: PASSPHRASE });
    await owner.createLink(link.wire);
    const linkKeys = await deriveLinkKeys(link.secret, PASSPHRASE);
    await page.reveal(link.wire.id, linkKeys.token);
    await page.opened(link.wire.id, signOpenedProof(link.content.receiptSeed, link.wire.id, t.clock.now()));

    const request = makeRequest(alice, t.clock.now(), 2);
    await owner.createRequest(request.wire);
    const requestKeys = deriveRequestKeys(request.secret);
    await page.answer(request.wire.id, requestKeys.token, sealRequestAnswer(request.descriptor, { v: 1, username: 'ops-root', password: ANSWER_PASSWORD }));

    const rows = await opened.dumpRows();
    const files = opened.dumpFiles();
    // The search reaches the right rows: the link id, its token hash and the sealed content are there.
    expect(rows).toContain(link.wire.id);
    expect(rows).toContain(link.wire.tokenHash);
    expect(rows).toContain(request.wire.id);
    const secrets = [
      LINK_TITLE, LINK_USERNAME, LINK_PASSWORD, PASSPHRASE, REQUEST_LABEL, ANSWER_PASSWORD, 'ops-root',
      encodeLinkSecret(link.secret), encodeLinkSecret(request.secret), linkKeys.token, requestKeys.token,
      link.content.receiptSeed, toBase64(linkKeys.contentKey), bytesToHex(linkKeys.contentKey), request.descriptor.publicKey,
    ];
    for (const dump of [rows, files ?? '']) {
      for (const secret of secrets) expect(dump.toLowerCase(), secret.slice(0, 6)).not.toContain(secret.toLowerCase());
    }
  });
});

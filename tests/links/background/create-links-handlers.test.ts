/**
 * The link and request handlers end to end (issue 14): vaults with the real handlers, through the real
 * relay app (tests/sharing/background's harness). A link made from an item reveals once in another
 * person's background and the owner sees the proven opening; a passphrase link refuses a wrong passphrase
 * without spending; revocation ends a link; a request is answered from outside and accepted into the
 * vault; answers the relay moved to another request, or descriptors it swapped, are refused (T26); every
 * step is in the audit log.
 */
import { describe, expect, it } from 'vitest';
import { addLogin, DAY, person, world } from '../../sharing/background/people';

async function pair() {
  const w = await world();
  const alice = await person(w, 'alice');
  // Bob needs no identity to open a link or answer a request: the outsider's path.
  const bob = await person(w, 'bob', false);
  return { w, alice, bob };
}

const auditTypes = async (p: Awaited<ReturnType<typeof person>>) => (await p.call('auditList', {})).events.map((event) => event.type);

describe('one-time links', () => {
  it('sends chosen fields of an item; the reader reveals once; the owner sees the proven opening', async () => {
    const { alice, bob } = await pair();
    const itemId = await addLogin(alice, { title: 'Acme hosting', username: 'ops@acme.test', password: 'Orchid-Lamp-771', notes: 'not this' });
    const { url, id } = await alice.call('linkCreate', { source: { kind: 'item', itemId, fields: ['username', 'password'] }, expiry: '1d', maxViews: 1, passphrase: '' });
    expect(url).toMatch(/^http:\/\/relay\.test\/l\/#[A-Za-z0-9_-]{43}$/);
    expect(await bob.call('linkInspect', { url })).toMatchObject({ kind: 'link', state: 'active', viewsLeft: 1, maxViews: 1, passphrase: false });
    const revealed = await bob.call('linkReveal', { url, passphrase: '' });
    expect(revealed.title).toBe('Acme hosting');
    expect(revealed.fields.map((f) => [f.name, f.value])).toEqual([
      ['username', 'ops@acme.test'],
      ['password', 'Orchid-Lamp-771'],
    ]);
    expect(revealed.viewsLeft).toBe(0);
    expect(await bob.code('linkReveal', { url, passphrase: '' })).toBe('not-found');
    const [listed] = (await alice.call('linkList', {})).links;
    expect(listed).toMatchObject({ id, title: 'Acme hosting', state: 'spent', viewsLeft: 0, fields: ['username', 'password'] });
    expect(listed?.openedAt).toHaveLength(1);
    expect((await alice.call('linkCopyUrl', { id, kind: 'link' })).url).toBe(url);
    expect(await auditTypes(alice)).toEqual(expect.arrayContaining(['link-created', 'link-opened']));
  });

  it('T25: a wrong passphrase spends nothing; the right one reveals a free text', async () => {
    const { alice, bob } = await pair();
    const { url } = await alice.call('linkCreate', { source: { kind: 'text', title: 'Door code', text: '4417#' }, expiry: '1h', maxViews: 2, passphrase: 'blue heron' });
    expect(await bob.call('linkInspect', { url })).toMatchObject({ passphrase: true, viewsLeft: 2 });
    expect(await bob.code('linkReveal', { url, passphrase: 'blue herons' })).toBe('forbidden');
    expect(await bob.code('linkReveal', { url, passphrase: '' })).toBe('invalid-request');
    expect(await bob.call('linkInspect', { url })).toMatchObject({ viewsLeft: 2 });
    const revealed = await bob.call('linkReveal', { url, passphrase: 'blue heron' });
    expect(revealed.fields).toEqual([{ name: 'text', label: 'Message', value: '4417#', concealed: false }]);
    expect(revealed.viewsLeft).toBe(1);
  });

  it('revoking ends a link; expiry ends it on the owner’s list', async () => {
    const { w, alice, bob } = await pair();
    const first = await alice.call('linkCreate', { source: { kind: 'text', title: 'a', text: 'one' }, expiry: '1h', maxViews: 5, passphrase: '' });
    await alice.call('linkCreate', { source: { kind: 'text', title: 'b', text: 'two' }, expiry: '1h', maxViews: 5, passphrase: '' });
    await alice.call('linkRevoke', { id: first.id });
    expect(await bob.code('linkReveal', { url: first.url, passphrase: '' })).toBe('not-found');
    w.clock.now += DAY;
    const states = (await alice.call('linkList', {})).links.map((link) => [link.title, link.state]);
    expect(states.sort()).toEqual([
      ['a', 'revoked'],
      ['b', 'expired'],
    ]);
    expect(await auditTypes(alice)).toContain('link-revoked');
  });

  it('a relay that reports an opening nobody proved does not make the owner see one', async () => {
    const { w, alice } = await pair();
    await alice.call('linkCreate', { source: { kind: 'text', title: 'Quiet', text: 'unopened' }, expiry: '1h', maxViews: 2, passphrase: '' });
    w.relay.tamper = async (request, forward) => {
      const response = await forward(request);
      if (request.method !== 'GET' || new URL(request.url).pathname !== '/v1/links') return response;
      const body = (await response.json()) as { links: { opens: unknown[]; viewsLeft: number }[] };
      const forged = { nonce: 'A'.repeat(22), at: w.clock.now, proof: 'B'.repeat(86) + '==' };
      return Response.json({ links: body.links.map((link) => ({ ...link, viewsLeft: link.viewsLeft + 5, opens: [forged] })) });
    };
    const [listed] = (await alice.call('linkList', {})).links;
    expect(listed).toMatchObject({ viewsLeft: 2, openedAt: [] });
    expect(await auditTypes(alice)).not.toContain('link-opened');
  });

  it('refuses an item without the chosen values, and links without a sharing identity', async () => {
    const { alice, bob } = await pair();
    const itemId = await addLogin(alice, { totp: '' });
    expect(await alice.code('linkCreate', { source: { kind: 'item', itemId, fields: ['totp'] }, expiry: '1h', maxViews: 1, passphrase: '' })).toBe('invalid-request');
    expect(await bob.code('linkCreate', { source: { kind: 'text', title: 't', text: 'x' }, expiry: '1h', maxViews: 1, passphrase: '' })).toBe('not-found');
    expect(await bob.code('linkInspect', { url: 'https://example.com/l/' })).toBe('invalid-request');
  });
});

describe('secret requests', () => {
  it('an outsider answers; the owner sees it in the inbox as from the link’s holder and accepts it into the vault', async () => {
    const { alice, bob } = await pair();
    const { url } = await alice.call('requestCreate', { label: 'hosting login for Acme', expiry: '7d', maxAnswers: 1 });
    const seen = await bob.call('linkInspect', { url });
    const aliceCode = (await alice.call('sharingStatus', {})).identity?.ownCode;
    expect(seen).toMatchObject({ kind: 'request', state: 'active', label: 'hosting login for Acme', owner: 'alice', safetyCode: aliceCode });
    expect(await bob.call('requestAnswer', { url, answer: { username: 'acme-root', password: 'Kite-Sable-90', url: 'https://panel.acme.test', note: '' } })).toMatchObject({ owner: 'alice' });
    expect(await bob.code('requestAnswer', { url, answer: { username: 'again', password: '', url: '', note: '' } })).toBe('not-found');

    const listed = await alice.call('requestList', {});
    expect(listed.requests).toMatchObject([{ label: 'hosting login for Acme', state: 'answered', received: 1, answersLeft: 0 }]);
    expect(listed.answers).toMatchObject([{ label: 'hosting login for Acme', hasUsername: true, hasPassword: true, url: 'https://panel.acme.test' }]);
    const answerId = listed.answers[0]!.id;
    expect((await alice.call('answerGet', { id: answerId })).answer).toMatchObject({ username: 'acme-root', password: 'Kite-Sable-90' });
    const { itemId } = await alice.call('answerAccept', { id: answerId, title: 'Acme hosting' });
    const { item } = await alice.call('itemGet', { id: itemId });
    expect(item.content).toMatchObject({ type: 'login', title: 'Acme hosting', username: 'acme-root', password: 'Kite-Sable-90', urls: ['https://panel.acme.test'] });
    expect(item.content.notes).toMatch(/from the holder of the link “hosting login for Acme” \(not a verified contact\)/);
    expect((await alice.call('requestList', {})).answers).toEqual([]);
    expect(await auditTypes(alice)).toEqual(expect.arrayContaining(['request-created', 'request-answered', 'request-answer-accepted']));
  });

  it('declines an answer without saving it; a withdrawn request takes no answer', async () => {
    const { alice, bob } = await pair();
    const { url, id } = await alice.call('requestCreate', { label: 'wifi', expiry: '1d', maxAnswers: 2 });
    await bob.call('requestAnswer', { url, answer: { username: '', password: 'guest-pass', url: '', note: '' } });
    const [entry] = (await alice.call('requestList', {})).answers;
    await alice.call('answerDecline', { id: entry!.id });
    expect((await alice.call('requestList', {})).answers).toEqual([]);
    await alice.call('requestRevoke', { id });
    expect(await bob.code('requestAnswer', { url, answer: { username: '', password: 'late', url: '', note: '' } })).toBe('not-found');
    expect(await auditTypes(alice)).toEqual(expect.arrayContaining(['request-answer-declined', 'request-revoked']));
  });

  it('T26: an answer the relay moves to another request does not open and never reaches the inbox', async () => {
    const { w, alice, bob } = await pair();
    const first = await alice.call('requestCreate', { label: 'first', expiry: '1d', maxAnswers: 1 });
    const second = await alice.call('requestCreate', { label: 'second', expiry: '1d', maxAnswers: 1 });
    await bob.call('requestAnswer', { url: first.url, answer: { username: '', password: 'for-first', url: '', note: '' } });
    w.relay.tamper = async (request, forward) => {
      const response = await forward(request);
      if (request.method !== 'GET' || new URL(request.url).pathname !== '/v1/requests') return response;
      const body = (await response.json()) as { answers: { requestId: string }[] };
      return Response.json({ ...body, answers: body.answers.map((answer) => ({ ...answer, requestId: second.id })) });
    };
    expect((await alice.call('requestList', {})).answers).toEqual([]);
  });

  it('T26: a descriptor swapped by the relay is refused before anything is sent', async () => {
    const { w, alice, bob } = await pair();
    const mine = await alice.call('requestCreate', { label: 'mine', expiry: '1d', maxAnswers: 1 });
    const other = await alice.call('requestCreate', { label: 'other', expiry: '1d', maxAnswers: 1 });
    const otherMeta = await (await w.relay.fetch(`http://relay.test/v1/requests/${other.id}`)).json();
    w.relay.tamper = async (request, forward) =>
      request.method === 'GET' && new URL(request.url).pathname === `/v1/requests/${mine.id}` ? Response.json({ ...(otherMeta as object), id: mine.id }) : forward(request);
    expect(await bob.code('linkInspect', { url: mine.url })).toBe('forbidden');
    expect(await bob.code('requestAnswer', { url: mine.url, answer: { username: '', password: 'x', url: '', note: '' } })).toBe('forbidden');
  });
});

/** acceptIncoming, rule by rule, on hand-built opened envelopes: every decision and every refusal reason. */
import { describe, expect, it } from 'vitest';
import { acceptIncoming, type LocalShareState } from '../../../lib/sharing/grants/accept-incoming';
import type { EnvelopeBody, EnvelopeHeader, OpenedEnvelope } from '../../../lib/sharing/envelope/envelope-schema';
import type { Grant, ReceivedShare } from '../../../lib/sharing/grants/grant';
import { pinContact } from '../../../lib/sharing/contacts/pin-contact';
import { contactOf, DAY, NOW, person, publicOf, sampleLogin } from '../fixtures';

const alice = contactOf(person('alice'));
const bob = contactOf(person('bob'));
const SHARE = 'AAECAwQFBgcICQoLDA0ODw==';

function envelope(from: typeof alice, body: EnvelopeBody, version: number, extra: Partial<EnvelopeHeader> = {}): OpenedEnvelope {
  return {
    header: {
      v: 2,
      suite: 'x25519',
      kind: body.kind,
      sender: { handle: from.handle, fingerprint: from.fingerprint },
      recipient: { fingerprint: 'x'.repeat(43) + '=' },
      shareId: SHARE,
      itemId: 'item-1',
      version,
      created: NOW,
      ...extra,
    },
    body,
  };
}

const update = (version: number, expiresAt: number | null = null, kind: 'share-offer' | 'share-update' = 'share-update') =>
  envelope(alice, { kind, item: sampleLogin(`v${version}`), permission: 'view', expiresAt }, version, expiresAt === null ? {} : { expiresAt });

const received: ReceivedShare = {
  shareId: SHARE,
  itemId: 'item-1',
  owner: { handle: 'alice', fingerprint: alice.fingerprint },
  permission: 'view',
  expiresAt: null,
  state: 'accepted',
  version: 3,
  myVersion: 1,
  item: sampleLogin('v3'),
  receivedAt: NOW - DAY,
};

const grant: Grant = {
  shareId: SHARE,
  itemId: 'item-1',
  recipient: { handle: 'bob', fingerprint: bob.fingerprint },
  permission: 'edit',
  since: NOW - DAY,
  until: NOW + DAY,
  state: 'accepted',
  version: 3,
  recipientVersion: 2,
  deliveredAt: null,
  acceptedAt: NOW - DAY,
  lastOpenedAt: null,
  endedAt: null,
};

const asRecipient = (extra: Partial<LocalShareState> = {}): LocalShareState => ({ contact: alice, received, now: NOW, ...extra });
const asOwner = (extra: Partial<LocalShareState> = {}): LocalShareState => ({ contact: bob, grant, now: NOW, ...extra });
const proposal = (version: number, baseVersion = 3) => envelope(bob, { kind: 'edit-proposal', item: sampleLogin('edited'), baseVersion }, version);
const receipt = (version: number, event: 'delivered' | 'accepted' | 'declined' | 'opened', at = NOW) => envelope(bob, { kind: 'receipt', event, at }, version);

describe('acceptIncoming: owner messages at the recipient', () => {
  it('stores a new offer as pending; an offer at version > 1 reports the missing versions', () => {
    expect(acceptIncoming(update(1, NOW + DAY, 'share-offer'), { contact: alice, now: NOW })).toMatchObject({
      action: 'store-offer',
      missing: null,
      share: { shareId: SHARE, itemId: 'item-1', state: 'pending', version: 1, myVersion: 0, expiresAt: NOW + DAY, receivedAt: NOW },
    });
    expect(acceptIncoming(update(4, null, 'share-offer'), { contact: alice, now: NOW })).toMatchObject({ missing: { from: 1, to: 3 } });
  });

  it('an update for an unknown share stands in for a withheld offer, with the gap reported (T04)', () => {
    expect(acceptIncoming(update(2), { contact: alice, now: NOW })).toMatchObject({ action: 'store-offer', missing: { from: 1, to: 1 } });
  });

  it('applies the next version, and reports a jump as missing versions (T04)', () => {
    expect(acceptIncoming(update(4), asRecipient())).toMatchObject({ action: 'apply-update', missing: null, share: { version: 4, state: 'accepted' } });
    expect(acceptIncoming(update(7), asRecipient())).toMatchObject({ action: 'apply-update', missing: { from: 4, to: 6 }, share: { version: 7 } });
  });

  it('refuses an equal or older version (T04)', () => {
    for (const v of [1, 2, 3]) expect(acceptIncoming(update(v), asRecipient())).toEqual({ action: 'refuse', reason: 'stale-version' });
    expect(acceptIncoming(envelope(alice, { kind: 'share-revoke' }, 3), asRecipient())).toEqual({ action: 'refuse', reason: 'stale-version' });
  });

  it('refuses another item id under the same share id (T03)', () => {
    expect(acceptIncoming({ ...update(4), header: { ...update(4).header, itemId: 'item-2' } }, asRecipient())).toEqual({
      action: 'refuse',
      reason: 'item-mismatch',
    });
  });

  it('refuses owner messages from someone who is not the owner', () => {
    expect(acceptIncoming(envelope(bob, { kind: 'share-revoke' }, 9), { contact: bob, received, now: NOW })).toEqual({ action: 'refuse', reason: 'not-owner' });
    // I own this share id: nobody else may offer or update under it.
    expect(acceptIncoming(update(9), { contact: alice, grant, now: NOW })).toEqual({ action: 'refuse', reason: 'not-owner' });
  });

  it('a revoke deletes the copy; for an unknown share it is refused', () => {
    expect(acceptIncoming(envelope(alice, { kind: 'share-revoke' }, 5), asRecipient())).toEqual({
      action: 'delete-copy',
      shareId: SHARE,
      itemId: 'item-1',
      because: 'revoked',
      missing: { from: 4, to: 4 },
    });
    expect(acceptIncoming(envelope(alice, { kind: 'share-revoke' }, 1), { contact: alice, now: NOW })).toEqual({ action: 'refuse', reason: 'unknown-share' });
  });

  it('drops expired shares: an expired offer is refused, an expired copy or an update that ends it deletes the copy', () => {
    expect(acceptIncoming(update(1, NOW, 'share-offer'), { contact: alice, now: NOW })).toEqual({ action: 'refuse', reason: 'expired' });
    expect(acceptIncoming(update(4), asRecipient({ received: { ...received, expiresAt: NOW } }))).toMatchObject({ action: 'delete-copy', because: 'expired' });
    expect(acceptIncoming(update(4, NOW - 1), asRecipient())).toMatchObject({ action: 'delete-copy', because: 'expired' });
  });

  it('refuses everything from a contact whose key changed (T01)', () => {
    const changed = pinContact(alice, { ...publicOf(person('relay')), handle: 'alice' }, 'lookup', NOW).contact;
    expect(acceptIncoming(update(4), asRecipient({ contact: changed }))).toEqual({ action: 'refuse', reason: 'contact-changed' });
    expect(acceptIncoming(update(1, null, 'share-offer'), { contact: changed, now: NOW })).toEqual({ action: 'refuse', reason: 'contact-changed' });
  });

  it('still honours a revoke signed with the pinned key while the relay shows other keys (T01, T04)', () => {
    const changed = pinContact(alice, { ...publicOf(person('relay')), handle: 'alice' }, 'lookup', NOW).contact;
    expect(acceptIncoming(envelope(alice, { kind: 'share-revoke' }, 5), asRecipient({ contact: changed }))).toMatchObject({ action: 'delete-copy', because: 'revoked' });
  });

  it('refuses an envelope whose header names another contact than the one passed', () => {
    expect(acceptIncoming(update(4), asRecipient({ contact: bob }))).toEqual({ action: 'refuse', reason: 'wrong-contact' });
  });
});

describe('acceptIncoming: recipient messages at the owner', () => {
  it('applies an edit proposal under a live, accepted grant with edit permission, on the current version', () => {
    expect(acceptIncoming(proposal(3), asOwner())).toMatchObject({ action: 'apply-edit', baseVersion: 3, grant: { recipientVersion: 3 } });
  });

  it('refuses an edit proposal without edit, on a revoked, pending or expired grant, or on an old version', () => {
    const cases: [Partial<Grant>, string][] = [
      [{ permission: 'view' }, 'not-permitted'],
      [{ permission: 'autofill-only' }, 'not-permitted'],
      [{ state: 'revoked' }, 'not-permitted'],
      [{ state: 'pending' }, 'not-permitted'],
      [{ state: 'declined' }, 'not-permitted'],
      [{ until: NOW }, 'not-permitted'],
      [{ version: 4 }, 'stale-base'],
    ];
    for (const [change, reason] of cases) expect(acceptIncoming(proposal(3), asOwner({ grant: { ...grant, ...change } }))).toEqual({ action: 'refuse', reason });
  });

  it('records receipts as the recipient reports them, in sequence only', () => {
    expect(acceptIncoming(receipt(3, 'delivered', NOW - 5), asOwner())).toMatchObject({ action: 'update-grant', grant: { deliveredAt: NOW - 5, recipientVersion: 3 } });
    expect(acceptIncoming(receipt(3, 'opened', NOW - 5), asOwner({ grant: { ...grant, lastOpenedAt: NOW } }))).toMatchObject({ grant: { lastOpenedAt: NOW } });
    expect(acceptIncoming(receipt(3, 'accepted'), asOwner({ grant: { ...grant, state: 'pending', acceptedAt: null } }))).toMatchObject({
      grant: { state: 'accepted', acceptedAt: NOW },
    });
    expect(acceptIncoming(receipt(3, 'declined'), asOwner())).toMatchObject({ grant: { state: 'declined', endedAt: NOW } });
    // A report after revocation is recorded, but cannot reopen the grant.
    expect(acceptIncoming(receipt(3, 'accepted'), asOwner({ grant: { ...grant, state: 'revoked' } }))).toMatchObject({ grant: { state: 'revoked' } });
    expect(acceptIncoming(receipt(2, 'opened'), asOwner())).toEqual({ action: 'refuse', reason: 'stale-version' });
  });

  it('refuses recipient messages for unknown shares, from others, or about another item', () => {
    expect(acceptIncoming(receipt(3, 'opened'), { contact: bob, now: NOW })).toEqual({ action: 'refuse', reason: 'unknown-share' });
    const carol = contactOf(person('carol'));
    expect(acceptIncoming(envelope(carol, { kind: 'receipt', event: 'opened', at: NOW }, 3), { contact: carol, grant, now: NOW })).toEqual({
      action: 'refuse',
      reason: 'not-recipient',
    });
    expect(acceptIncoming({ ...receipt(3, 'opened'), header: { ...receipt(3, 'opened').header, itemId: 'item-9' } }, asOwner())).toEqual({
      action: 'refuse',
      reason: 'item-mismatch',
    });
  });
});

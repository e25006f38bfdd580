/**
 * offerShare, updateShare, revokeShare and replyToShare end to end through openEnvelope and
 * acceptIncoming: the whole life of a share between alice (owner) and bob (recipient).
 */
import { describe, expect, it } from 'vitest';
import { acceptIncoming, type IncomingDecision } from '../../../lib/sharing/grants/accept-incoming';
import type { Contact } from '../../../lib/sharing/contacts/contact';
import type { Grant, ReceivedShare } from '../../../lib/sharing/grants/grant';
import type { Identity } from '../../../lib/sharing/identity/identity';
import { offerShare } from '../../../lib/sharing/grants/offer-share';
import { openEnvelope } from '../../../lib/sharing/envelope/open-envelope';
import { pinContact } from '../../../lib/sharing/contacts/pin-contact';
import { replyToShare } from '../../../lib/sharing/grants/reply-to-share';
import { revokeShare } from '../../../lib/sharing/grants/revoke-share';
import { ShareBlockedError } from '../../../lib/sharing/grants/share-blocked-error';
import { updateShare } from '../../../lib/sharing/grants/update-share';
import { contactOf, DAY, HOUR, NOW, person, publicOf, sampleLogin } from '../fixtures';

const alice = person('alice');
const bob = person('bob');
const bobAtAlice = contactOf(bob);
const aliceAtBob = contactOf(alice);

function deliver(envelope: string, to: Identity, from: Contact, state: { received?: ReceivedShare; grant?: Grant }, now: number): IncomingDecision {
  return acceptIncoming(openEnvelope(envelope, to, from), { contact: from, ...state, now });
}

describe('a share from offer to revoke', () => {
  it('offer → accepted receipt → update → edit proposal → revoke', () => {
    const expiresAt = NOW + 7 * DAY;
    const offered = offerShare({ me: alice, contact: bobAtAlice, itemId: 'item-1', item: sampleLogin(), permission: 'edit', expiresAt, now: NOW });
    expect(offered.grant).toMatchObject({ state: 'pending', version: 1, recipientVersion: 0, permission: 'edit', since: NOW, until: expiresAt });

    const stored = deliver(offered.envelope, bob, aliceAtBob, {}, NOW + 1);
    expect(stored).toMatchObject({ action: 'store-offer', missing: null, share: { state: 'pending', version: 1, permission: 'edit', expiresAt } });
    if (stored.action !== 'store-offer') throw new Error('unreachable');
    expect(stored.share.item).toEqual(sampleLogin());

    const accepted = replyToShare(bob, aliceAtBob, stored.share, { kind: 'receipt', event: 'accepted', at: NOW + 2 }, NOW + 2);
    expect(accepted.share).toMatchObject({ state: 'accepted', myVersion: 1 });
    const granted = deliver(accepted.envelope, alice, bobAtAlice, { grant: offered.grant }, NOW + 3);
    expect(granted).toMatchObject({ action: 'update-grant', grant: { state: 'accepted', acceptedAt: NOW + 2, recipientVersion: 1 } });
    if (granted.action !== 'update-grant') throw new Error('unreachable');

    const updated = updateShare(alice, bobAtAlice, granted.grant, sampleLogin('rotated'), NOW + HOUR);
    expect(updated.grant.version).toBe(2);
    const applied = deliver(updated.envelope, bob, aliceAtBob, { received: accepted.share }, NOW + HOUR);
    expect(applied).toMatchObject({ action: 'apply-update', missing: null, share: { version: 2, state: 'accepted' } });
    if (applied.action !== 'apply-update') throw new Error('unreachable');
    expect(applied.share.item.type === 'login' && applied.share.item.password).toBe('rotated');

    const proposal = replyToShare(bob, aliceAtBob, applied.share, { kind: 'edit-proposal', item: sampleLogin('bob edit'), baseVersion: 2 }, NOW + 2 * HOUR);
    const edit = deliver(proposal.envelope, alice, bobAtAlice, { grant: updated.grant }, NOW + 2 * HOUR);
    expect(edit).toMatchObject({ action: 'apply-edit', baseVersion: 2, grant: { recipientVersion: 2 } });

    const revoked = revokeShare(alice, bobAtAlice, updated.grant, NOW + 3 * HOUR);
    expect(revoked.grant).toMatchObject({ state: 'revoked', version: 3, endedAt: NOW + 3 * HOUR });
    expect(deliver(revoked.envelope, bob, aliceAtBob, { received: proposal.share }, NOW + 3 * HOUR)).toEqual({
      action: 'delete-copy',
      shareId: offered.grant.shareId,
      itemId: 'item-1',
      because: 'revoked',
      missing: null,
    });
  });

  it('a decline closes the grant and later updates to the declined copy are refused', () => {
    const offered = offerShare({ me: alice, contact: bobAtAlice, itemId: 'item-2', item: sampleLogin(), permission: 'view', expiresAt: null, now: NOW });
    const stored = deliver(offered.envelope, bob, aliceAtBob, {}, NOW);
    if (stored.action !== 'store-offer') throw new Error('unreachable');
    const declined = replyToShare(bob, aliceAtBob, stored.share, { kind: 'share-decline' }, NOW + 1);
    expect(declined.share.state).toBe('declined');
    expect(deliver(declined.envelope, alice, bobAtAlice, { grant: offered.grant }, NOW + 1)).toMatchObject({
      action: 'update-grant',
      grant: { state: 'declined', endedAt: NOW + 1 },
    });
    const update = updateShare(alice, bobAtAlice, offered.grant, sampleLogin(), NOW + 2);
    expect(deliver(update.envelope, bob, aliceAtBob, { received: declined.share }, NOW + 2)).toEqual({ action: 'refuse', reason: 'share-closed' });
  });
});

describe('offerShare refuses', () => {
  const base = { me: alice, itemId: 'item-1', item: sampleLogin(), permission: 'view' as const, expiresAt: null, now: NOW };

  it('a changed contact, and an unverified one unless confirmed (T01)', () => {
    const unverified = contactOf(bob, 'unverified');
    expect(() => offerShare({ ...base, contact: unverified })).toThrow(ShareBlockedError);
    expect(offerShare({ ...base, contact: unverified, confirmedUnverified: true }).grant.state).toBe('pending');
    const changed = pinContact(bobAtAlice, { ...publicOf(person('relay')), handle: 'bob' }, 'lookup', NOW).contact;
    expect(() => offerShare({ ...base, contact: changed, confirmedUnverified: true })).toThrow(/key changed/);
  });

  it('an expiry in the past or beyond 90 days', () => {
    expect(() => offerShare({ ...base, contact: bobAtAlice, expiresAt: NOW })).toThrow(RangeError);
    expect(() => offerShare({ ...base, contact: bobAtAlice, expiresAt: NOW + 90 * DAY + 1 })).toThrow(RangeError);
    expect(offerShare({ ...base, contact: bobAtAlice, expiresAt: NOW + 90 * DAY }).grant.until).toBe(NOW + 90 * DAY);
  });

  it('gives every offer its own share id', () => {
    const ids = new Set(Array.from({ length: 5 }, () => offerShare({ ...base, contact: bobAtAlice }).grant.shareId));
    expect(ids.size).toBe(5);
  });
});

describe('updateShare, revokeShare and replyToShare refuse', () => {
  const offered = offerShare({ me: alice, contact: bobAtAlice, itemId: 'item-1', item: sampleLogin(), permission: 'view', expiresAt: NOW + DAY, now: NOW });
  const changed = pinContact(bobAtAlice, { ...publicOf(person('relay')), handle: 'bob' }, 'lookup', NOW).contact;

  it('an update to a changed contact, to a dead grant, or to another contact', () => {
    expect(() => updateShare(alice, changed, offered.grant, sampleLogin(), NOW + 1)).toThrow(ShareBlockedError);
    expect(() => updateShare(alice, bobAtAlice, offered.grant, sampleLogin(), NOW + DAY)).toThrow(RangeError);
    expect(() => updateShare(alice, contactOf(person('carol')), offered.grant, sampleLogin(), NOW + 1)).toThrow(RangeError);
  });

  it('but a revoke always goes out, even to a changed contact (sealed to the pinned key)', () => {
    const { grant, envelope } = revokeShare(alice, changed, offered.grant, NOW + 1);
    expect(grant.state).toBe('revoked');
    expect(openEnvelope(envelope, bob, aliceAtBob).body.kind).toBe('share-revoke');
    expect(() => revokeShare(alice, changed, grant, NOW + 2)).toThrow(RangeError);
  });

  it('an edit proposal without edit permission, and a reply to someone who is not the owner', () => {
    const stored = deliver(offered.envelope, bob, aliceAtBob, {}, NOW);
    if (stored.action !== 'store-offer') throw new Error('unreachable');
    expect(() => replyToShare(bob, aliceAtBob, stored.share, { kind: 'edit-proposal', item: sampleLogin(), baseVersion: 1 }, NOW)).toThrow(RangeError);
    expect(() => replyToShare(bob, contactOf(person('carol')), stored.share, { kind: 'share-decline' }, NOW)).toThrow(RangeError);
  });
});

/**
 * The sealed sharing records (S2): each round-trips, and each refuses to open when moved to another row,
 * another vault or another purpose, when its clear expiry or revision is changed, or when its bytes are
 * touched. The manifest here lists every record at revision 1, so only the ciphertexts' binding is at
 * stake (the manifest's own checks: load-sealed-records.test.ts). A received copy that expires carries its
 * tombstone sealed in advance, which opens only in its place and only as its end (T04).
 */
import { describe, expect, it } from 'vitest';
import { generateKey } from '../../../lib/crypto/generate-key';
import type { VaultKey } from '../../../lib/crypto/keys';
import { DecryptError } from '../../../lib/crypto/sealed';
import { newShareId } from '../../../lib/sharing/envelope/new-share-id';
import { openOutboxOp, sealOutboxOp } from '../../../lib/sharing/store/outbox-op';
import { openProfile, sealProfile } from '../../../lib/sharing/store/sharing-profile';
import { openContact, sealContact } from '../../../lib/sharing/store/stored-contact';
import { openGrant, sealGrant, type StoredGrant } from '../../../lib/sharing/store/stored-grant';
import { endWhileLocked, openReceived, sealReceived, type LiveReceived } from '../../../lib/sharing/store/stored-received';
import { openRequest, sealRequest } from '../../../lib/sharing/store/stored-request';
import { domainTag } from '../../../lib/vault/records/blind-index';
import { openVaultState } from '../../../lib/vault/keys/unlocked-vault';
import { contactOf, person, sampleLogin } from '../fixtures';
import { T0 } from '../../vault/fixtures';

/** A manifest that lists every record at revision 1 (and says the vault's records are bound). */
class ListsEverything extends Map<string, number> {
  override get(): number {
    return 1;
  }
  override has(): boolean {
    return true;
  }
}

const vault = openVaultState('11'.repeat(16), generateKey<VaultKey>(), new ListsEverything());
const otherVault = openVaultState('22'.repeat(16), vault.vaultKey, new ListsEverything());
const bob = contactOf(person('bob'));

function grant(shareId = newShareId()): StoredGrant {
  return {
    grant: { shareId, itemId: 'item-1', recipient: { handle: 'bob', fingerprint: bob.fingerprint }, permission: 'view', since: T0, until: null, state: 'pending', version: 1, recipientVersion: 0, deliveredAt: null, acceptedAt: null, lastOpenedAt: null, endedAt: null },
    contactId: 'c1',
    sentDigest: 'ab'.repeat(32),
    missing: null,
    rotateDismissed: false,
  };
}

function live(state: 'pending' | 'accepted', expiresAt: number | null = T0 + 1000): LiveReceived {
  return {
    status: 'live',
    share: { shareId: newShareId(), itemId: 'item-9', owner: { handle: 'alice', fingerprint: bob.fingerprint }, permission: 'autofill-only', expiresAt, state, version: 3, myVersion: 1, item: sampleLogin(), receivedAt: T0 },
    contactId: 'c2',
    replyRelayId: newShareId(),
    openedReceiptAt: null,
    editSentAt: null,
    missing: { from: 2, to: 2 },
  };
}

const flip = (bytes: Uint8Array) => Uint8Array.from(bytes, (b, i) => (i === 3 ? b ^ 1 : b));

describe('sealed sharing records', () => {
  it('contact: round trip; moved to another id or vault, or a flipped bit → DecryptError', () => {
    const record = sealContact(vault, 'c1', bob, 1);
    expect(openContact(vault, record)).toEqual({ id: 'c1', contact: bob });
    expect(() => openContact(vault, { ...record, id: 'c2' })).toThrow(DecryptError);
    expect(() => openContact(otherVault, record)).toThrow(DecryptError);
    expect(() => openContact(vault, { ...record, sealed: { ...record.sealed, ct: flip(record.sealed.ct) } })).toThrow(DecryptError);
  });

  it('grant: round trip; a record under another share id or a grant sealed as a contact → DecryptError', () => {
    const stored = grant();
    const record = sealGrant(vault, stored, 1);
    expect(record.id).toBe(stored.grant.shareId);
    expect(openGrant(vault, record)).toEqual(stored);
    expect(() => openGrant(vault, { ...record, id: newShareId() })).toThrow(DecryptError);
    expect(() => openContact(vault, { id: record.id, sealed: record.sealed })).toThrow(DecryptError);
  });

  it('received: only an accepted login is indexed for filling; the clear expiry is bound (T08-style moves fail)', () => {
    const pending = sealReceived(vault, live('pending'), 1);
    expect(pending.domains).toEqual([]);
    const accepted = live('accepted');
    const record = sealReceived(vault, accepted, 1);
    expect(record.domains).toEqual([domainTag(vault.indexKey, 'example.org')]);
    expect(record.expiresAt).toBe(T0 + 1000);
    expect(openReceived(vault, record)).toEqual(accepted);
    // Keeping a copy past its end by moving the clear expiry, or dropping it, breaks the record.
    expect(() => openReceived(vault, { ...record, expiresAt: T0 + 10 ** 9 })).toThrow(DecryptError);
    const { expiresAt: _gone, ...withoutExpiry } = record;
    expect(() => openReceived(vault, withoutExpiry)).toThrow(DecryptError);
    const never = sealReceived(vault, live('accepted', null), 1);
    expect('expiresAt' in never).toBe(false);
  });

  it('received tombstone: no domains, no expiry, remembers the version', () => {
    const shareId = newShareId();
    const record = sealReceived(vault, { status: 'ended', shareId, version: 4, endedAt: T0, because: 'revoked' }, 1);
    expect(record).toMatchObject({ id: shareId, domains: [] });
    expect(openReceived(vault, record)).toMatchObject({ status: 'ended', version: 4 });
  });

  it('contact and grant: the clear revision is bound, so a row cannot be made to look current by editing it', () => {
    const record = sealContact(vault, 'c1', bob, 1);
    expect(() => openContact(vault, { ...record, rev: 2 })).toThrow(DecryptError);
    const granted = sealGrant(vault, grant(), 1);
    expect(() => openGrant(vault, { ...granted, rev: undefined })).toThrow(DecryptError);
  });

  it('T04 received: a copy that expires carries its tombstone sealed in advance; ended while locked, it opens as that tombstone only', () => {
    const accepted = live('accepted');
    const record = sealReceived(vault, accepted, 1);
    expect(record.expiredTombstone).toBeDefined();
    expect('expiredTombstone' in sealReceived(vault, live('accepted', null), 1)).toBe(false);
    const ended = endWhileLocked(record, T0 + 2000)!;
    // No content left, out of the expiry index and the fill index; same revision.
    expect(ended).toEqual({ id: record.id, rev: 1, domains: [], sealed: record.expiredTombstone, endedWhileLocked: { expiresAt: T0 + 1000, at: T0 + 2000 } });
    expect(openReceived(vault, ended)).toEqual({ status: 'ended', shareId: accepted.share.shareId, version: 3, endedAt: T0 + 1000, because: 'expired' });
    // Bound to the expiry it stands for, and never a live record.
    expect(() => openReceived(vault, { ...ended, endedWhileLocked: { expiresAt: T0 + 10 ** 9, at: T0 } })).toThrow(DecryptError);
    const { endedWhileLocked: _marker, ...unmarked } = ended;
    expect(() => openReceived(vault, { ...unmarked, expiresAt: T0 + 1000 })).toThrow(DecryptError);
    // The copy itself cannot pass for the tombstone, nor a row without one be ended while locked.
    expect(() => openReceived(vault, { ...ended, sealed: record.sealed })).toThrow(DecryptError);
    expect(endWhileLocked(sealReceived(vault, live('accepted', null), 1), T0)).toBeNull();
  });

  it('request: round trip; moved to another id, or the revision changed → DecryptError', () => {
    const stored = { id: 'ab'.repeat(16), from: 'carol', shareId: newShareId(), version: 1, receivedAt: T0, envelope: '{"v":1}' };
    const record = sealRequest(vault, stored, 1);
    expect(openRequest(vault, record)).toEqual(stored);
    expect(() => openRequest(vault, { ...record, id: 'cd'.repeat(16) })).toThrow(DecryptError);
    expect(() => openRequest(vault, { ...record, rev: 2 })).toThrow(DecryptError);
  });

  it('outbox: bound to its sequence number, so operations cannot be reordered on disk', () => {
    const op = { kind: 'revoke' as const, shareId: newShareId(), recipients: ['bob'] };
    const record = sealOutboxOp(vault, 7, op);
    expect(openOutboxOp(vault, record)).toEqual(op);
    expect(() => openOutboxOp(vault, { ...record, seq: 8 })).toThrow(DecryptError);
  });

  it('profile: bound to the vault; a relay URL that is not http(s) is refused before sealing', () => {
    const profile = { relayUrl: 'http://127.0.0.1:8787', registered: true, seen: ['ab'.repeat(16)], lastSyncAt: T0, lastError: null, refusals: [{ at: T0, reason: 'unauthentic' as const }] };
    expect(openProfile(vault, sealProfile(vault, profile))).toEqual(profile);
    expect(() => openProfile(otherVault, sealProfile(vault, profile))).toThrow();
    expect(() => sealProfile(vault, { ...profile, relayUrl: 'file:///etc/passwd' })).toThrow();
  });
});

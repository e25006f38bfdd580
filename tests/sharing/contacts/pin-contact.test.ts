/**
 * pinContact, markContactVerified and checkShareTarget: trust on first use, verification, the blocking key
 * change (T01), and the post-quantum upgrade: an added X-Wing key is not a key change, dropping it is refused (T27).
 */
import { describe, expect, it } from 'vitest';
import { toBase64 } from '../../../lib/crypto/base64';
import { checkShareTarget } from '../../../lib/sharing/contacts/check-share-target';
import { bundleFingerprint } from '../../../lib/sharing/identity/bundle-fingerprint';
import { keyFingerprint } from '../../../lib/sharing/identity/key-fingerprint';
import { markContactVerified } from '../../../lib/sharing/contacts/mark-contact-verified';
import { pinContact } from '../../../lib/sharing/contacts/pin-contact';
import { NOW, person, publicOf } from '../fixtures';

const bob = publicOf(person('bob'));
const relayKeys = { ...publicOf(person('relay')), handle: 'bob' };
const fp = (p: typeof bob) => toBase64(keyFingerprint(p));

describe('pinContact', () => {
  it('pins first-seen keys from a lookup as unverified, and from a contact code as verified', () => {
    const looked = pinContact(undefined, bob, 'lookup', NOW);
    expect(looked.change).toBe('pinned');
    expect(looked.contact).toMatchObject({ handle: 'bob', fingerprint: fp(bob), state: 'unverified', pinnedAt: NOW, verifiedAt: null, offered: null });
    expect(looked.contact.encryptionKey).toEqual(bob.encryptionKey);
    const scanned = pinContact(undefined, bob, 'contact-code', NOW);
    expect(scanned.contact).toMatchObject({ state: 'verified', verifiedAt: NOW });
  });

  it('seeing the pinned keys again changes nothing', () => {
    const { contact } = pinContact(undefined, bob, 'lookup', NOW);
    expect(pinContact(contact, bob, 'lookup', NOW + 1)).toEqual({ contact, change: 'unchanged' });
  });

  it('different keys from a lookup never replace the pinned ones: the contact becomes changed (T01)', () => {
    const { contact } = pinContact(undefined, bob, 'contact-code', NOW);
    const after = pinContact(contact, relayKeys, 'lookup', NOW + 1);
    expect(after.change).toBe('key-changed');
    expect(after.contact.state).toBe('changed');
    expect(after.contact.fingerprint).toBe(fp(bob));
    expect(after.contact.encryptionKey).toEqual(bob.encryptionKey);
    expect(after.contact.offered).toMatchObject({ fingerprint: fp(relayKeys), seenAt: NOW + 1 });
    // The relay going back to the old keys does not clear the warning.
    expect(pinContact(after.contact, bob, 'lookup', NOW + 2).contact.state).toBe('changed');
  });

  it('a contact code for the pinned keys verifies them and drops keys the relay offered meanwhile', () => {
    const changed = pinContact(pinContact(undefined, bob, 'lookup', NOW).contact, relayKeys, 'lookup', NOW).contact;
    const { contact, change } = pinContact(changed, bob, 'contact-code', NOW + 5);
    expect(change).toBe('verified');
    expect(contact).toMatchObject({ state: 'verified', fingerprint: fp(bob), verifiedAt: NOW + 5, offered: null });
  });

  it('a contact code with new keys (a real key change, confirmed in person) re-pins them as verified', () => {
    const newBob = { ...publicOf(person('bob')), handle: 'bob' };
    const { contact, change } = pinContact(pinContact(undefined, bob, 'contact-code', NOW).contact, newBob, 'contact-code', NOW + 9);
    expect(change).toBe('verified');
    expect(contact).toMatchObject({ state: 'verified', fingerprint: fp(newBob), pinnedAt: NOW + 9 });
  });

  it('refuses keys for another handle', () => {
    const { contact } = pinContact(undefined, bob, 'lookup', NOW);
    expect(() => pinContact(contact, { ...bob, handle: 'carol' }, 'lookup', NOW)).toThrow(RangeError);
  });
});

describe('markContactVerified', () => {
  it('verifies the pinned keys when their safety number was compared', () => {
    const { contact } = pinContact(undefined, bob, 'lookup', NOW);
    expect(markContactVerified(contact, fp(bob), NOW + 1)).toMatchObject({ state: 'verified', verifiedAt: NOW + 1 });
  });

  it('re-pins the offered keys of a changed contact when those were compared', () => {
    const changed = pinContact(pinContact(undefined, bob, 'lookup', NOW).contact, relayKeys, 'lookup', NOW).contact;
    const verified = markContactVerified(changed, fp(relayKeys), NOW + 1);
    expect(verified).toMatchObject({ state: 'verified', fingerprint: fp(relayKeys), offered: null });
    expect(verified.signingKey).toEqual(relayKeys.signingKey);
  });

  it('refuses a fingerprint of keys that are neither pinned nor offered', () => {
    const { contact } = pinContact(undefined, bob, 'lookup', NOW);
    expect(() => markContactVerified(contact, fp(relayKeys), NOW)).toThrow(RangeError);
  });
});

describe('checkShareTarget', () => {
  it('verified: ok; unverified: confirm; changed: blocked', () => {
    const unverified = pinContact(undefined, bob, 'lookup', NOW).contact;
    expect(checkShareTarget(unverified)).toBe('confirm');
    expect(checkShareTarget(markContactVerified(unverified, fp(bob), NOW))).toBe('ok');
    expect(checkShareTarget(pinContact(unverified, relayKeys, 'lookup', NOW).contact)).toBe('blocked');
  });
});

describe('pinContact: post-quantum upgrade (bundle v2)', () => {
  const carol = person('carol');
  const carolV1 = publicOf(carol);
  const carolV2 = publicOf(carol, { pq: true });
  /** The contact's name stays the classic keys' fingerprint across the upgrade (grants and shares keep matching). */
  const fp1 = toBase64(keyFingerprint(carolV1));
  const mallory = person('mallory');

  it('the same keys with an X-Wing key added is an upgrade: the key is pinned, the trust state kept, the time noted', () => {
    const { contact } = pinContact(undefined, carolV1, 'contact-code', NOW);
    const after = pinContact(contact, carolV2, 'lookup', NOW + 1);
    expect(after.change).toBe('upgraded');
    expect(after.contact).toMatchObject({ state: 'verified', verifiedAt: NOW, fingerprint: fp1, upgradedAt: NOW + 1, offered: null });
    expect(after.contact.xwingKey).toEqual(carol.xwingKey);
    expect(checkShareTarget(after.contact)).toBe('ok');
    expect(pinContact(after.contact, carolV2, 'lookup', NOW + 2).change).toBe('unchanged');
  });

  it('T27/T11: a relay serving the v1 bundle of an upgraded contact is refused; the X-Wing key stays pinned', () => {
    const { contact } = pinContact(undefined, carolV2, 'contact-code', NOW);
    const after = pinContact(contact, carolV1, 'lookup', NOW + 1);
    expect(after.change).toBe('downgrade-refused');
    expect(after.contact).toEqual(contact);
    expect(after.contact.xwingKey).toEqual(carol.xwingKey);
    expect(checkShareTarget(after.contact)).toBe('ok');
  });

  it('another X-Wing key with the same X25519 and Ed25519 keys is a key change and blocks (T01)', () => {
    const { contact } = pinContact(undefined, carolV2, 'contact-code', NOW);
    const swapped = { ...carolV2, xwingKey: mallory.xwingKey! };
    const after = pinContact(contact, swapped, 'lookup', NOW + 1);
    expect(after.change).toBe('key-changed');
    expect(after.contact.state).toBe('changed');
    expect(after.contact.xwingKey).toEqual(carol.xwingKey);
    expect(after.contact.offered?.xwingKey).toEqual(mallory.xwingKey);
    expect(checkShareTarget(after.contact)).toBe('blocked');
    // Confirming the offered keys re-pins all three.
    const repinned = markContactVerified(after.contact, after.contact.offered!.fingerprint, NOW + 2);
    expect(repinned.xwingKey).toEqual(mallory.xwingKey);
    expect(repinned.fingerprint).toBe(fp1);
    expect(after.contact.offered!.fingerprint).toBe(toBase64(bundleFingerprint(swapped)));
    // The number compared for the old X-Wing key cannot verify the new one, nor the reverse.
    expect(() => markContactVerified(repinned, toBase64(bundleFingerprint(carolV2)), NOW + 3)).toThrow(RangeError);
  });

  it('a contact code from before the upgrade still verifies the keys that signed the X-Wing key, and keeps it', () => {
    const { contact } = pinContact(undefined, carolV2, 'lookup', NOW);
    const after = pinContact(contact, carolV1, 'contact-code', NOW + 1);
    expect(after.change).toBe('verified');
    expect(after.contact).toMatchObject({ state: 'verified', fingerprint: fp1 });
    expect(after.contact.xwingKey).toEqual(carol.xwingKey);
  });

  it('a v2 code for a contact pinned with v1 keys upgrades and verifies', () => {
    const { contact } = pinContact(undefined, carolV1, 'lookup', NOW);
    const after = pinContact(contact, carolV2, 'contact-code', NOW + 1);
    expect(after.change).toBe('verified');
    expect(after.contact).toMatchObject({ state: 'verified', fingerprint: fp1, upgradedAt: NOW + 1 });
  });

  it('the upgraded contact is verified by the number over all three keys, not by one compared before the upgrade', () => {
    const { contact } = pinContact(undefined, carolV1, 'lookup', NOW);
    const upgraded = pinContact(contact, carolV2, 'lookup', NOW + 1).contact;
    expect(markContactVerified(upgraded, toBase64(bundleFingerprint(carolV2)), NOW + 2).state).toBe('verified');
    expect(() => markContactVerified(upgraded, fp1, NOW + 2)).toThrow(RangeError);
    expect(pinContact(undefined, carolV1, 'lookup', NOW).contact.fingerprint).toBe(fp1);
  });
});


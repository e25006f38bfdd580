/** pinContact, markContactVerified and checkShareTarget: trust on first use, verification, and the blocking key change (T01). */
import { describe, expect, it } from 'vitest';
import { toBase64 } from '../../../lib/crypto/base64';
import { checkShareTarget } from '../../../lib/sharing/contacts/check-share-target';
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

/**
 * The malicious-relay suite at the library level (S6): a relay that lies about keys, forges, re-targets,
 * splices, replays and drops. Each case is named by its THREATS.md scenario and shows the client failing
 * safely: nothing is sealed to a key the user has not pinned, nothing unauthenticated is imported, and
 * what the relay withholds becomes visible.
 */
import { describe, expect, it } from 'vitest';
import { toBase64 } from '../../../lib/crypto/base64';
import { identityBundleSchema, type IdentityBundle } from '../../../lib/relay-protocol/identity-bundle';
import { signIdentityBundle } from '../../../lib/relay-protocol/sign-identity-bundle';
import { verifyIdentityBundle } from '../../../lib/relay-protocol/verify-identity-bundle';
import { acceptIncoming } from '../../../lib/sharing/grants/accept-incoming';
import { checkShareTarget } from '../../../lib/sharing/contacts/check-share-target';
import type { Contact } from '../../../lib/sharing/contacts/contact';
import { decodeContactCode } from '../../../lib/sharing/contacts/decode-contact-code';
import { encodeContactCode } from '../../../lib/sharing/contacts/encode-contact-code';
import { EnvelopeError } from '../../../lib/sharing/envelope/envelope-error';
import { receivedShareIsLive, type ReceivedShare } from '../../../lib/sharing/grants/grant';
import type { Identity } from '../../../lib/sharing/identity/identity';
import { keyFingerprint } from '../../../lib/sharing/identity/key-fingerprint';
import { offerShare } from '../../../lib/sharing/grants/offer-share';
import { openEnvelope } from '../../../lib/sharing/envelope/open-envelope';
import { pinContact } from '../../../lib/sharing/contacts/pin-contact';
import { publicIdentityFromBundle } from '../../../lib/sharing/identity/public-identity-from-bundle';
import { readEnvelopeAddress } from '../../../lib/sharing/envelope/read-envelope-address';
import { revokeShare } from '../../../lib/sharing/grants/revoke-share';
import { safetyNumber } from '../../../lib/sharing/identity/safety-number';
import { sealEnvelope } from '../../../lib/sharing/envelope/seal-envelope';
import { ShareBlockedError } from '../../../lib/sharing/grants/share-blocked-error';
import { updateShare } from '../../../lib/sharing/grants/update-share';
import { itemContentSchema } from '../../../lib/vault/model/item-schema';
import { craftEnvelope, rewrite } from '../craft-envelope';
import { DAY, HOUR, NOW, person, publicOf, sampleLogin } from '../fixtures';

const alice = person('alice');
const bob = person('bob');
const carol = person('carol');
/** The relay's own identity: it can make valid keys, bundles and signatures, just not anyone else's. */
const relay = person('relay');

/** What a client does with a lookup answer: verify the bundle, then pin what it shows. */
function lookUp(answer: unknown, existing: Contact | undefined, now = NOW) {
  const check = verifyIdentityBundle(answer);
  if (!check.ok) throw new Error(`bundle refused: ${check.reason}`);
  return pinContact(existing, publicIdentityFromBundle(check.bundle), 'lookup', now);
}

/** What a client does with a mailbox entry: find the pinned sender by the address's handle, open, decide. */
function receive(text: string, me: Identity, contacts: Map<string, Contact>, state: { received?: ReceivedShare } = {}, now = NOW) {
  const sender = contacts.get(readEnvelopeAddress(text).address.sender.handle);
  if (!sender) return { action: 'unknown-sender' as const };
  return acceptIncoming(openEnvelope(text, me, sender), { contact: sender, ...state, now });
}

function refusedAs(action: () => unknown): string {
  try {
    action();
  } catch (e) {
    if (e instanceof EnvelopeError) return e.reason;
    throw e;
  }
  return 'opened';
}

const phishing = itemContentSchema.parse({
  type: 'login',
  title: 'Bank',
  username: 'bob',
  password: 'x',
  urls: ['https://bank.example.evil/login'],
  createdAt: NOW,
  updatedAt: NOW,
});

describe('malicious relay', () => {
  it('T01 (a): answering a handle lookup with its own key gives an unverified contact, a safety number that does not match, and no share without confirmation', () => {
    const forged: IdentityBundle = signIdentityBundle({ ...relay, handle: 'bob' });
    const { contact, change } = lookUp(forged, undefined);
    expect(change).toBe('pinned');
    expect(contact.state).toBe('unverified');
    // What alice's screen shows and what bob's screen shows differ, so comparing them exposes the swap.
    expect(safetyNumber(alice, contact)).not.toBe(safetyNumber(bob, alice));
    // Bob's whole v2 bundle (with his X-Wing key) is what his own screen's half is made from.
    expect(safetyNumber(alice, publicOf(bob, { pq: true }))).toBe(safetyNumber(bob, alice));
    expect(checkShareTarget(contact)).toBe('confirm');
    expect(() => offerShare({ me: alice, contact, itemId: 'i1', item: sampleLogin(), permission: 'view', expiresAt: null, now: NOW })).toThrow(ShareBlockedError);
    // Bob's real contact code, scanned in person, overrides the relay's answer.
    const fixed = pinContact(contact, decodeContactCode(encodeContactCode(publicOf(bob))), 'contact-code', NOW);
    expect(fixed.contact).toMatchObject({ state: 'verified', fingerprint: toBase64(keyFingerprint(bob)) });
  });

  it('T01 (g): a pinned contact whose key the relay changes is blocked both ways until re-verified', () => {
    const pinned = lookUp(signIdentityBundle(bob), undefined).contact;
    const changed = lookUp(signIdentityBundle({ ...relay, handle: 'bob' }), pinned, NOW + HOUR);
    expect(changed.change).toBe('key-changed');
    expect(changed.contact.state).toBe('changed');
    expect(changed.contact.fingerprint).toBe(pinned.fingerprint);
    expect(() =>
      offerShare({ me: alice, contact: changed.contact, itemId: 'i1', item: sampleLogin(), permission: 'view', expiresAt: null, now: NOW, confirmedUnverified: true }),
    ).toThrow(/key changed/);
    // Envelopes from the relay's key are refused; even genuine ones from the old key are held back.
    const contacts = new Map([['bob', changed.contact]]);
    const fromRelay = sealEnvelope({ ...relay, handle: 'bob' }, publicOf(alice), {
      shareId: toBase64(new Uint8Array(16)),
      itemId: 'i1',
      version: 1,
      created: NOW,
      body: { kind: 'share-offer', item: phishing, permission: 'view', expiresAt: null },
    });
    expect(refusedAs(() => receive(fromRelay, alice, contacts))).toBe('misaddressed');
    const genuine = sealEnvelope(bob, publicOf(alice), {
      shareId: toBase64(new Uint8Array(16).fill(1)),
      itemId: 'i2',
      version: 1,
      created: NOW,
      body: { kind: 'share-offer', item: sampleLogin(), permission: 'view', expiresAt: null },
    });
    expect(receive(genuine, alice, contacts)).toEqual({ action: 'refuse', reason: 'contact-changed' });
  });

  it('T02 (b): an envelope the relay seals and signs itself, claiming to be from alice, is refused and never imported', () => {
    const contacts = new Map([['alice', pinContact(undefined, publicOf(alice), 'contact-code', NOW).contact]]);
    const header = {
      v: 2 as const,
      suite: 'x25519' as const,
      kind: 'share-offer' as const,
      sender: { handle: 'alice', fingerprint: toBase64(keyFingerprint(alice)) },
      recipient: { fingerprint: toBase64(keyFingerprint(bob)) },
      shareId: toBase64(new Uint8Array(16).fill(7)),
      itemId: 'phish',
      version: 1,
      created: NOW,
    };
    const body = { kind: 'share-offer', item: phishing, permission: 'view', expiresAt: null };
    // Claims alice's fingerprint, signed with the relay's key: decrypts (bob's key is public) but the signature fails.
    const claimed = craftEnvelope({ header, body, signer: relay.signingSecretKey, sealTo: bob.encryptionKey });
    expect(refusedAs(() => receive(claimed, bob, contacts))).toBe('unauthentic');
    // Names the relay's own fingerprint under alice's handle: refused before decryption.
    const own = craftEnvelope({
      header: { ...header, sender: { handle: 'alice', fingerprint: toBase64(keyFingerprint(relay)) } },
      body,
      signer: relay.signingSecretKey,
      sealTo: bob.encryptionKey,
    });
    expect(refusedAs(() => receive(own, bob, contacts))).toBe('misaddressed');
    // From a handle bob has no contact for: nothing to open it with.
    expect(receive(sealEnvelope(relay, publicOf(bob), { ...header, body: { kind: 'share-offer', item: phishing, permission: 'view', expiresAt: null } }), bob, contacts)).toEqual({
      action: 'unknown-sender',
    });
  });

  it('T02/T03 (c): bob’s envelope delivered to carol is refused, however the relay re-addresses it', () => {
    const { envelope } = offerShare({ me: alice, contact: pinContact(undefined, publicOf(bob), 'contact-code', NOW).contact, itemId: 'i1', item: sampleLogin(), permission: 'view', expiresAt: null, now: NOW });
    const carolsContacts = new Map([['alice', pinContact(undefined, publicOf(alice), 'contact-code', NOW).contact]]);
    expect(refusedAs(() => receive(envelope, carol, carolsContacts))).toBe('misaddressed');
    const readdressed = rewrite(envelope, (e) => void (e.address.recipient.fingerprint = toBase64(keyFingerprint(carol))));
    expect(refusedAs(() => receive(readdressed, carol, carolsContacts))).toBe('unauthentic');
  });

  it('T03 (d): item and share ids are sealed, so there is nothing to swap; a ciphertext moved under another envelope stays bound to its own signed header', () => {
    const bobContact = pinContact(undefined, publicOf(bob), 'contact-code', NOW).contact;
    const contacts = new Map([['alice', pinContact(undefined, publicOf(alice), 'contact-code', NOW).contact]]);
    const share = (itemId: string, password: string) =>
      offerShare({ me: alice, contact: bobContact, itemId, item: sampleLogin(password), permission: 'view', expiresAt: null, now: NOW }).envelope;
    const a = share('item-a', 'password A');
    const b = share('item-b', 'password B');
    for (const text of [a, b]) for (const hidden of ['item-a', 'item-b', '"shareId"']) expect(text).not.toContain(hidden);
    // B's ciphertext in A's place opens as B, item id and all: the relay can reorder messages, not mix them.
    expect(receive(rewrite(a, (e) => ({ ...e, enc: JSON.parse(b).enc, ct: JSON.parse(b).ct })), bob, contacts)).toMatchObject({ share: { itemId: 'item-b' } });
    // Under another sender's address the aad no longer matches.
    const carolContacts = new Map([...contacts, ['carol', pinContact(undefined, publicOf(carol), 'contact-code', NOW).contact]]);
    const moved = rewrite(a, (e) => void (e.address.sender = { handle: 'carol', fingerprint: toBase64(keyFingerprint(carol)) }));
    expect(refusedAs(() => receive(moved, bob, carolContacts))).toBe('unauthentic');
    // Untouched, both open, each to its own item.
    expect(receive(a, bob, contacts)).toMatchObject({ action: 'store-offer', share: { itemId: 'item-a' } });
  });

  it('T04 (e): replaying an older or the same version is refused, so the relay cannot roll back a password', () => {
    const bobContact = pinContact(undefined, publicOf(bob), 'contact-code', NOW).contact;
    const contacts = new Map([['alice', pinContact(undefined, publicOf(alice), 'contact-code', NOW).contact]]);
    const offered = offerShare({ me: alice, contact: bobContact, itemId: 'i1', item: sampleLogin('old'), permission: 'view', expiresAt: null, now: NOW });
    const updated = updateShare(alice, bobContact, offered.grant, sampleLogin('new'), NOW + HOUR);
    const first = receive(offered.envelope, bob, contacts);
    if (first.action !== 'store-offer') throw new Error('unreachable');
    const second = receive(updated.envelope, bob, contacts, { received: first.share });
    if (second.action !== 'apply-update') throw new Error('unreachable');
    expect(receive(offered.envelope, bob, contacts, { received: second.share })).toEqual({ action: 'refuse', reason: 'stale-version' });
    expect(receive(updated.envelope, bob, contacts, { received: second.share })).toEqual({ action: 'refuse', reason: 'stale-version' });
  });

  it('T04 (f): withheld updates show as a gap; a dropped revocation still ends access at the expiry the owner set', () => {
    const bobContact = pinContact(undefined, publicOf(bob), 'contact-code', NOW).contact;
    const contacts = new Map([['alice', pinContact(undefined, publicOf(alice), 'contact-code', NOW).contact]]);
    const expiresAt = NOW + DAY;
    const offered = offerShare({ me: alice, contact: bobContact, itemId: 'i1', item: sampleLogin('v1'), permission: 'view', expiresAt, now: NOW });
    const v2 = updateShare(alice, bobContact, offered.grant, sampleLogin('v2'), NOW + 1);
    const v3 = updateShare(alice, bobContact, v2.grant, sampleLogin('v3'), NOW + 2);
    const stored = receive(offered.envelope, bob, contacts);
    if (stored.action !== 'store-offer') throw new Error('unreachable');
    // The relay drops v2 and delivers v3: bob is told version 2 never arrived.
    const jumped = receive(v3.envelope, bob, contacts, { received: stored.share });
    expect(jumped).toMatchObject({ action: 'apply-update', missing: { from: 2, to: 2 } });
    if (jumped.action !== 'apply-update') throw new Error('unreachable');
    // The relay drops the revocation: the copy stays only until the expiry, with no envelope needed.
    revokeShare(alice, bobContact, v3.grant, NOW + HOUR);
    expect(receivedShareIsLive(jumped.share, NOW + HOUR)).toBe(true);
    expect(receivedShareIsLive(jumped.share, expiresAt)).toBe(false);
    // And anything that does arrive later finds the copy expired and deletes it.
    expect(receive(v3.envelope, bob, contacts, { received: jumped.share }, expiresAt)).toMatchObject({ action: 'delete-copy', because: 'expired' });
  });

  it('T05: a relay-added escrow or admin key is never taken: extra fields make a bundle or envelope invalid', () => {
    const bundle = { ...signIdentityBundle(bob), escrowKey: toBase64(relay.encryptionKey) };
    expect(identityBundleSchema.safeParse(bundle).success).toBe(false);
    expect(verifyIdentityBundle(bundle)).toEqual({ ok: false, reason: 'malformed' });
    const { envelope } = offerShare({ me: alice, contact: pinContact(undefined, publicOf(bob), 'contact-code', NOW).contact, itemId: 'i1', item: sampleLogin(), permission: 'view', expiresAt: null, now: NOW });
    const contacts = new Map([['alice', pinContact(undefined, publicOf(alice), 'contact-code', NOW).contact]]);
    expect(refusedAs(() => receive(rewrite(envelope, (e) => ({ ...e, adminKey: toBase64(relay.encryptionKey) })), bob, contacts))).toBe('malformed');
  });

  it('T06: an envelope "to yourself" planted by the relay is refused, and the client never makes one', () => {
    const contacts = new Map([['alice', pinContact(undefined, publicOf(alice), 'contact-code', NOW).contact]]);
    const self = toBase64(keyFingerprint(alice));
    const planted = craftEnvelope({
      header: {
        v: 2,
        suite: 'x25519',
        kind: 'share-offer',
        sender: { handle: 'alice', fingerprint: self },
        recipient: { fingerprint: self },
        shareId: toBase64(new Uint8Array(16)),
        itemId: 'i1',
        version: 1,
        created: NOW,
      },
      body: { kind: 'share-offer', item: phishing, permission: 'view', expiresAt: null },
      signer: relay.signingSecretKey,
      sealTo: alice.encryptionKey,
    });
    expect(refusedAs(() => receive(planted, alice, contacts))).toBe('misaddressed');
    expect(() => sealEnvelope(alice, publicOf(alice), { shareId: toBase64(new Uint8Array(16)), itemId: 'i1', version: 1, created: NOW, body: { kind: 'share-revoke' } })).toThrow(
      RangeError,
    );
  });

  it('T07: what the relay stores and carries holds no title, username, URL or password', () => {
    const { envelope } = offerShare({ me: alice, contact: pinContact(undefined, publicOf(bob), 'contact-code', NOW).contact, itemId: 'i1', item: sampleLogin(), permission: 'edit', expiresAt: NOW + DAY, now: NOW });
    const carried = JSON.stringify({ bundle: signIdentityBundle(alice), envelope });
    for (const secret of ['Staging database', 'deploy@example.org', 'db.example.org', 'correct horse battery staple']) expect(carried).not.toContain(secret);
  });
});

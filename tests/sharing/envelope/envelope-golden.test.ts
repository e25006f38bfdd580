/**
 * A golden envelope: fixed keys, a fixed ephemeral key and a fixed share id give exactly the committed
 * text, and the committed text opens. Any change to the header encoding, the signed bytes, the HPKE info
 * or the wire layout fails here on purpose: envelopes already in mailboxes must keep opening.
 */
import { x25519 } from '@noble/curves/ed25519.js';
import { hexToBytes } from '@noble/hashes/utils.js';
import { describe, expect, it, vi } from 'vitest';
import { asKey, type HpkeSecretKey, type SigningSecretKey } from '../../../lib/crypto/keys';
import { randomBytes } from '../../../lib/crypto/random-bytes';
import { signingPublicKey } from '../../../lib/crypto/signing-public-key';
import type { Identity } from '../../../lib/sharing/identity/identity';
import { openEnvelope } from '../../../lib/sharing/envelope/open-envelope';
import { sealEnvelope } from '../../../lib/sharing/envelope/seal-envelope';
import { itemContentSchema } from '../../../lib/vault/model/item-schema';

vi.mock('../../../lib/crypto/random-bytes', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../../lib/crypto/random-bytes')>();
  return { ...actual, randomBytes: vi.fn(actual.randomBytes) };
});

function fixedIdentity(handle: string, encHex: string, sigHex: string): Identity {
  const encryptionSecretKey = asKey<HpkeSecretKey>(hexToBytes(encHex));
  const signingSecretKey = asKey<SigningSecretKey>(hexToBytes(sigHex));
  return {
    handle,
    created: 0,
    encryptionKey: x25519.getPublicKey(encryptionSecretKey),
    signingKey: signingPublicKey(signingSecretKey),
    encryptionSecretKey,
    signingSecretKey,
  };
}

const alice = () => fixedIdentity('alice', '11'.repeat(32), '22'.repeat(32));
const bob = () => fixedIdentity('bob', '33'.repeat(32), '44'.repeat(32));
const item = itemContentSchema.parse({ type: 'note', title: 'Door code', notes: '4711', createdAt: 1, updatedAt: 2 });
const DRAFT = {
  shareId: 'AAECAwQFBgcICQoLDA0ODw==',
  itemId: 'item-42',
  version: 2,
  created: 1_735_689_600_000,
  body: { kind: 'share-update' as const, item, permission: 'view' as const, expiresAt: null },
};
/** The ephemeral X25519 key comes from DeriveKeyPair over these 32 bytes. */
const EPHEMERAL_IKM = '55'.repeat(32);

/**
 * Made by this code once, and checked independently with Python's `cryptography` (pyca HPKE opened it with
 * bob's key, info and the header encoding; the Ed25519 signature verified over the documented signed bytes).
 */
const GOLDEN = [
  '{"v":1,"header":{"v":1,"kind":"share-update","sender":{"handle":"alice","fingerprint":"OJXJTQUUYg6VY',
  'yuAUrnEcbaApRTRkjfOvKaFbM6iLQg="},"recipient":{"fingerprint":"4U18plkjvJdCDM54efEYOttRzQj6OYX4zwD3GU',
  'kECQQ="},"shareId":"AAECAwQFBgcICQoLDA0ODw==","itemId":"item-42","version":2,"created":1735689600000',
  '},"enc":"edMlGCMt14KSqsbI4ija3IVKNRJLvLQQwkEFu41LUi8=","ct":"T+UUKep43DNnHp3W35fdXEMyhKeKK/7sWWx66V4',
  '3PHu3BT2DCZ3yycP4Jcd46NYd5Fmm86B+M63Vf4GQlCv7FZXvIx4v7sRYQ7++S6v02mgCU9fgNbH2wuIaProNrz25EU6lt1c/3Ea',
  'UHpjVFrN5Lk/Q/C3GHhQw1dhbDPPJY6fubJehL8bGx9waKXTkguYfTSXpM0/XrYN2MlnPEUTGIh3G0pnGLCMgOnSqYi+iSBvtL2h',
  'n7CtQgiF7GDE7JfK0LsSWYleSsxHBEDOV0GR8eGnO+YHXSdqudklkT2YsQBsTGOdbWysbfQDpfNIXAytv8CDNEBf4+McTr26w0kx',
  'Jd0lpmuF3KgGSmqM5heOAQf3XrShO8hk="}',
].join('');

describe('golden envelope', () => {
  it('sealing with the fixed ephemeral key reproduces the committed text', () => {
    vi.mocked(randomBytes).mockReturnValueOnce(hexToBytes(EPHEMERAL_IKM));
    expect(sealEnvelope(alice(), bob(), DRAFT)).toBe(GOLDEN);
  });

  it('the committed text opens to the same header and body', () => {
    const opened = openEnvelope(GOLDEN, bob(), alice());
    expect(opened.body).toEqual(DRAFT.body);
    expect(opened.header).toMatchObject({ kind: 'share-update', shareId: DRAFT.shareId, itemId: 'item-42', version: 2, created: DRAFT.created });
  });
});

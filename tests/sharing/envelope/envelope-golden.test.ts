/**
 * A golden envelope: fixed keys, a fixed ephemeral key and a fixed share id give exactly the committed
 * text, and the committed text opens. Any change to the header or address encoding, the signed bytes, the
 * HPKE info or the wire layout fails here on purpose: envelopes already in mailboxes must keep opening.
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
 * Format v2 (the kind, share id, item id, edit count and times sealed inside, T07), replacing the v1 golden
 * on purpose; then the suite (`x25519` here) named in the address and the signed header (issue 16, T27),
 * replacing the suite-less v2 golden on purpose before any release. Made by this code once, and checked independently by check-golden-envelope.py beside this
 * file: RFC 9180 base mode written out over Python `cryptography` primitives (X25519, HMAC-SHA256,
 * ChaCha20Poly1305) opened it with bob's key, the v2 info and the address encoding as aad, and the Ed25519
 * signature verified over the documented signed bytes.
 */
const GOLDEN = [
  '{"v":2,"address":{"sender":{"handle":"alice","fingerprint":"OJXJTQUUYg6VYyuAUrnEcbaApRTRkjfOvKaFbM6i',
  'LQg="},"recipient":{"fingerprint":"4U18plkjvJdCDM54efEYOttRzQj6OYX4zwD3GUkECQQ="},"suite":"x25519"},',
  '"enc":"edMlGCMt14KSqsbI4ija3IVKNRJLvLQQwkEFu41LUi8=","ct":"DpHp+mw5SAC4xxCP6dFAvHoYBiz7HTHVohcN1Zzxr',
  'oMe1bkyzCRafKBDKvsZGv1vI9CdS0PZLJF50ulD1ILk5cDJJ0Yp7mK+lbY67rwYzKpL6DPy+Y9YlwfNMWqp1oGy3P/rjY2/0hJtl',
  'Yf0/2YVM9lWwZixsamPHF2KyWlWGT7oZGj8tBd4h+8TlHkf9rrwGLJzkbHC+MG+bozwS2jZVPOLerTR6u6Dq2hCn/FxPQpOTzlZc',
  'Jf0sfcf9akdKP1s7vFRzc3IoRa2/uT0TqwogpkHsrukSgu2xl6sYSV+SCmI1bUXjO+7tqKtBFTR5N/qxAtGrvaCU8nakgHbeM0vy',
  '5MF8mb9G9t+eUEcQAx3XCTa/zNNBj0zJ1mxOyFur7fPx5xi2KfEGLJw0MGKG14Et5OqOVZo/ohAPGOsvrGgBFxgEkkvNg7tNMh20',
  'YIaT4tfS44gifTpTcm4QkMf/x1UrnCQkfSEM3PkCwLl+ousU76g3dK+Je/r36MyFRUck8l1qN9hqmK4UtFwO4WByQ=="}',
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

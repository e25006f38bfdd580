/**
 * peekEnvelope: what an offer from a sender who is not pinned says about itself (T02, T07). It reads the
 * sealed kind, share id and version with my key only, refuses what is not for me or does not decrypt with
 * the same reasons openEnvelope gives, and, with no pinned key, checks no signature: a forged signature
 * still peeks (so the result may only file a request), and the same envelope then fails openEnvelope.
 */
import { describe, expect, it } from 'vitest';
import { fromBase64, toBase64 } from '../../../lib/crypto/base64';
import { EnvelopeError } from '../../../lib/sharing/envelope/envelope-error';
import { newShareId } from '../../../lib/sharing/envelope/new-share-id';
import { openEnvelope } from '../../../lib/sharing/envelope/open-envelope';
import { peekEnvelope } from '../../../lib/sharing/envelope/peek-envelope';
import { sealEnvelope } from '../../../lib/sharing/envelope/seal-envelope';
import { keyFingerprint } from '../../../lib/sharing/identity/key-fingerprint';
import { craftEnvelope, rewrite } from '../craft-envelope';
import { DAY, NOW, person, publicOf, sampleLogin } from '../fixtures';

const alice = person('alice');
const bob = person('bob');
const carol = person('carol');
const shareId = newShareId();
const offer = () =>
  sealEnvelope(alice, publicOf(bob), { shareId, itemId: 'a1b2c3d4e5f60718293a4b5c6d7e8f90', version: 3, created: NOW, expiresAt: NOW + DAY, body: { kind: 'share-offer', item: sampleLogin(), permission: 'view', expiresAt: NOW + DAY } });

const reasonOf = (action: () => unknown) => {
  try {
    action();
  } catch (error) {
    return error instanceof EnvelopeError ? error.reason : 'other';
  }
  return 'none';
};

describe('peekEnvelope', () => {
  it('reads the sealed kind, share id and version of an offer to me', () => {
    expect(peekEnvelope(offer(), bob)).toMatchObject({ kind: 'share-offer', shareId, version: 3, sender: { handle: 'alice' } });
  });

  it('refuses an envelope sealed to another key (misaddressed) and one whose ciphertext was touched (unauthentic)', () => {
    expect(reasonOf(() => peekEnvelope(offer(), carol))).toBe('misaddressed');
    const touched = rewrite(offer(), (e) => {
      const ct = fromBase64(e.ct);
      ct[ct.length - 1]! ^= 1;
      e.ct = toBase64(ct);
    });
    expect(reasonOf(() => peekEnvelope(touched, bob))).toBe('unauthentic');
    expect(reasonOf(() => peekEnvelope('{"v":1}', bob))).toBe('malformed');
  });

  it('T02 checks no signature: a forgery in alice\'s name peeks, and fails to open once alice is pinned', () => {
    const header = {
      v: 2 as const,
      suite: 'x25519' as const,
      kind: 'share-offer' as const,
      sender: { handle: 'alice', fingerprint: toBase64(keyFingerprint(alice)) },
      recipient: { fingerprint: toBase64(keyFingerprint(bob)) },
      shareId,
      itemId: 'forged',
      version: 9,
      created: NOW,
    };
    const forged = craftEnvelope({ header, body: { kind: 'share-offer', item: sampleLogin(), permission: 'view', expiresAt: null }, signer: carol.signingSecretKey, sealTo: bob.encryptionKey });
    expect(peekEnvelope(forged, bob)).toMatchObject({ version: 9, itemId: 'forged' });
    expect(reasonOf(() => openEnvelope(forged, bob, publicOf(alice)))).toBe('unauthentic');
  });
});

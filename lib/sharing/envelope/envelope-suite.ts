/**
 * Which HPKE suite an envelope uses (DESIGN §12, T27): the recipient's pinned keys decide. To a contact
 * whose pinned bundle has an X-Wing key only the post-quantum suite; to one without, X25519 until they
 * upgrade. There is no way to ask for the classic suite to a contact with an X-Wing key.
 */
import { sealBase, type HpkeSealed } from '../../crypto/hpke/seal-base';
import { X25519_KEM } from '../../crypto/hpke/x25519-kem';
import { XWING_KEM } from '../../crypto/hpke/xwing-kem';
import type { PublicIdentity } from '../identity/identity';
import type { EnvelopeSuite } from './envelope-schema';

/** @returns `xwing` when the recipient's pinned keys include an X-Wing key, else `x25519` */
export function envelopeSuiteFor(recipient: PublicIdentity): EnvelopeSuite {
  return recipient.xwingKey ? 'xwing' : 'x25519';
}

/**
 * HPKE SealBase to the recipient's key of the suite envelopeSuiteFor picks: the 1,216-byte X-Wing key
 * (`enc` 1,120 bytes) or the 32-byte X25519 key (`enc` 32 bytes).
 * @param info - HPKE info
 * @param aad - the encoded address, which names the same suite
 * @param plaintext - what to seal; `ct` is 16 bytes longer
 */
export function sealToSuite(recipient: PublicIdentity, info: Uint8Array, aad: Uint8Array, plaintext: Uint8Array): HpkeSealed {
  return recipient.xwingKey ? sealBase(XWING_KEM, recipient.xwingKey, info, aad, plaintext) : sealBase(X25519_KEM, recipient.encryptionKey, info, aad, plaintext);
}

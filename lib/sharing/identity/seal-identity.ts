/**
 * Stores an identity sealed under the vault key (XChaCha20-Poly1305, purpose "identity", record id = vault id).
 * Plaintext layout: X25519 secret key (32) ‖ Ed25519 secret key (32) ‖ X-Wing seed (32, only when the
 * identity has an X-Wing key; the AEAD context names which layout) ‖ UTF-8 JSON `{ handle, created }`.
 * The keys stay binary so they can be wiped; the handle is inside too, since nothing identifying is stored in clear (S1).
 */
import { concatBytes, utf8ToBytes } from '@noble/hashes/utils.js';
import type { VaultKey } from '../../crypto/keys';
import { seal } from '../../crypto/seal';
import type { Sealed } from '../../crypto/sealed';
import { wipe } from '../../crypto/wipe';
import type { Identity } from './identity';
import { identityContext } from './identity-context';

/**
 * Seals the identity's secret keys, handle and creation time.
 * @param vaultKey - the 32-byte vault key
 * @param vaultId - the vault's id, bound as the record id so the object cannot be moved to another vault
 * @returns a versioned `{ v, alg, nonce, ct }`; `ct` is 64 (96 with X-Wing) + 16 bytes plus the JSON's length
 */
export function sealIdentity(vaultKey: VaultKey, vaultId: string, identity: Identity): Sealed {
  const xwing = identity.xwingSecretKey;
  const plaintext = concatBytes(
    identity.encryptionSecretKey,
    identity.signingSecretKey,
    xwing ?? new Uint8Array(0),
    utf8ToBytes(JSON.stringify({ handle: identity.handle, created: identity.created })),
  );
  try {
    return seal(vaultKey, plaintext, identityContext(vaultId, xwing !== undefined));
  } finally {
    wipe(plaintext);
  }
}

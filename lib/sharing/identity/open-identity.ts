/** Opens an identity sealed by sealIdentity and rebuilds its public keys from the secret ones. */
import { z } from 'zod';
import { publicKeyOf } from '../../crypto/hpke/public-key-of';
import { xwingPublicKeyOf } from '../../crypto/hpke/xwing-public-key-of';
import { asKey, type HpkeSecretKey, type SigningSecretKey, type VaultKey, type XWingSecretKey } from '../../crypto/keys';
import { openSealed } from '../../crypto/open-sealed';
import { DecryptError } from '../../crypto/sealed';
import { signingPublicKey } from '../../crypto/signing-public-key';
import { wipe } from '../../crypto/wipe';
import { handleSchema } from '../../relay-protocol/identity-bundle';
import type { Identity } from './identity';
import { identityContext } from './identity-context';

const tailSchema = z.object({ handle: handleSchema, created: z.number().int().nonnegative() }).strict();
const decoder = new TextDecoder('utf-8', { fatal: true });
const KEY = 32;

/**
 * Tries the v2 layout (with an X-Wing seed) first, then v1: the AEAD context names the layout, so only
 * the right one authenticates (one failed XChaCha20-Poly1305 tag check, about 2 µs, for a v1 identity).
 * @param vaultKey - the 32-byte vault key it was sealed under
 * @param vaultId - the vault's id it was sealed for
 * @param sealed - untrusted stored object
 * @returns the identity; wipe it with wipeIdentity at lock (S4)
 * @throws DecryptError when it does not authenticate or its authenticated content is malformed
 */
export function openIdentity(vaultKey: VaultKey, vaultId: string, sealed: unknown): Identity {
  let withXWing = true;
  let plaintext: Uint8Array;
  try {
    plaintext = openSealed(vaultKey, sealed, identityContext(vaultId, true));
  } catch {
    withXWing = false;
    plaintext = openSealed(vaultKey, sealed, identityContext(vaultId, false));
  }
  try {
    const keysEnd = withXWing ? 3 * KEY : 2 * KEY;
    if (plaintext.length <= keysEnd) throw new DecryptError();
    const tail = tailSchema.safeParse(safeJson(plaintext.subarray(keysEnd)));
    if (!tail.success) throw new DecryptError();
    const encryptionSecretKey = asKey<HpkeSecretKey>(plaintext.slice(0, KEY));
    const signingSecretKey = asKey<SigningSecretKey>(plaintext.slice(KEY, 2 * KEY));
    const identity: Identity = {
      handle: tail.data.handle,
      created: tail.data.created,
      encryptionKey: publicKeyOf(encryptionSecretKey),
      signingKey: signingPublicKey(signingSecretKey),
      encryptionSecretKey,
      signingSecretKey,
    };
    if (withXWing) {
      const xwingSecretKey = asKey<XWingSecretKey>(plaintext.slice(2 * KEY, 3 * KEY));
      identity.xwingSecretKey = xwingSecretKey;
      identity.xwingKey = xwingPublicKeyOf(xwingSecretKey);
    }
    return identity;
  } finally {
    wipe(plaintext);
  }
}

function safeJson(bytes: Uint8Array): unknown {
  try {
    return JSON.parse(decoder.decode(bytes));
  } catch {
    return undefined;
  }
}

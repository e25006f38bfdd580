/** Opens an identity sealed by sealIdentity and rebuilds its public keys from the secret ones. */
import { z } from 'zod';
import { publicKeyOf } from '../../crypto/hpke/public-key-of';
import { asKey, type HpkeSecretKey, type SigningSecretKey, type VaultKey } from '../../crypto/keys';
import { openSealed } from '../../crypto/open-sealed';
import { DecryptError } from '../../crypto/sealed';
import { signingPublicKey } from '../../crypto/signing-public-key';
import { wipe } from '../../crypto/wipe';
import { handleSchema } from '../../relay-protocol/identity-bundle';
import type { Identity } from './identity';
import { identityContext } from './identity-context';

const tailSchema = z.object({ handle: handleSchema, created: z.number().int().nonnegative() }).strict();
const decoder = new TextDecoder('utf-8', { fatal: true });

/**
 * @param vaultKey - the 32-byte vault key it was sealed under
 * @param vaultId - the vault's id it was sealed for
 * @param sealed - untrusted stored object
 * @returns the identity; wipe it with wipeIdentity at lock (S4)
 * @throws DecryptError when it does not authenticate or its authenticated content is malformed
 */
export function openIdentity(vaultKey: VaultKey, vaultId: string, sealed: unknown): Identity {
  const plaintext = openSealed(vaultKey, sealed, identityContext(vaultId));
  try {
    if (plaintext.length <= 64) throw new DecryptError();
    const tail = tailSchema.safeParse(safeJson(plaintext.subarray(64)));
    if (!tail.success) throw new DecryptError();
    const encryptionSecretKey = asKey<HpkeSecretKey>(plaintext.slice(0, 32));
    const signingSecretKey = asKey<SigningSecretKey>(plaintext.slice(32, 64));
    return {
      handle: tail.data.handle,
      created: tail.data.created,
      encryptionKey: publicKeyOf(encryptionSecretKey),
      signingKey: signingPublicKey(signingSecretKey),
      encryptionSecretKey,
      signingSecretKey,
    };
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

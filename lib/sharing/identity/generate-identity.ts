/** A new sharing identity for a vault: fresh X25519, X-Wing and Ed25519 key pairs under a chosen handle. */
import { generateSigningKeyPair } from '../../crypto/generate-signing-key-pair';
import { generateKeyPair } from '../../crypto/hpke/generate-key-pair';
import { xwingGenerateKeyPair } from '../../crypto/hpke/xwing-generate-key-pair';
import { handleSchema } from '../../relay-protocol/identity-bundle';
import type { Identity } from './identity';

/**
 * Generates the three key pairs from the platform CSPRNG (about 1 ms; the X-Wing key is 1,216 bytes).
 * @param handle - 3–32 lowercase letters, digits, ".", "-" or "_" (handleSchema)
 * @param now - creation time, ms since epoch
 * @throws ZodError for an invalid handle
 * @example const me = generateIdentity('alice', Date.now());
 */
export function generateIdentity(handle: string, now: number): Identity {
  const validHandle = handleSchema.parse(handle);
  const encryption = generateKeyPair();
  const signing = generateSigningKeyPair();
  const xwing = xwingGenerateKeyPair();
  return {
    handle: validHandle,
    created: now,
    encryptionKey: encryption.publicKey,
    signingKey: signing.publicKey,
    xwingKey: xwing.publicKey,
    encryptionSecretKey: encryption.secretKey,
    signingSecretKey: signing.secretKey,
    xwingSecretKey: xwing.secretKey,
  };
}

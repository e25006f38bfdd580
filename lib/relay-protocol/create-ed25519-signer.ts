/** A RequestSigner backed by an Ed25519 secret key held in memory (RFC 8032, lib/crypto/sign-ed25519). */
import type { SigningSecretKey } from '../crypto/keys';
import { signEd25519 } from '../crypto/sign-ed25519';
import type { RequestSigner } from './request-signer';

/**
 * Wraps an identity's Ed25519 secret key as a request signer for `handle`. The key is used as is, not
 * copied, so wiping it (lib/crypto/wipe) also disables the signer.
 * @param handle - the identity's registered handle
 * @param secretKey - 32-byte Ed25519 seed
 * @example const signer = createEd25519Signer('alice', identity.signingSecretKey);
 */
export function createEd25519Signer(handle: string, secretKey: SigningSecretKey): RequestSigner {
  return { handle, sign: (message) => signEd25519(secretKey, message) };
}

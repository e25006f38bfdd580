/** The public identity a verified bundle describes, keys decoded from base64. */
import { fromBase64 } from '../../crypto/base64';
import type { IdentityBundle } from '../../relay-protocol/identity-bundle';
import type { PublicIdentity } from './identity';

/**
 * @param bundle - a bundle that passed verifyIdentityBundle
 * @returns handle and the two 32-byte public keys
 * @throws SyntaxError when a key is not canonical base64 (an unverified bundle)
 */
export function publicIdentityFromBundle(bundle: IdentityBundle): PublicIdentity {
  return { handle: bundle.handle, encryptionKey: fromBase64(bundle.encryptionKey), signingKey: fromBase64(bundle.signingKey) };
}

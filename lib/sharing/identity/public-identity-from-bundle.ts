/** The public identity a verified bundle describes, keys decoded from base64. */
import { fromBase64 } from '../../crypto/base64';
import type { IdentityBundle } from '../../relay-protocol/identity-bundle';
import type { PublicIdentity } from './identity';

/**
 * @param bundle - a bundle that passed verifyIdentityBundle
 * @returns handle, the two 32-byte public keys and, for a v2 bundle, the 1,216-byte X-Wing key
 * @throws SyntaxError when a key is not canonical base64 (an unverified bundle)
 */
export function publicIdentityFromBundle(bundle: IdentityBundle): PublicIdentity {
  const keys = { handle: bundle.handle, encryptionKey: fromBase64(bundle.encryptionKey), signingKey: fromBase64(bundle.signingKey) };
  return bundle.v === 2 ? { ...keys, xwingKey: fromBase64(bundle.xwingKey) } : keys;
}

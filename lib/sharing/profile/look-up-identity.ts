/**
 * Asks the relay for a handle's identity bundle and keeps it only if it is well formed, self-signed and
 * for the handle asked. That proves nothing about who holds the keys (T01): the caller pins them as
 * unverified, or compares them with what is pinned.
 */
import type { RelayClient } from '../../relay-protocol/relay-client';
import { verifyIdentityBundle } from '../../relay-protocol/verify-identity-bundle';
import type { PublicIdentity } from '../identity/identity';
import { publicIdentityFromBundle } from '../identity/public-identity-from-bundle';

/**
 * @returns the handle's public identity; `missing` when the relay has none; `invalid` when its answer
 *   does not verify or names another handle
 * @throws RelayError when the relay cannot be asked (offline, refused …)
 */
export async function lookUpIdentity(relay: RelayClient, handle: string): Promise<PublicIdentity | 'missing' | 'invalid'> {
  const answer = await relay.lookup(handle);
  if (answer === null) return 'missing';
  const check = verifyIdentityBundle(answer);
  if (!check.ok || check.bundle.handle !== handle) return 'invalid';
  return publicIdentityFromBundle(check.bundle);
}

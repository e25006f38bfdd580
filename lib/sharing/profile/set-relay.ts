/**
 * Moves the sharing identity to another relay: the same keys and handle are registered there, and its
 * mailbox is read from the start. Operations already in the outbox go to the new relay.
 * Run it under withSharingLock.
 */
import type { VaultDb } from '../../db/vault-db';
import { VaultError } from '../../vault/model/vault-error';
import { signIdentityBundle } from '../../relay-protocol/sign-identity-bundle';
import type { UnlockedVault } from '../../vault/keys/unlocked-vault';
import { commitSharing } from '../store/commit-sharing';
import { withIdentity } from '../store/read-identity';
import { relayUrlSchema, sealProfile } from '../store/sharing-profile';

/**
 * @param relayUrl - the new relay's http(s) origin
 * @param now - ms since epoch
 * @throws VaultError `invalid-request` for a bad URL, `not-found` without an identity
 */
export async function setRelay(db: VaultDb, vault: UnlockedVault, relayUrl: string, now: number): Promise<void> {
  if (!relayUrlSchema.safeParse(relayUrl).success) throw new VaultError('invalid-request', 'The relay address must be an http:// or https:// URL.');
  const origin = new URL(relayUrl).origin;
  await withIdentity(db, vault, async ({ identity, profile, record }) => {
    if (origin === profile.relayUrl && profile.registered) return;
    await commitSharing(db, vault, {
      identity: { ...record, profile: sealProfile(vault, { ...profile, relayUrl: origin, registered: false, seen: [], lastError: null }) },
      outbox: [{ kind: 'register', bundle: signIdentityBundle(identity) }],
      audit: [{ type: 'sharing-relay-changed', party: identity.handle }],
    }, now);
  });
}

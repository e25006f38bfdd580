/**
 * Changes the handle this vault shares under, keeping its keys (issue 17: handle and relay could not be
 * changed after "Register"). The same keys are registered under the new handle on the current relay and
 * the mailbox is read from the start under it. What this breaks is said before (handle-change-impact.ts):
 * contacts know the old handle, and safety numbers include it. Run it under withSharingLock.
 */
import type { VaultDb } from '../../db/vault-db';
import { handleSchema } from '../../relay-protocol/identity-bundle';
import { signIdentityBundle } from '../../relay-protocol/sign-identity-bundle';
import type { UnlockedVault } from '../../vault/keys/unlocked-vault';
import { VaultError } from '../../vault/model/vault-error';
import { sealIdentity } from '../identity/seal-identity';
import { commitSharing } from '../store/commit-sharing';
import { withIdentity } from '../store/read-identity';
import { sealProfile } from '../store/sharing-profile';

/**
 * @param handle - the new handle: 3–32 lowercase letters, digits, ".", "-" or "_"
 * @param now - ms since epoch
 * @returns the old handle (for the audit log)
 * @throws VaultError `invalid-request` for a bad or unchanged handle, `not-found` without an identity
 */
export async function setHandle(db: VaultDb, vault: UnlockedVault, handle: string, now: number): Promise<string> {
  if (!handleSchema.safeParse(handle).success) {
    throw new VaultError('invalid-request', 'A handle is 3–32 lowercase letters, digits, ".", "-" or "_", starting with a letter or digit.');
  }
  return withIdentity(db, vault, async ({ identity, profile, record }) => {
    const old = identity.handle;
    if (old === handle) throw new VaultError('invalid-request', 'That is already your handle.');
    const renamed = { ...identity, handle };
    // Operations still in the outbox go out after the new registration; envelopes already sealed name the
    // old handle, which their recipients know. The caller syncs first, so there are usually none.
    await commitSharing(db, vault, {
      identity: { ...record, keys: sealIdentity(vault.vaultKey, vault.vaultId, renamed), profile: sealProfile(vault, { ...profile, registered: false, seen: [], lastError: null }) },
      outbox: [{ kind: 'register', bundle: signIdentityBundle(renamed) }],
      audit: [{ type: 'sharing-handle-changed', party: handle }],
    }, now);
    return old;
  });
}

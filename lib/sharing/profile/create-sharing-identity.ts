/**
 * Gives the vault a sharing identity: fresh X25519 and Ed25519 key pairs under a handle, sealed under the
 * vault key, and its self-signed bundle queued for registration on the relay (offline first). An identity
 * that never got registered (its handle was taken, say) may be replaced while nothing depends on it yet.
 */
import type { VaultDb } from '../../db/vault-db';
import { VaultError } from '../../vault/model/vault-error';
import { handleSchema } from '../../relay-protocol/identity-bundle';
import { signIdentityBundle } from '../../relay-protocol/sign-identity-bundle';
import { generateIdentity } from '../identity/generate-identity';
import { sealIdentity } from '../identity/seal-identity';
import { wipeIdentity } from '../identity/wipe-identity';
import type { UnlockedVault } from '../../vault/keys/unlocked-vault';
import { commitSharing } from '../store/commit-sharing';
import { readIdentity } from '../store/read-identity';
import { relayUrlSchema, sealProfile } from '../store/sharing-profile';

/**
 * @param handle - 3–32 lowercase letters, digits, ".", "-" or "_"
 * @param relayUrl - the relay's http(s) origin, e.g. `http://127.0.0.1:8787`
 * @param now - ms since epoch
 * @throws VaultError `invalid-request` for a bad handle or URL, `vault-exists` when a registered
 *   identity (or one with shares) exists already
 */
export async function createSharingIdentity(db: VaultDb, vault: UnlockedVault, handle: string, relayUrl: string, now: number): Promise<void> {
  if (!handleSchema.safeParse(handle).success) {
    throw new VaultError('invalid-request', 'A handle is 3–32 lowercase letters, digits, ".", "-" or "_", starting with a letter or digit.');
  }
  if (!relayUrlSchema.safeParse(relayUrl).success) throw new VaultError('invalid-request', 'The relay address must be an http:// or https:// URL.');
  const existing = await readIdentity(db, vault);
  if (existing) {
    wipeIdentity(existing.identity);
    const inUse = existing.profile.registered || (await db.shares.count()) > 0 || (await db.received.count()) > 0;
    if (inUse) throw new VaultError('vault-exists', 'This vault already has a registered sharing identity.');
  }
  const identity = generateIdentity(handle, now);
  try {
    const profile = { relayUrl: new URL(relayUrl).origin, registered: false, seen: [], lastSyncAt: null, lastError: null, refusals: [] };
    // A replaced identity's registration must not go out after the new one's.
    const stale = (await db.outbox.toCollection().primaryKeys()) as number[];
    await commitSharing(db, vault, {
      identity: { id: 'me', keys: sealIdentity(vault.vaultKey, vault.vaultId, identity), profile: sealProfile(vault, profile) },
      removeOutbox: existing ? stale : [],
      outbox: [{ kind: 'register', bundle: signIdentityBundle(identity) }],
    }, now);
  } finally {
    wipeIdentity(identity);
  }
}

/** Opens the vault's sharing identity and its profile for one operation; the caller wipes the keys afterwards. */
import type { IdentityRecord, VaultDb } from '../../db/vault-db';
import { VaultError } from '../../vault/model/vault-error';
import type { Identity } from '../identity/identity';
import { openIdentity } from '../identity/open-identity';
import { wipeIdentity } from '../identity/wipe-identity';
import type { UnlockedVault } from '../../vault/keys/unlocked-vault';
import { openProfile, type SharingProfile } from './sharing-profile';

/** The opened identity, its profile and the stored row (whose `keys` a profile update writes back unchanged). */
export interface OpenedIdentity {
  identity: Identity;
  profile: SharingProfile;
  record: IdentityRecord;
}

/**
 * @returns the identity, or null when this vault has none yet
 * @throws VaultError `corrupted` when the stored identity or profile does not open
 */
export async function readIdentity(db: VaultDb, vault: UnlockedVault): Promise<OpenedIdentity | null> {
  const record = await db.identity.get('me');
  if (!record) return null;
  let identity: Identity | null = null;
  try {
    identity = openIdentity(vault.vaultKey, vault.vaultId, record.keys);
    return { identity, profile: openProfile(vault, record.profile), record };
  } catch {
    if (identity) wipeIdentity(identity);
    throw new VaultError('corrupted', 'The sharing identity stored in this vault is damaged and cannot be opened.');
  }
}

/**
 * Runs `task` with the identity and wipes its secret keys afterwards (S3, best effort as lib/crypto/wipe says).
 * @throws VaultError `not-found` when the vault has no sharing identity yet
 */
export async function withIdentity<T>(db: VaultDb, vault: UnlockedVault, task: (opened: OpenedIdentity) => Promise<T>): Promise<T> {
  const opened = await readIdentity(db, vault);
  if (!opened) throw new VaultError('not-found', 'Set up sharing first: choose a handle in Settings → Sharing.');
  try {
    return await task(opened);
  } finally {
    wipeIdentity(opened.identity);
  }
}

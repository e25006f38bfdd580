/**
 * Unlocks the vault: checks the KDF parameters, derives the master key, unwraps the vault key, opens
 * the manifest and the overview buckets (the list rows), and counts the stored items against the manifest.
 */
import { deriveVaultMasterKey } from './derive-vault-master-key';
import { deriveSubkey } from '../../crypto/derive-subkey';
import { assertKdfParams, isKdfOutdated, KDF_DEFAULT, KdfParamsError, SALT_LENGTH, type KdfParams } from '../../crypto/kdf-params';
import type { MasterKey, VaultKey } from '../../crypto/keys';
import { randomBytes } from '../../crypto/random-bytes';
import { DecryptError } from '../../crypto/sealed';
import { unwrapKey } from '../../crypto/unwrap-key';
import { wipe } from '../../crypto/wipe';
import { wrapKey } from '../../crypto/wrap-key';
import type { HeaderRecord, VaultDb } from '../../db/vault-db';
import { VaultError } from '../model/vault-error';
import type { IntegrityReport } from '../model/integrity-report';
import { appendAudit } from '../records/commit-changes';
import type { UnlockedVault } from '../keys/unlocked-vault';
import { vaultKeyContext } from '../keys/vault-key-context';
import { openVault } from './open-vault-lists';

/**
 * @returns the unlocked vault and the integrity report (T09, S8)
 * @throws VaultError `no-vault`, `wrong-password`, or `corrupted` (header unreadable or weak KDF, T10)
 */
export async function unlockVault(db: VaultDb, password: string, now = Date.now()): Promise<{ vault: UnlockedVault; integrity: IntegrityReport }> {
  const header = await readHeader(db);
  const masterKey = await deriveVaultMasterKey(password, header.kdf);
  let vaultKey: VaultKey;
  try {
    vaultKey = unwrapWithMasterKey(masterKey, header);
  } finally {
    wipe(masterKey);
  }
  let opened: { vault: UnlockedVault; integrity: IntegrityReport };
  try {
    opened = await openVault(db, header, vaultKey);
  } catch (error) {
    wipe(vaultKey);
    throw error;
  }
  const { vault, integrity } = opened;
  // T12: a vault with older parameters is re-wrapped with the current default at its next unlock.
  // Derived before the transaction: an IndexedDB transaction commits itself across a non-Dexie await.
  const rewrapped = isKdfOutdated(header.kdf) ? await wrapVaultKey(header.vaultId, vaultKey, password) : null;
  await db.transaction('rw', db.header, db.audit, async () => {
    if (rewrapped) await db.header.update('vault', rewrapped);
    await appendAudit(db, vault, [{ type: 'vault-unlocked' }], now);
  });
  return { vault, integrity };
}

/**
 * Reads the header and checks its KDF parameters before anything is derived (S5).
 * @throws VaultError `no-vault` or `corrupted`
 */
export async function readHeader(db: VaultDb): Promise<HeaderRecord> {
  const header = await db.header.get('vault');
  if (!header) throw new VaultError('no-vault', 'There is no vault in this browser profile yet.');
  try {
    assertKdfParams(header.kdf);
  } catch (error) {
    if (error instanceof KdfParamsError) throw new VaultError('corrupted', 'The vault header is damaged or uses key-derivation settings below the safe minimum.');
    throw error;
  }
  return header;
}

/**
 * Unwraps the vault key with a master key.
 * @throws VaultError `wrong-password` (a tampered header is indistinguishable, by design: T11)
 */
export function unwrapWithMasterKey(masterKey: MasterKey, header: HeaderRecord): VaultKey {
  const kek = deriveSubkey(masterKey, 'vault-kek');
  try {
    return unwrapKey(kek, header.wrappedVaultKey, vaultKeyContext(header.vaultId, header.kdf));
  } catch (error) {
    if (error instanceof DecryptError) throw new VaultError('wrong-password', 'Wrong master password.');
    throw error;
  } finally {
    wipe(kek);
  }
}

/**
 * Wraps the vault key under a new master password (or the same one) with a fresh 16-byte salt and the
 * default parameters. One Argon2id derivation.
 * @returns the header fields to write
 */
export async function wrapVaultKey(vaultId: string, vaultKey: VaultKey, password: string): Promise<Pick<HeaderRecord, 'kdf' | 'wrappedVaultKey'>> {
  const kdf: KdfParams = { alg: 'argon2id', version: 0x13, ...KDF_DEFAULT, salt: randomBytes(SALT_LENGTH) };
  const masterKey = await deriveVaultMasterKey(password, kdf);
  const kek = deriveSubkey(masterKey, 'vault-kek');
  try {
    return { kdf, wrappedVaultKey: wrapKey(kek, vaultKey, vaultKeyContext(vaultId, kdf)) };
  } finally {
    wipe(masterKey, kek);
  }
}

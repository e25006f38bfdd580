/**
 * Re-asks the master password before an action that hands the vault's contents out (exports), so a vault
 * left unlocked cannot be carried off in one click; the same check Bitwarden and 1Password make.
 */
import { deriveVaultMasterKey } from './derive-vault-master-key';
import { wipe } from '../../crypto/wipe';
import type { VaultDb } from '../../db/vault-db';
import { readHeader, unwrapWithMasterKey } from './unlock-vault';

/**
 * One Argon2id derivation at the vault's parameters; every key made here is wiped.
 * @throws VaultError `wrong-password` (or `no-vault`, `corrupted` for an unreadable header)
 * @example await verifyMasterPassword(db, password);
 */
export async function verifyMasterPassword(db: VaultDb, password: string): Promise<void> {
  const header = await readHeader(db);
  const masterKey = await deriveVaultMasterKey(password, header.kdf);
  try {
    wipe(unwrapWithMasterKey(masterKey, header));
  } finally {
    wipe(masterKey);
  }
}

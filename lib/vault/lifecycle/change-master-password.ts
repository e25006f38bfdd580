/**
 * Changes the master password. Only the header's wrapped vault key changes, in one write, so a crash at
 * any point leaves either the old or the new password working, never neither.
 */
import { deriveVaultMasterKey } from './derive-vault-master-key';
import { wipe } from '../../crypto/wipe';
import type { VaultDb } from '../../db/vault-db';
import { VaultError } from '../model/vault-error';
import { appendAudit } from '../records/commit-changes';
import type { UnlockedVault } from '../keys/unlocked-vault';
import { readHeader, unwrapWithMasterKey, wrapVaultKey } from './unlock-vault';

/**
 * Verifies `current`, then re-wraps the vault key under `next` (two Argon2id derivations).
 * @throws VaultError `wrong-password` when `current` is wrong; nothing is written then
 */
export async function changeMasterPassword(db: VaultDb, vault: UnlockedVault, current: string, next: string, now = Date.now()): Promise<void> {
  const header = await readHeader(db);
  const masterKey = await deriveVaultMasterKey(current, header.kdf);
  try {
    wipe(unwrapWithMasterKey(masterKey, header));
  } finally {
    wipe(masterKey);
  }
  const rewrapped = await wrapVaultKey(vault.vaultId, vault.vaultKey, next);
  await db.transaction('rw', db.header, db.audit, async () => {
    // The header must still be the one we checked: a concurrent change would otherwise be lost.
    const latest = await db.header.get('vault');
    if (!latest || latest.wrappedVaultKey.ct.length !== header.wrappedVaultKey.ct.length ||
        !latest.wrappedVaultKey.nonce.every((b, i) => b === header.wrappedVaultKey.nonce[i])) {
      throw new VaultError('invalid-request', 'The master password was changed elsewhere meanwhile. Try again.');
    }
    await db.header.update('vault', rewrapped);
    await appendAudit(db, vault, [{ type: 'master-password-changed' }], now);
  });
}

/**
 * deriveMasterKey for the vault's own operations (unlock, create, change and verify the master password): a failed
 * off-worker derivation (issue 15: the offscreen document did not start, its worker failed, a malformed answer)
 * becomes a clear message error; nothing was derived, so nothing was unlocked, written or changed (S8).
 */
import { deriveMasterKey, KdfFailedError } from '../../crypto/derive-master-key';
import type { KdfParams } from '../../crypto/kdf-params';
import type { MasterKey } from '../../crypto/keys';
import { VaultError } from '../model/vault-error';

/**
 * @param password - the master password
 * @param params - the vault's Argon2id parameters (checked against the floor first)
 * @returns the 32-byte master key; the caller wipes it
 * @throws VaultError `internal` when the key-derivation worker failed; KdfParamsError as deriveMasterKey
 */
export async function deriveVaultMasterKey(password: string, params: KdfParams): Promise<MasterKey> {
  try {
    return await deriveMasterKey(password, params);
  } catch (error) {
    if (error instanceof KdfFailedError) {
      throw new VaultError('internal', 'The master key could not be derived (the key-derivation worker failed). Nothing was unlocked or changed; try again.');
    }
    throw error;
  }
}

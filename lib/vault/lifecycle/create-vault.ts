/** Creates a new vault: random vault key wrapped under Argon2id(master password) → HKDF (DESIGN §4). */
import { bytesToHex } from '@noble/hashes/utils.js';
import { deriveVaultMasterKey } from './derive-vault-master-key';
import { deriveSubkey } from '../../crypto/derive-subkey';
import { generateKey } from '../../crypto/generate-key';
import { KDF_DEFAULT, SALT_LENGTH, type KdfParams } from '../../crypto/kdf-params';
import type { VaultKey } from '../../crypto/keys';
import { randomBytes } from '../../crypto/random-bytes';
import { wipe } from '../../crypto/wipe';
import { wrapKey } from '../../crypto/wrap-key';
import type { VaultDb } from '../../db/vault-db';
import { VaultError } from '../model/vault-error';
import { appendAudit } from '../records/commit-changes';
import { sealManifest } from '../records/manifest';
import { openVaultState, type UnlockedVault } from '../keys/unlocked-vault';
import { vaultKeyContext } from '../keys/vault-key-context';

/**
 * Creates the vault and returns it unlocked. Takes one Argon2id derivation (~0.3 s at the default).
 * @param kdf - parameters without salt; defaults to the floor (64 MiB, t=3, p=4)
 * @throws VaultError `vault-exists` when a vault is already there (nothing is overwritten)
 */
export async function createVault(
  db: VaultDb,
  password: string,
  kdf: Pick<KdfParams, 'm' | 't' | 'p'> = KDF_DEFAULT,
  now = Date.now(),
): Promise<UnlockedVault> {
  if (await db.header.get('vault')) throw new VaultError('vault-exists', 'A vault already exists in this browser profile.');
  const params: KdfParams = { alg: 'argon2id', version: 0x13, ...kdf, salt: randomBytes(SALT_LENGTH) };
  const vaultId = bytesToHex(randomBytes(16));
  const masterKey = await deriveVaultMasterKey(password, params);
  const kek = deriveSubkey(masterKey, 'vault-kek');
  const vaultKey = generateKey<VaultKey>();
  const vault = openVaultState(vaultId, vaultKey, new Map());
  try {
    await db.transaction('rw', db.header, db.audit, async () => {
      if (await db.header.get('vault')) throw new VaultError('vault-exists', 'A vault already exists in this browser profile.');
      await db.header.add({
        id: 'vault',
        vaultId,
        formatVersion: 1,
        kdf: params,
        wrappedVaultKey: wrapKey(kek, vaultKey, vaultKeyContext(vaultId, params)),
        manifest: sealManifest(vaultKey, vaultId, vault.manifest, vault.overviews),
        auditHead: null,
      });
      await db.audit.clear();
      await appendAudit(db, vault, [{ type: 'vault-created' }], now);
    });
  } finally {
    wipe(masterKey, kek);
  }
  return vault;
}

import { bytesToHex } from '@noble/hashes/utils.js';
import { generateKey } from '../lib/crypto/generate-key';
import { KDF_DEFAULT } from '../lib/crypto/kdf-params';
import type { KeyEncryptionKey, VaultKey } from '../lib/crypto/keys';
import { randomBytes } from '../lib/crypto/random-bytes';
import { wrapKey } from '../lib/crypto/wrap-key';
import { VaultDb } from '../lib/db/vault-db';
import { sealManifest } from '../lib/vault/records/manifest';
import { openVaultState } from '../lib/vault/keys/unlocked-vault';
import { vaultKeyContext } from '../lib/vault/keys/vault-key-context';
export async function syntheticVaultless() {
  const db = new VaultDb('p' + Math.random());
  const vaultId = bytesToHex(randomBytes(16));
  const vaultKey = generateKey<VaultKey>();
  const kdf = { alg: 'argon2id', version: 0x13, ...KDF_DEFAULT, salt: randomBytes(16) } as const;
  const vault = openVaultState(vaultId, vaultKey, new Map());
  await db.header.add({ id: 'vault', vaultId, formatVersion: 1, kdf: kdf as any, wrappedVaultKey: wrapKey(generateKey<KeyEncryptionKey>(), vaultKey, vaultKeyContext(vaultId, kdf as any)), manifest: sealManifest(vaultKey, vaultId, vault.manifest), auditHead: null });
  return { db, vault };
}

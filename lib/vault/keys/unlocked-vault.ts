/** The keys and manifest an unlocked vault holds in the background's memory (S3). */
import type { AuditKey, IndexKey, VaultKey } from '../../crypto/keys';
import { deriveSubkey } from '../../crypto/derive-subkey';
import { wipe } from '../../crypto/wipe';
import type { ItemSummary } from '../model/item-schema';

/** Everything needed to read and write items while unlocked. Lives only in the background. */
export interface UnlockedVault {
  vaultId: string;
  vaultKey: VaultKey;
  indexKey: IndexKey;
  auditKey: AuditKey;
  /** Item id → revision, mirrored from the sealed manifest. */
  manifest: Map<string, number>;
  /** Decrypted list rows of live (not deleted) items, built at unlock so listing needs no decrypt. */
  summaries: Map<string, ItemSummary>;
}

/**
 * Builds the in-memory state from a vault key, deriving the index and audit keys (HKDF).
 * @param vaultKey - 32 bytes; kept by reference, wiped by `closeVault`
 */
export function openVaultState(vaultId: string, vaultKey: VaultKey, manifest: Map<string, number>): UnlockedVault {
  return {
    vaultId,
    vaultKey,
    indexKey: deriveSubkey(vaultKey, 'blind-index'),
    auditKey: deriveSubkey(vaultKey, 'audit-chain'),
    manifest,
    summaries: new Map(),
  };
}

/** Wipes the keys (best effort, see lib/crypto/wipe) and empties the manifest. */
export function closeVault(vault: UnlockedVault): void {
  wipe(vault.vaultKey, vault.indexKey, vault.auditKey);
  vault.manifest.clear();
  vault.summaries.clear();
}

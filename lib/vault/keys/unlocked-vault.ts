/** The keys and manifest an unlocked vault holds in the background's memory (S3). */
import type { AuditKey, IndexKey, VaultKey } from '../../crypto/keys';
import { deriveSubkey } from '../../crypto/derive-subkey';
import { wipe } from '../../crypto/wipe';
import type { ItemSummary } from '../model/item-schema';
import type { OverviewRow } from '../model/overview-row';

/** Everything needed to read and write items while unlocked. Lives only in the background. */
export interface UnlockedVault {
  vaultId: string;
  vaultKey: VaultKey;
  indexKey: IndexKey;
  auditKey: AuditKey;
  /** Item id → revision, mirrored from the sealed manifest. */
  manifest: Map<string, number>;
  /** Overview bucket → revision, mirrored from the sealed manifest (lib/vault/records/overview-bucket). */
  overviews: Map<number, number>;
  /** Overview bucket → the rows it holds (item id → row), as last sealed; a write re-seals the buckets it touches. */
  overviewRows: Map<number, Map<string, OverviewRow>>;
  /** List rows of live (not deleted) items, built at unlock from the overview buckets, so listing needs no decrypt. */
  summaries: Map<string, ItemSummary>;
  /**
   * Called after every commit (lib/vault/records/commit-changes), once memory is updated; set by the background's
   * strength scoring so a save or an import is scored without waiting for the Health view. Must not throw.
   */
  onCommitted?: () => void;
  /** Set by `closeVault`: a write still queued then must not seal anything under the wiped keys. */
  closed?: boolean;
  /**
   * Set when a lock is asked for, before the lock's own audit write queues: an import sealing inside its write
   * stops at its next chunk and rolls back, rather than making the lock wait for it (lib/vault/records/commit-changes).
   */
  lockRequested?: boolean;
}

/**
 * Builds the in-memory state from a vault key, deriving the index and audit keys (HKDF).
 * @param vaultKey - 32 bytes; kept by reference, wiped by `closeVault`
 * @param overviews - bucket → revision from the manifest; empty for a new vault
 */
export function openVaultState(vaultId: string, vaultKey: VaultKey, manifest: Map<string, number>, overviews: Map<number, number> = new Map()): UnlockedVault {
  return {
    vaultId,
    vaultKey,
    indexKey: deriveSubkey(vaultKey, 'blind-index'),
    auditKey: deriveSubkey(vaultKey, 'audit-chain'),
    manifest,
    overviews,
    overviewRows: new Map(),
    summaries: new Map(),
  };
}

/** Wipes the keys (best effort, see lib/crypto/wipe) and empties the manifest and every list row. */
export function closeVault(vault: UnlockedVault): void {
  wipe(vault.vaultKey, vault.indexKey, vault.auditKey);
  vault.manifest.clear();
  vault.overviews.clear();
  vault.overviewRows.clear();
  vault.summaries.clear();
  delete vault.onCommitted;
  vault.closed = true;
}

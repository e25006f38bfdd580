/**
 * Sharing's records in the vault's sealed manifest (T09), beside the items: every contact, grant, received
 * copy and request under `<table>/<id>` with its revision, and every waiting relay operation under
 * `outbox/<seq>`. A row whose revision is not the manifest's (an old row written back), a listed row that
 * is gone, and a row the manifest does not list (a removed one brought back) are all treated as damaged:
 * never acted on, counted for the user (S8), and listed by the integrity report at unlock.
 *
 * `sharing/bound` in the manifest says the vault's records are bound. Before that (a vault written by an
 * earlier version), rows without a revision still open; commitSharing binds them at the first write, and
 * the unlock check at the first unlock.
 */
import { recordKey } from '../../vault/records/manifest';
import type { UnlockedVault } from '../../vault/keys/unlocked-vault';

/** The sharing tables whose records the manifest lists. */
export type BoundTable = 'contacts' | 'shares' | 'received' | 'requests' | 'outbox';

/** The manifest entry that says every sharing record is bound (its value is 1). */
export const BOUND_MARK = recordKey('sharing', 'bound');

/** What the checks read: the vault's in-memory copy of the sealed manifest. */
export type ManifestView = Pick<UnlockedVault, 'manifest'>;

/** True once the vault's sharing records are bound into its manifest. */
export function isBound(vault: ManifestView): boolean {
  return vault.manifest.has(BOUND_MARK);
}

/**
 * Whether a stored row is the one the manifest expects. Call it right after reading the row, with no
 * await in between: commitSharing moves the in-memory manifest at the end of its transaction.
 * @param rev - the row's clear revision (undefined for a row written before revisions)
 */
export function isCurrent(vault: ManifestView, table: BoundTable, id: string, rev: number | undefined): boolean {
  const expected = vault.manifest.get(recordKey(table, id));
  if (rev === undefined) return !isBound(vault) && expected === undefined;
  return expected === rev;
}

/** Whether outbox operation `seq` is one the manifest lists (every one is, before binding). */
export function isListedOperation(vault: ManifestView, seq: number): boolean {
  return !isBound(vault) || vault.manifest.has(recordKey('outbox', seq));
}

/** The ids the manifest lists for `table` (for outbox: sequence numbers as strings). */
export function listedIds(vault: ManifestView, table: BoundTable): string[] {
  const prefix = `${table}/`;
  return [...vault.manifest.keys()].filter((key) => key.startsWith(prefix)).map((key) => key.slice(prefix.length));
}

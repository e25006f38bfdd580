/** The rows a Health report reads: live logins with a password, from the unlocked vault's overview rows. */
import type { HealthRow } from '../analyze-health';
import type { UnlockedVault } from '../../vault/keys/unlocked-vault';

/**
 * Walks the overview rows in memory (no decryption): about 2 ms for 10,000 items.
 * @returns the rows with known health; `unknown`: live items whose health is not known yet (rows of an older
 *   build); `quarantined`: items that did not open at unlock
 */
export function healthRows(vault: UnlockedVault): { rows: HealthRow[]; unknown: number; quarantined: number } {
  const rows: HealthRow[] = [];
  let unknown = 0;
  for (const bucket of vault.overviewRows.values()) {
    for (const row of bucket.values()) {
      if (row.deleted) continue;
      if (row.health === undefined) unknown++;
      else if (row.health !== null) rows.push({ summary: row.summary, health: row.health });
    }
  }
  let quarantined = 0;
  for (const summary of vault.summaries.values()) if (summary.state === 'quarantined') quarantined++;
  return { rows, unknown, quarantined };
}

/**
 * Decrypts every live item once, at unlock, into list rows. A record that fails is quarantined and
 * reported; every other item still opens (S8).
 */
import type { ItemRecord } from '../db/vault-db';
import { openItem } from './open-item';
import { summarizeItem } from './summarize-item';
import type { UnlockedVault } from './unlocked-vault';

/**
 * Fills `vault.summaries` from `records`.
 * @returns ids of the records that could not be decrypted
 */
export function loadSummaries(vault: UnlockedVault, records: readonly ItemRecord[]): string[] {
  const quarantined: string[] = [];
  vault.summaries.clear();
  for (const record of records) {
    if (record.deletedAt !== null) continue;
    try {
      vault.summaries.set(record.id, summarizeItem(record.id, openItem(vault, record)));
    } catch {
      quarantined.push(record.id);
      vault.summaries.set(record.id, { state: 'quarantined', id: record.id });
    }
  }
  return quarantined;
}

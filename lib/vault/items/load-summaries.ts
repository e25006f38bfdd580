/**
 * Decrypts every item once, at unlock, into list rows of the live ones. A record that fails is
 * quarantined and reported; every other item still opens (S8).
 */
import type { ItemRecord } from '../../db/vault-db';
import { openItem } from '../records/open-item';
import { summarizeItem } from '../model/summarize-item';
import type { UnlockedVault } from '../keys/unlocked-vault';

/**
 * Fills `vault.summaries` from `records`.
 * @returns ids of the records that could not be decrypted
 */
export function loadSummaries(vault: UnlockedVault, records: readonly ItemRecord[]): string[] {
  const quarantined: string[] = [];
  vault.summaries.clear();
  for (const record of records) {
    try {
      const content = openItem(vault, record);
      // Deleted records are opened too: their deleted state is authenticated, so a live item hidden by
      // setting `deletedAt` on disk fails here and shows up as quarantined instead of vanishing (T09).
      if (record.deletedAt === null) vault.summaries.set(record.id, summarizeItem(record.id, content));
    } catch {
      quarantined.push(record.id);
      vault.summaries.set(record.id, { state: 'quarantined', id: record.id });
    }
  }
  return quarantined;
}

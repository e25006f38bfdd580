/** One item's overview, as an overview bucket holds it (lib/vault/records/overview-bucket): its list row, and the revision and deleted state its record must have. */
import type { ItemSummary } from './item-schema';

/** A list row of an item that opened. */
export type OkSummary = Extract<ItemSummary, { state: 'ok' }>;

export interface OverviewRow {
  rev: number;
  deleted: boolean;
  summary: OkSummary;
}

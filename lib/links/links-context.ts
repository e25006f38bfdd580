/** What every link operation in the background gets: the vault's database, the platform's fetch and the clock. */
import type { VaultDb } from '../db/vault-db';

export interface LinksContext {
  db: VaultDb;
  /** The fetch that reaches relays (the global one in the extension, an in-process app in tests). */
  fetch: typeof fetch;
  /** ms since the epoch. */
  now: () => number;
}

/** What every folder operation in the background gets: the vault's database, the platform's fetch and the clock. */
import type { VaultDb } from '../db/vault-db';

export interface FoldersContext {
  db: VaultDb;
  /** The fetch that reaches the relay (the global one in the extension, an in-process relay in tests). */
  fetch: typeof fetch;
  /** ms since the epoch. */
  now: () => number;
}

/** Damages a sealed row where it is stored: one bit of its ciphertext flipped in IndexedDB (S8 tests). */
import type { Table } from 'dexie';
import type { Sealed } from '../../lib/crypto/sealed';

/** Flips one bit of the ciphertext of row `id` in `table`; throws when there is no such row. */
export async function flipStoredByte<R extends { id: string; sealed: Sealed }>(table: Table<R, string>, id: string): Promise<void> {
  const row = await table.get(id);
  if (!row) throw new Error(`no row ${id}`);
  const ct = row.sealed.ct.slice();
  ct[5] = (ct[5] ?? 0) ^ 0x01;
  await table.put({ ...row, sealed: { ...row.sealed, ct } });
}

/** Associated data for item ciphertexts: the item id, its revision and its kind (S2, T08, T09). */
import type { CipherContext } from '../crypto/associated-data';

/** Context of an item's content; the revision is bound so an old ciphertext cannot be replayed. */
export function itemContext(id: string, rev: number, kind: 'login' | 'note'): CipherContext {
  return { purpose: 'item', recordId: `${id}#${rev}`, fields: kind };
}

/** Context of an item's wrapped key. */
export function itemKeyContext(id: string): CipherContext {
  return { purpose: 'item-key', recordId: id, fields: '-' };
}

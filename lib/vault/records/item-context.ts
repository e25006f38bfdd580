/** Associated data for item ciphertexts: the item id, its revision, its kind and whether it is deleted (S2, T08, T09). */
import type { CipherContext } from '../../crypto/associated-data';

/**
 * Context of an item's content. The revision is bound so an old ciphertext cannot be replayed; the
 * deleted state is bound so flipping the record's clear `deletedAt` (hiding a live item, or bringing a
 * deleted one back) makes it fail to decrypt instead of passing silently.
 */
export function itemContext(id: string, rev: number, kind: 'login' | 'note', deleted = false): CipherContext {
  return { purpose: 'item', recordId: `${id}#${rev}`, fields: deleted ? `${kind};deleted` : kind };
}

/** Context of an item's wrapped key. */
export function itemKeyContext(id: string): CipherContext<'item-key'> {
  return { purpose: 'item-key', recordId: id, fields: '-' };
}

/** itemContext / itemKeyContext: the associated data binding item ciphertexts to id, revision and kind (S2, T08, T09). */
import { bytesToHex } from '@noble/hashes/utils.js';
import { describe, expect, it } from 'vitest';
import { encodeAssociatedData } from '../../../lib/crypto/associated-data';
import { itemContext, itemKeyContext } from '../../../lib/vault/records/item-context';

const ad = (context: Parameters<typeof encodeAssociatedData>[0]) => bytesToHex(encodeAssociatedData(context));

describe('itemContext', () => {
  it('is purpose "item", record "<id>#<rev>", fields = kind', () => {
    expect(itemContext('abc', 4, 'login')).toEqual({ purpose: 'item', recordId: 'abc#4', fields: 'login' });
  });

  it('S2/T08/T09: id, revision and kind each change the associated data', () => {
    const base = ad(itemContext('abc', 1, 'login'));
    expect(ad(itemContext('abd', 1, 'login'))).not.toBe(base);
    expect(ad(itemContext('abc', 2, 'login'))).not.toBe(base);
    expect(ad(itemContext('abc', 1, 'note'))).not.toBe(base);
  });
});

describe('itemKeyContext', () => {
  it('is purpose "item-key" bound to the id, distinct from the content context', () => {
    expect(itemKeyContext('abc')).toEqual({ purpose: 'item-key', recordId: 'abc', fields: '-' });
    expect(ad(itemKeyContext('abc'))).not.toBe(ad(itemKeyContext('abd')));
  });
});

/** unwrapKey: refuses a wrap under the wrong key, in the wrong place, tampered, or not holding exactly 32 bytes (S2, T08, T11). */
import { describe, expect, it } from 'vitest';
import type { CipherContext } from '../../lib/crypto/associated-data';
import { generateKey } from '../../lib/crypto/generate-key';
import type { ItemKey, KeyEncryptionKey, VaultKey } from '../../lib/crypto/keys';
import { seal } from '../../lib/crypto/seal';
import { DecryptError } from '../../lib/crypto/sealed';
import { unwrapKey } from '../../lib/crypto/unwrap-key';
import { wrapKey } from '../../lib/crypto/wrap-key';

const ITEM_A: CipherContext<'item-key'> = { purpose: 'item-key', recordId: 'item-a', fields: '-' };

function setUp() {
  const vaultKey = generateKey<VaultKey>();
  const itemKey = generateKey<ItemKey>();
  return { vaultKey, itemKey, wrapped: wrapKey(vaultKey, itemKey, ITEM_A) };
}

function expectDecryptError(unwrap: () => unknown): void {
  expect(unwrap).toThrow(DecryptError);
  expect(unwrap).toThrow(/^decryption failed$/);
}

describe('unwrapKey rejects', () => {
  it('S2: the wrong wrapping key', () => {
    const { wrapped } = setUp();
    expectDecryptError(() => unwrapKey(generateKey<VaultKey>(), wrapped, ITEM_A));
  });

  it('T08: a wrapped item key moved to another item', () => {
    const { vaultKey, wrapped } = setUp();
    expectDecryptError(() => unwrapKey(vaultKey, wrapped, { ...ITEM_A, recordId: 'item-b' }));
  });

  it('S2: an item key presented as the vault key', () => {
    const { vaultKey, wrapped } = setUp();
    // The types refuse a vault key where a key-encryption key belongs (tests/crypto/key-types.test.ts);
    // the cast stands for a caller that got past them, and the purpose in the associated data still refuses.
    const asKek = vaultKey as Uint8Array as KeyEncryptionKey;
    expectDecryptError(() => unwrapKey(asKek, wrapped, { ...ITEM_A, purpose: 'vault-key' }));
  });

  it('S2: a flipped bit in the wrapped key', () => {
    const { vaultKey, wrapped } = setUp();
    const ct = wrapped.ct.slice();
    ct[0]! ^= 0x80;
    expectDecryptError(() => unwrapKey(vaultKey, { ...wrapped, ct }, ITEM_A));
  });

  it.each([0, 16, 31, 33, 64])('T11: an authentic seal of %i bytes, which is not a key', (length) => {
    // Authenticates fine, so only unwrapKey's own length check stands between it and asKey.
    const vaultKey = generateKey<VaultKey>();
    const sealed = seal(vaultKey, new Uint8Array(length).fill(1), ITEM_A);
    expectDecryptError(() => unwrapKey(vaultKey, sealed, ITEM_A));
  });

  it('malformed input', () => {
    const { vaultKey } = setUp();
    expectDecryptError(() => unwrapKey(vaultKey, null, ITEM_A));
    expectDecryptError(() => unwrapKey(vaultKey, { v: 1 }, ITEM_A));
  });
});

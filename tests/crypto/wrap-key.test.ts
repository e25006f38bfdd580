/** wrapKey: a 32-byte key sealed under another key, bound to its purpose and owner, and its round trip with unwrapKey. */
import { bytesToHex } from '@noble/hashes/utils.js';
import { describe, expect, it } from 'vitest';
import type { CipherContext } from '../../lib/crypto/associated-data';
import { generateKey } from '../../lib/crypto/generate-key';
import type { ItemKey, VaultKey } from '../../lib/crypto/keys';
import { openSealed } from '../../lib/crypto/open-sealed';
import { NONCE_LENGTH, SEALED_ALG, TAG_LENGTH } from '../../lib/crypto/sealed';
import { unwrapKey } from '../../lib/crypto/unwrap-key';
import { wrapKey } from '../../lib/crypto/wrap-key';

const ITEM_KEY_CONTEXT: CipherContext<'item-key'> = { purpose: 'item-key', recordId: 'item-1', fields: '-' };

describe('wrapKey', () => {
  it('returns a versioned object holding 32 key bytes plus the tag', () => {
    const wrapped = wrapKey(generateKey<VaultKey>(), generateKey<ItemKey>(), ITEM_KEY_CONTEXT);
    expect(wrapped.v).toBe(1);
    expect(wrapped.alg).toBe(SEALED_ALG);
    expect(wrapped.nonce).toHaveLength(NONCE_LENGTH);
    expect(wrapped.ct).toHaveLength(32 + TAG_LENGTH);
  });

  it('round-trips through unwrapKey to the same key bytes', () => {
    const vaultKey = generateKey<VaultKey>();
    const itemKey = generateKey<ItemKey>();
    const unwrapped = unwrapKey(vaultKey, wrapKey(vaultKey, itemKey, ITEM_KEY_CONTEXT), ITEM_KEY_CONTEXT);
    expect(bytesToHex(unwrapped)).toBe(bytesToHex(itemKey));
  });

  it('is a plain seal under the context, so openSealed reads the same bytes', () => {
    const vaultKey = generateKey<VaultKey>();
    const itemKey = generateKey<ItemKey>();
    const opened = openSealed(vaultKey, wrapKey(vaultKey, itemKey, ITEM_KEY_CONTEXT), ITEM_KEY_CONTEXT);
    expect(bytesToHex(opened)).toBe(bytesToHex(itemKey));
  });

  it('wraps the same key differently each time (fresh nonce)', () => {
    const vaultKey = generateKey<VaultKey>();
    const itemKey = generateKey<ItemKey>();
    const a = wrapKey(vaultKey, itemKey, ITEM_KEY_CONTEXT);
    const b = wrapKey(vaultKey, itemKey, ITEM_KEY_CONTEXT);
    expect(bytesToHex(a.ct)).not.toBe(bytesToHex(b.ct));
  });

  it('leaves the wrapped key untouched', () => {
    const itemKey = generateKey<ItemKey>();
    const before = bytesToHex(itemKey);
    wrapKey(generateKey<VaultKey>(), itemKey, ITEM_KEY_CONTEXT);
    expect(bytesToHex(itemKey)).toBe(before);
  });
});

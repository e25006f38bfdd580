/** generateKey: fresh random 32-byte keys. */
import { bytesToHex } from '@noble/hashes/utils.js';
import { describe, expect, it } from 'vitest';
import { generateKey } from '../../lib/crypto/generate-key';
import { KEY_LENGTH, type ItemKey, type VaultKey } from '../../lib/crypto/keys';

describe('generateKey', () => {
  it('returns 32 bytes', () => {
    expect(KEY_LENGTH).toBe(32);
    expect(generateKey<VaultKey>()).toHaveLength(32);
  });

  it('returns a different key each call', () => {
    const keys = Array.from({ length: 16 }, () => bytesToHex(generateKey<ItemKey>()));
    expect(new Set(keys).size).toBe(16);
  });
});

/** vaultKeyContext: the wrapped vault key's associated data carries the vault id and every KDF parameter (S5, T10). */
import { bytesToHex } from '@noble/hashes/utils.js';
import { describe, expect, it } from 'vitest';
import { encodeAssociatedData } from '../../../lib/crypto/associated-data';
import { encodeKdfParams, type KdfParams } from '../../../lib/crypto/kdf-params';
import { vaultKeyContext } from '../../../lib/vault/keys/vault-key-context';

const kdf: KdfParams = { alg: 'argon2id', version: 0x13, m: 65536, t: 3, p: 4, salt: new Uint8Array(16).fill(9) };
const ad = (vaultId: string, params: KdfParams) => bytesToHex(encodeAssociatedData(vaultKeyContext(vaultId, params)));

describe('vaultKeyContext', () => {
  it('is purpose "vault-key", record = vault id, fields = the canonical KDF parameters', () => {
    expect(vaultKeyContext('v1', kdf)).toEqual({ purpose: 'vault-key', recordId: 'v1', fields: encodeKdfParams(kdf) });
  });

  it.each([
    ['m', { ...kdf, m: 65537 }],
    ['t', { ...kdf, t: 4 }],
    ['p', { ...kdf, p: 1 }],
    ['salt', { ...kdf, salt: new Uint8Array(16).fill(8) }],
  ])('S5/T10: changing %s changes the associated data', (_name, changed) => {
    expect(ad('v1', changed)).not.toBe(ad('v1', kdf));
  });

  it('another vault id changes the associated data', () => {
    expect(ad('v2', kdf)).not.toBe(ad('v1', kdf));
  });
});

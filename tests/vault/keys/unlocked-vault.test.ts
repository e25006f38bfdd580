/** openVaultState / closeVault: subkeys derived per purpose; locking wipes keys and plaintext rows (S4, T13). */
import { bytesToHex } from '@noble/hashes/utils.js';
import { describe, expect, it } from 'vitest';
import { generateKey } from '../../../lib/crypto/generate-key';
import type { VaultKey } from '../../../lib/crypto/keys';
import { closeVault, openVaultState } from '../../../lib/vault/keys/unlocked-vault';

describe('openVaultState', () => {
  it('keeps the vault key by reference and derives distinct index and audit keys', () => {
    const vaultKey = generateKey<VaultKey>();
    const manifest = new Map([['a', 1]]);
    const vault = openVaultState('v', vaultKey, manifest);
    expect(vault.vaultKey).toBe(vaultKey);
    expect(vault.manifest).toBe(manifest);
    const hex = [vault.vaultKey, vault.indexKey, vault.auditKey].map(bytesToHex);
    expect(new Set(hex).size).toBe(3);
    expect(vault.summaries.size).toBe(0);
  });

  it('the subkeys are a function of the vault key', () => {
    const vaultKey = generateKey<VaultKey>();
    const a = openVaultState('v', vaultKey, new Map());
    const b = openVaultState('w', new Uint8Array(vaultKey) as VaultKey, new Map());
    expect(bytesToHex(a.indexKey)).toBe(bytesToHex(b.indexKey));
    expect(bytesToHex(a.auditKey)).toBe(bytesToHex(b.auditKey));
  });
});

describe('closeVault', () => {
  it('S4/T13: zeroes every key and empties the manifest and the list rows', () => {
    const vault = openVaultState('v', generateKey<VaultKey>(), new Map([['a', 1]]));
    vault.summaries.set('a', { state: 'quarantined', id: 'a' });
    closeVault(vault);
    for (const key of [vault.vaultKey, vault.indexKey, vault.auditKey]) expect(key.every((b) => b === 0)).toBe(true);
    expect(vault.manifest.size).toBe(0);
    expect(vault.summaries.size).toBe(0);
  });
});

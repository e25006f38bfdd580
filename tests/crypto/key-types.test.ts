/**
 * Key brands follow from purposes: deriveSubkey's label and a wrapped key's purpose fix both the key
 * that goes in and the key that comes out, so a wrong brand does not compile. The checks are type-level
 * (`tsc --noEmit -p .` reads this file; each `@ts-expect-error` fails the build if its line compiles);
 * at run time every call gets 32 bytes and succeeds, which the tests also assert.
 */
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { CipherContext } from '../../lib/crypto/associated-data';
import { deriveSubkey, type SubkeyLabel } from '../../lib/crypto/derive-subkey';
import { generateKey } from '../../lib/crypto/generate-key';
import type { AuditKey, ExportKey, IndexKey, ItemKey, KeyEncryptionKey, MasterKey, VaultKey } from '../../lib/crypto/keys';
import { DecryptError } from '../../lib/crypto/sealed';
import { unwrapKey } from '../../lib/crypto/unwrap-key';
import { wrapKey, type WrapPurpose } from '../../lib/crypto/wrap-key';

const ITEM: CipherContext<'item-key'> = { purpose: 'item-key', recordId: 'item-1', fields: '-' };
const VAULT: CipherContext<'vault-key'> = { purpose: 'vault-key', recordId: 'vault-1', fields: '-' };

describe('deriveSubkey types', () => {
  const masterKey = generateKey<MasterKey>();
  const vaultKey = generateKey<VaultKey>();

  it('gives the key type of each label', () => {
    expectTypeOf(deriveSubkey(masterKey, 'vault-kek')).toEqualTypeOf<KeyEncryptionKey>();
    expectTypeOf(deriveSubkey(vaultKey, 'blind-index')).toEqualTypeOf<IndexKey>();
    expectTypeOf(deriveSubkey(vaultKey, 'audit-chain')).toEqualTypeOf<AuditKey>();
    expectTypeOf(deriveSubkey(masterKey, 'export-key')).toEqualTypeOf<ExportKey>();
  });

  it('does not compile with a wrong result brand', () => {
    // @ts-expect-error an index key is not an item key
    const item: ItemKey = deriveSubkey(vaultKey, 'blind-index');
    // @ts-expect-error the key-encryption key is not the vault key
    const vault: VaultKey = deriveSubkey(masterKey, 'vault-kek');
    // @ts-expect-error the brand is no longer the caller's to pick
    const audit = deriveSubkey<AuditKey>(vaultKey, 'audit-chain');
    for (const key of [item, vault, audit]) expect(key).toHaveLength(32);
  });

  it('does not compile with a wrong parent', () => {
    // @ts-expect-error the blind index derives from the vault key, not the master key
    const fromMaster = deriveSubkey(masterKey, 'blind-index');
    // @ts-expect-error the key-encryption key derives from the master key, not the vault key
    const fromVault = deriveSubkey(vaultKey, 'vault-kek');
    // @ts-expect-error a bare Uint8Array is no key at all
    const fromBytes = deriveSubkey(new Uint8Array(32), 'audit-chain');
    for (const key of [fromMaster, fromVault, fromBytes]) expect(key).toHaveLength(32);
  });

  it('does not compile with a label that could be any of several', () => {
    // A union of labels would otherwise accept the parent of whichever member the caller liked.
    const label = 'blind-index' as SubkeyLabel;
    // @ts-expect-error no key is the parent of every label
    const key = deriveSubkey(vaultKey, label);
    expect(key).toHaveLength(32);
  });
});

describe('wrapKey and unwrapKey types', () => {
  const kek = generateKey<KeyEncryptionKey>();
  const vaultKey = generateKey<VaultKey>();
  const itemKey = generateKey<ItemKey>();

  it('gives the key type of each purpose', () => {
    expectTypeOf(unwrapKey(kek, wrapKey(kek, vaultKey, VAULT), VAULT)).toEqualTypeOf<VaultKey>();
    expectTypeOf(unwrapKey(vaultKey, wrapKey(vaultKey, itemKey, ITEM), ITEM)).toEqualTypeOf<ItemKey>();
  });

  it('does not compile with a wrong result brand', () => {
    const wrapped = wrapKey(vaultKey, itemKey, ITEM);
    // @ts-expect-error an item key's wrap holds an item key, not a vault key
    const asVault: VaultKey = unwrapKey(vaultKey, wrapped, ITEM);
    // @ts-expect-error the brand is no longer the caller's to pick
    const picked = unwrapKey<VaultKey>(vaultKey, wrapped, ITEM);
    for (const key of [asVault, picked]) expect(key).toHaveLength(32);
  });

  it('does not compile with a wrong wrapping key or a wrong key to wrap', () => {
    // @ts-expect-error item keys are wrapped under the vault key, not the key-encryption key
    expect(wrapKey(kek, itemKey, ITEM).ct).toHaveLength(48);
    // @ts-expect-error the vault key is wrapped under the key-encryption key, not the master key
    expect(wrapKey(generateKey<MasterKey>(), vaultKey, VAULT).ct).toHaveLength(48);
    // @ts-expect-error an item key's wrap does not hold a vault key
    expect(wrapKey(vaultKey, generateKey<VaultKey>(), ITEM).ct).toHaveLength(48);
    const wrapped = wrapKey(vaultKey, itemKey, ITEM);
    // @ts-expect-error item keys are unwrapped with the vault key
    expect(() => unwrapKey(kek, wrapped, ITEM)).toThrow(DecryptError);
  });

  it('does not compile with a context whose purpose is not a single wrap purpose', () => {
    const loose: CipherContext = ITEM;
    // @ts-expect-error a context of any purpose says nothing about the key inside
    expect(unwrapKey(vaultKey, wrapKey(vaultKey, itemKey, ITEM), loose)).toHaveLength(32);
    const either = ITEM as CipherContext<WrapPurpose>;
    // @ts-expect-error no key wraps both a vault key and an item key
    expect(unwrapKey(vaultKey, wrapKey(vaultKey, itemKey, ITEM), either)).toHaveLength(32);
  });
});

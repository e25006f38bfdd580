/** openItem: every failure — wrong key, wrong place, wrong kind, malformed plaintext — is one DecryptError (S2, S8, T08). */
import { utf8ToBytes } from '@noble/hashes/utils.js';
import { describe, expect, it } from 'vitest';
import { generateKey } from '../../../lib/crypto/generate-key';
import type { ItemKey, VaultKey } from '../../../lib/crypto/keys';
import { seal } from '../../../lib/crypto/seal';
import { DecryptError } from '../../../lib/crypto/sealed';
import { wrapKey } from '../../../lib/crypto/wrap-key';
import type { ItemRecord } from '../../../lib/db/vault-db';
import { itemContext, itemKeyContext } from '../../../lib/vault/records/item-context';
import { openItem } from '../../../lib/vault/records/open-item';
import { sealItem } from '../../../lib/vault/records/seal-item';
import { openVaultState } from '../../../lib/vault/keys/unlocked-vault';
import { contentOf, loginInput, noteInput, T0 } from '../fixtures';

const vault = openVaultState('aa'.repeat(16), generateKey<VaultKey>(), new Map());
const id = '11'.repeat(16);

/** A record whose content plaintext is exactly `bytes`, correctly sealed for `kind` (to reach the checks after decryption). */
function recordWithPlaintext(bytes: Uint8Array, kind: 'login' | 'note'): ItemRecord {
  const itemKey = generateKey<ItemKey>();
  return {
    id, rev: 1, kind, domains: [], deletedAt: null,
    wrappedKey: wrapKey(vault.vaultKey, itemKey, itemKeyContext(id)),
    data: seal(itemKey, bytes, itemContext(id, 1, kind)),
  };
}

describe('openItem', () => {
  it('opens what sealItem sealed (login and note)', () => {
    for (const content of [contentOf(loginInput({ title: 'L' }), T0), contentOf(noteInput({ title: 'N' }), T0)]) {
      expect(openItem(vault, sealItem(vault, id, 1, content))).toEqual(content);
    }
  });

  it('wrong vault key → DecryptError', () => {
    const record = sealItem(vault, id, 1, contentOf(loginInput(), T0));
    const other = openVaultState(vault.vaultId, generateKey<VaultKey>(), new Map());
    expect(() => openItem(other, record)).toThrow(DecryptError);
  });

  it.each([
    ['another id', (r: ItemRecord): ItemRecord => ({ ...r, id: '22'.repeat(16) })],
    ['another revision', (r: ItemRecord): ItemRecord => ({ ...r, rev: 2 })],
    ['another kind', (r: ItemRecord): ItemRecord => ({ ...r, kind: 'note' })],
    ['a truncated ciphertext', (r: ItemRecord): ItemRecord => ({ ...r, data: { ...r.data, ct: r.data.ct.slice(0, -1) } })],
    ['an unknown format version', (r: ItemRecord): ItemRecord => ({ ...r, data: { ...r.data, v: 2 as 1 } })],
    ['a wrapped key from another item', (r: ItemRecord): ItemRecord => ({ ...r, wrappedKey: sealItem(vault, r.id, 1, contentOf(loginInput(), T0)).wrappedKey })],
  ])('S2/T08: a record moved to %s → DecryptError', (_name, tamper) => {
    const record = sealItem(vault, id, 1, contentOf(loginInput(), T0));
    expect(() => openItem(vault, tamper(record))).toThrow(DecryptError);
  });

  it.each([
    ['not UTF-8', Uint8Array.of(0xff, 0xfe, 0xfd)],
    ['not JSON', utf8ToBytes('{"type":"login",')],
    ['JSON but not an item', utf8ToBytes('{"type":"login"}')],
    ['a note inside a record labelled login', utf8ToBytes(JSON.stringify(contentOf(noteInput(), T0)))],
  ])('authentic but invalid plaintext (%s) → DecryptError, like any other failure', (_name, bytes) => {
    const error = (() => {
      try {
        openItem(vault, recordWithPlaintext(bytes, 'login'));
      } catch (e) {
        return e;
      }
      return null;
    })();
    expect(error).toBeInstanceOf(DecryptError);
    expect((error as Error).message).toBe(new DecryptError().message);
  });
});

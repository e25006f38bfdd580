/** sealManifest / openManifest: the authenticated list of ids and revisions (T09), bound to its vault (S2). */
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { describe, expect, it } from 'vitest';
import { generateKey } from '../../../lib/crypto/generate-key';
import type { VaultKey } from '../../../lib/crypto/keys';
import { seal } from '../../../lib/crypto/seal';
import { DecryptError } from '../../../lib/crypto/sealed';
import { openManifest, sealManifest } from '../../../lib/vault/records/manifest';

const vaultId = 'aa'.repeat(16);
const key = generateKey<VaultKey>();
const manifest = new Map([['01'.repeat(16), 1], ['02'.repeat(16), 7], ['03'.repeat(16), 123456]]);
/** The manifest's associated-data context, spelled out so malformed plaintexts can be sealed. */
const context = { purpose: 'manifest', recordId: vaultId, fields: 'ids-revs' } as const;

describe('sealManifest / openManifest', () => {
  it('round trip keeps every id and revision', () => {
    expect(openManifest(key, vaultId, sealManifest(key, vaultId, manifest, new Map()))).toEqual(manifest);
  });

  it('round trip of an empty manifest', () => {
    expect(openManifest(key, vaultId, sealManifest(key, vaultId, new Map(), new Map()))).toEqual(new Map());
  });

  it('is a versioned sealed object; a fresh nonce each time', () => {
    const a = sealManifest(key, vaultId, manifest, new Map());
    const b = sealManifest(key, vaultId, manifest, new Map());
    expect(a).toMatchObject({ v: 1, alg: 'xchacha20poly1305' });
    expect(bytesToHex(a.nonce)).not.toBe(bytesToHex(b.nonce));
  });

  it('S2/T09: another vault id → DecryptError (a manifest cannot be moved between vaults)', () => {
    expect(() => openManifest(key, 'bb'.repeat(16), sealManifest(key, vaultId, manifest, new Map()))).toThrow(DecryptError);
  });

  it('wrong key → DecryptError', () => {
    expect(() => openManifest(generateKey<VaultKey>(), vaultId, sealManifest(key, vaultId, manifest, new Map()))).toThrow(DecryptError);
  });

  it('T09: a flipped ciphertext bit → DecryptError', () => {
    const sealed = sealManifest(key, vaultId, manifest, new Map());
    sealed.ct[5]! ^= 1;
    expect(() => openManifest(key, vaultId, sealed)).toThrow(DecryptError);
  });

  it.each([
    ['not a list', '{"a":1}'],
    ['an entry that is not a pair', '[["id"]]'],
    ['a non-string id', '[[1,2]]'],
    ['a fractional revision', '[["id",1.5]]'],
    ['columns: a non-string id', '{"items":{"ids":["a",2],"revs":[1,1]},"overviews":[]}'],
    ['columns: a fractional revision', '{"items":{"ids":["a"],"revs":[1.5]},"overviews":[]}'],
    ['columns: a revision in quotes', '{"items":{"ids":["a"],"revs":["1"]},"overviews":[]}'],
    ['columns: ids not a list', '{"items":{"ids":"a","revs":[1]},"overviews":[]}'],
    ['columns of different lengths', '{"items":{"ids":["a","b"],"revs":[1]},"overviews":[]}'],
  ])('authentic but malformed (%s) → throws', (_name, json) => {
    expect(() => openManifest(key, vaultId, seal(key, utf8ToBytes(json), context))).toThrow();
  });
});

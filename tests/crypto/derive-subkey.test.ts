/** deriveSubkey: HKDF-SHA256 (RFC 5869) known answers, golden subkeys per label, and key separation. */
import { hkdfSync } from 'node:crypto';
import { expand, extract, hkdf } from '@noble/hashes/hkdf.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, hexToBytes } from '@noble/hashes/utils.js';
import { describe, expect, it } from 'vitest';
import { deriveSubkey, type SubkeyLabel, type SubkeyParentOf } from '../../lib/crypto/derive-subkey';
import type { Key, MasterKey } from '../../lib/crypto/keys';
import { GOLDEN, goldenKey } from './fixtures';

const LABELS: readonly SubkeyLabel[] = ['vault-kek', 'blind-index', 'audit-chain', 'export-key'];

/**
 * The golden key as the parent `label` derives from. Over the union of every label that type is
 * `never` (no key is both a master key and a vault key), which the loops below accept on purpose.
 */
const goldenParent = <L extends SubkeyLabel>(_label: L) => goldenKey() as Key<string> as SubkeyParentOf<L>;

describe('HKDF-SHA256 primitive (@noble/hashes), RFC 5869 Appendix A', () => {
  const ikm = hexToBytes('0b'.repeat(22));

  it('A.1 Test Case 1', () => {
    const salt = hexToBytes('000102030405060708090a0b0c');
    const info = hexToBytes('f0f1f2f3f4f5f6f7f8f9');
    const prk = extract(sha256, ikm, salt);
    expect(bytesToHex(prk)).toBe('077709362c2e32df0ddc3f0dc47bba6390b6c73bb50f9c3122ec844ad7c2b3e5');
    const okm = '3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf34007208d5b887185865';
    expect(bytesToHex(expand(sha256, prk, info, 42))).toBe(okm);
    expect(bytesToHex(hkdf(sha256, ikm, salt, info, 42))).toBe(okm);
  });

  // deriveSubkey passes no salt; RFC 5869 §2.2 says that means HashLen zero bytes, which is what
  // Test Case 3 (empty salt, empty info) exercises.
  it('A.3 Test Case 3 (no salt), with salt omitted as deriveSubkey omits it', () => {
    const okm = '8da4e775a563c18f715f802a063c5a31b8a11f5c5ee1879ec3454e5f3c738d2d9d201395faa4b61a96c8';
    expect(bytesToHex(extract(sha256, ikm, undefined))).toBe('19ef24a32c717b167f33a91d6f648bdf96596776afdb6377ac434c1c293ccb04');
    expect(bytesToHex(hkdf(sha256, ikm, undefined, new Uint8Array(0), 42))).toBe(okm);
  });
});

describe('deriveSubkey', () => {
  // Golden subkeys of the golden key. The vault's key-encryption key, blind index and audit chain
  // depend on them, so a change to the label scheme must fail here first.
  const golden: Record<SubkeyLabel, string> = {
    'vault-kek': '225c27f6cbca698242fcde3bad52b27fcc1a301c557207c02458b5662582404b',
    'blind-index': '5b5498469bbcfceabca3d3c43a65b98f322e17634b1a1e4bd8a9be5f4de3f3fb',
    'audit-chain': 'cb0079db4e993971541ddae55cc1f04978ea8e56ef39b69305eec71052a1d4e1',
    'export-key': '0f773f5aa2206b2212bd34cd0c5c25906b2bcd07dcf2b0b8cd5a080f9da65bae',
  };

  it.each(LABELS)('gives the golden subkey for "%s"', (label) => {
    expect(bytesToHex(deriveSubkey(goldenParent(label), label))).toBe(golden[label]);
  });

  it.each(LABELS)('equals node:crypto (OpenSSL) HKDF with info "sealpass/v1/%s"', (label) => {
    const expected = new Uint8Array(hkdfSync('sha256', hexToBytes(GOLDEN.keyHex), new Uint8Array(0), `sealpass/v1/${label}`, 32));
    expect(bytesToHex(deriveSubkey(goldenParent(label), label))).toBe(bytesToHex(expected));
  });

  it('gives a different 32-byte key for every label (key separation)', () => {
    const kek = deriveSubkey(goldenParent('vault-kek'), 'vault-kek');
    const index = deriveSubkey(goldenParent('blind-index'), 'blind-index');
    const audit = deriveSubkey(goldenParent('audit-chain'), 'audit-chain');
    const exportKey = deriveSubkey(goldenParent('export-key'), 'export-key');
    for (const key of [kek, index, audit, exportKey]) expect(key).toHaveLength(32);
    expect(new Set([kek, index, audit, exportKey, goldenKey()].map(bytesToHex)).size).toBe(5);
  });

  it('gives different keys for different parents', () => {
    const other = goldenKey();
    other[31]! ^= 1;
    expect(bytesToHex(deriveSubkey(other as Key<string> as MasterKey, 'vault-kek'))).not.toBe(golden['vault-kek']);
  });

  it('is deterministic and leaves the parent untouched', () => {
    const parent = goldenParent('blind-index');
    expect(deriveSubkey(parent, 'blind-index')).toEqual(deriveSubkey(parent, 'blind-index'));
    expect(bytesToHex(parent)).toBe(GOLDEN.keyHex);
  });

  it.each([0, 16, 31, 33, 64])('refuses a %i-byte parent with RangeError', (length) => {
    expect(() => deriveSubkey(new Uint8Array(length) as MasterKey, 'vault-kek')).toThrow(RangeError);
  });
});

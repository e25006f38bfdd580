/** generateIdentity, sealIdentity / openIdentity (layouts v1 and v2), wipeIdentity, keyFingerprint and bundleFingerprint. */
import { x25519 } from '@noble/curves/ed25519.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { describe, expect, it } from 'vitest';
import { generateKey } from '../../../lib/crypto/generate-key';
import type { VaultKey } from '../../../lib/crypto/keys';
import { DecryptError } from '../../../lib/crypto/sealed';
import { seal } from '../../../lib/crypto/seal';
import { signingPublicKey } from '../../../lib/crypto/signing-public-key';
import { encodeLengthPrefixed } from '../../../lib/crypto/encode-length-prefixed';
import { xwingPublicKeyOf } from '../../../lib/crypto/hpke/xwing-public-key-of';
import { bundleFingerprint } from '../../../lib/sharing/identity/bundle-fingerprint';
import { generateIdentity } from '../../../lib/sharing/identity/generate-identity';
import type { Identity } from '../../../lib/sharing/identity/identity';
import { identityContext } from '../../../lib/sharing/identity/identity-context';
import { keyFingerprint } from '../../../lib/sharing/identity/key-fingerprint';
import { openIdentity } from '../../../lib/sharing/identity/open-identity';
import { sealIdentity } from '../../../lib/sharing/identity/seal-identity';
import { wipeIdentity } from '../../../lib/sharing/identity/wipe-identity';
import { NOW } from '../fixtures';

describe('generateIdentity', () => {
  it('makes matching X25519, Ed25519 and X-Wing key pairs under a valid handle', () => {
    const id = generateIdentity('alice.smith', NOW);
    expect(id.handle).toBe('alice.smith');
    expect(id.created).toBe(NOW);
    expect(id.encryptionKey).toEqual(x25519.getPublicKey(id.encryptionSecretKey));
    expect(id.signingKey).toEqual(signingPublicKey(id.signingSecretKey));
    expect(id.xwingSecretKey).toHaveLength(32);
    expect(id.xwingKey).toHaveLength(1216);
    expect(id.xwingKey).toEqual(xwingPublicKeyOf(id.xwingSecretKey!));
    expect(generateIdentity('alice.smith', NOW).encryptionKey).not.toEqual(id.encryptionKey);
  });

  it('refuses an invalid handle', () => {
    for (const handle of ['', 'ab', 'Alice', '-alice', 'a'.repeat(33), 'al ice']) expect(() => generateIdentity(handle, NOW)).toThrow();
  });
});

describe('sealIdentity / openIdentity', () => {
  const vaultKey = generateKey<VaultKey>();
  const id = generateIdentity('alice', NOW);
  const sealed = sealIdentity(vaultKey, 'vault-1', id);

  const classic: Identity = { ...id, encryptionSecretKey: id.encryptionSecretKey.slice(), signingSecretKey: id.signingSecretKey.slice() } as Identity;
  delete classic.xwingKey;
  delete classic.xwingSecretKey;

  it('round-trips keys (with the X-Wing seed: layout v2), handle and creation time', () => {
    const opened = openIdentity(vaultKey, 'vault-1', sealed);
    expect(opened).toEqual(id);
  });

  it('still opens an identity sealed before X-Wing (layout v1), without an X-Wing key', () => {
    const opened = openIdentity(vaultKey, 'vault-1', sealIdentity(vaultKey, 'vault-1', classic));
    expect(opened).toEqual(classic);
    expect(opened.xwingKey).toBeUndefined();
  });

  it('stores nothing in clear: no handle, no key bytes (S1)', () => {
    const stored = JSON.stringify({ ...sealed, nonce: bytesToHex(sealed.nonce), ct: bytesToHex(sealed.ct) });
    expect(stored).not.toContain('alice');
    for (const key of [id.encryptionSecretKey, id.signingSecretKey, id.xwingSecretKey!]) expect(stored).not.toContain(bytesToHex(key));
    expect(sealed.ct.length).toBe(96 + JSON.stringify({ handle: 'alice', created: NOW }).length + 16);
  });

  it('refuses another vault key, another vault id, another purpose and tampering, all as DecryptError', () => {
    const flipped = { ...sealed, ct: sealed.ct.slice() };
    flipped.ct[3]! ^= 1;
    const attempts = [
      () => openIdentity(generateKey<VaultKey>(), 'vault-1', sealed),
      () => openIdentity(vaultKey, 'vault-2', sealed),
      () => openIdentity(vaultKey, 'vault-1', flipped),
      () => openIdentity(vaultKey, 'vault-1', { ...sealed, v: 2 }),
      () => openIdentity(vaultKey, 'vault-1', null),
      () => openIdentity(vaultKey, 'vault-1', seal(vaultKey, new Uint8Array(80), { purpose: 'settings', recordId: 'vault-1', fields: 'x25519+ed25519' })),
    ];
    for (const attempt of attempts) expect(attempt).toThrow(DecryptError);
  });

  it('refuses authenticated content of the wrong layout as DecryptError', () => {
    const context = identityContext('vault-1', false);
    const keys = new Uint8Array(64).fill(9);
    // A v1 layout sealed under the v2 context: the JSON would start inside the "seed".
    const v1AsV2 = new Uint8Array([...keys, ...new TextEncoder().encode('{"handle":"alice","created":1}')]);
    expect(() => openIdentity(vaultKey, 'vault-1', seal(vaultKey, v1AsV2, identityContext('vault-1', true)))).toThrow(DecryptError);
    const bad = [
      new Uint8Array(64),
      new Uint8Array([...keys, ...new TextEncoder().encode('not json')]),
      new Uint8Array([...keys, ...new TextEncoder().encode('{"handle":"Alice","created":1}')]),
      new Uint8Array([...keys, ...new TextEncoder().encode('{"handle":"alice","created":1,"escrow":"x"}')]),
      new Uint8Array([...keys, 0xff, 0xfe]),
    ];
    for (const plaintext of bad) expect(() => openIdentity(vaultKey, 'vault-1', seal(vaultKey, plaintext, context))).toThrow(DecryptError);
  });
});

describe('wipeIdentity', () => {
  it('zeroes the three secret keys', () => {
    const id = generateIdentity('alice', NOW);
    wipeIdentity(id);
    expect(id.encryptionSecretKey).toEqual(new Uint8Array(32));
    expect(id.signingSecretKey).toEqual(new Uint8Array(32));
    expect(id.xwingSecretKey).toEqual(new Uint8Array(32));
  });
});

describe('keyFingerprint', () => {
  it('is SHA-256 over the domain label and both keys, length-prefixed', () => {
    const id = generateIdentity('alice', NOW);
    const expected = sha256(encodeLengthPrefixed(['sealpass/v1/key-fingerprint', id.encryptionKey, id.signingKey]));
    expect(keyFingerprint(id)).toEqual(expected);
    expect(keyFingerprint(id)).toHaveLength(32);
  });

  it('changes with either key, not with the handle', () => {
    const a = generateIdentity('alice', NOW);
    const b = generateIdentity('bob', NOW);
    expect(keyFingerprint(Object.assign({}, a, { handle: 'bob' }))).toEqual(keyFingerprint(a));
    expect(keyFingerprint({ ...a, encryptionKey: b.encryptionKey })).not.toEqual(keyFingerprint(a));
    expect(keyFingerprint({ ...a, signingKey: b.signingKey })).not.toEqual(keyFingerprint(a));
    // Swapping the two keys is another fingerprint too.
    expect(keyFingerprint({ encryptionKey: a.signingKey, signingKey: a.encryptionKey })).not.toEqual(keyFingerprint(a));
  });
});

describe('bundleFingerprint', () => {
  it('covers the X-Wing key (label v2), and is keyFingerprint without one, so pins made before v2 keep their fingerprints', () => {
    const id = generateIdentity('alice', NOW);
    expect(bundleFingerprint(id)).toEqual(sha256(encodeLengthPrefixed(['sealpass/v2/key-fingerprint', id.encryptionKey, id.signingKey, id.xwingKey!])));
    expect(bundleFingerprint({ encryptionKey: id.encryptionKey, signingKey: id.signingKey })).toEqual(keyFingerprint(id));
    expect(bundleFingerprint(id)).not.toEqual(keyFingerprint(id));
    const other = generateIdentity('alice', NOW);
    expect(bundleFingerprint({ ...id, xwingKey: other.xwingKey! })).not.toEqual(bundleFingerprint(id));
    // keyFingerprint, which names the signer in envelope addresses, does not move when the X-Wing key is added.
    expect(keyFingerprint(id)).toEqual(keyFingerprint({ encryptionKey: id.encryptionKey, signingKey: id.signingKey }));
  });
});

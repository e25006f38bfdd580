/** generateIdentity, sealIdentity / openIdentity, wipeIdentity and keyFingerprint. */
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
import { generateIdentity } from '../../../lib/sharing/identity/generate-identity';
import { identityContext } from '../../../lib/sharing/identity/identity-context';
import { keyFingerprint } from '../../../lib/sharing/identity/key-fingerprint';
import { openIdentity } from '../../../lib/sharing/identity/open-identity';
import { sealIdentity } from '../../../lib/sharing/identity/seal-identity';
import { wipeIdentity } from '../../../lib/sharing/identity/wipe-identity';
import { NOW } from '../fixtures';

describe('generateIdentity', () => {
  it('makes matching X25519 and Ed25519 key pairs under a valid handle', () => {
    const id = generateIdentity('alice.smith', NOW);
    expect(id.handle).toBe('alice.smith');
    expect(id.created).toBe(NOW);
    expect(id.encryptionKey).toEqual(x25519.getPublicKey(id.encryptionSecretKey));
    expect(id.signingKey).toEqual(signingPublicKey(id.signingSecretKey));
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

  it('round-trips keys, handle and creation time', () => {
    const opened = openIdentity(vaultKey, 'vault-1', sealed);
    expect(opened).toEqual(id);
  });

  it('stores nothing in clear: no handle, no key bytes (S1)', () => {
    const stored = JSON.stringify({ ...sealed, nonce: bytesToHex(sealed.nonce), ct: bytesToHex(sealed.ct) });
    expect(stored).not.toContain('alice');
    for (const key of [id.encryptionSecretKey, id.signingSecretKey]) expect(stored).not.toContain(bytesToHex(key));
    expect(sealed.ct.length).toBe(64 + JSON.stringify({ handle: 'alice', created: NOW }).length + 16);
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
    const context = identityContext('vault-1');
    const keys = new Uint8Array(64).fill(9);
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
  it('zeroes both secret keys', () => {
    const id = generateIdentity('alice', NOW);
    wipeIdentity(id);
    expect(id.encryptionSecretKey).toEqual(new Uint8Array(32));
    expect(id.signingSecretKey).toEqual(new Uint8Array(32));
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

/**
 * signIdentityBundle / verifyIdentityBundle / identityBundleSigningBytes: the self-signed bundle the relay
 * stores and hands out, v1 (X25519 + Ed25519) and v2 (with the X-Wing key). Every field is covered by
 * the signature; malformed input is refused, never thrown.
 */
import { bytesToHex } from '@noble/hashes/utils.js';
import { describe, expect, it } from 'vitest';
import { toBase64 } from '../../lib/crypto/base64';
import { identityBundleSchema, type IdentityBundle } from '../../lib/relay-protocol/identity-bundle';
import { identityBundleSigningBytes } from '../../lib/relay-protocol/identity-bundle-signing-bytes';
import { signIdentityBundle } from '../../lib/relay-protocol/sign-identity-bundle';
import { verifyIdentityBundle } from '../../lib/relay-protocol/verify-identity-bundle';
import { person, publicOf } from '../sharing/fixtures';
import type { Identity } from '../../lib/sharing/identity/identity';

describe('identity bundles', () => {
  const alice = person('alice');
  /** Alice as an identity made before bundle v2: no X-Wing key. */
  const classicAlice: Identity = { ...alice, ...publicOf(alice) };
  delete classicAlice.xwingKey;
  delete classicAlice.xwingSecretKey;
  const bundle = signIdentityBundle(classicAlice);
  const bundleV2 = signIdentityBundle(alice) as Extract<IdentityBundle, { v: 2 }>;

  it('a signed bundle has the agreed shape and verifies', () => {
    expect(identityBundleSchema.parse(bundle)).toEqual(bundle);
    expect(bundle).toMatchObject({ v: 1, handle: 'alice', created: alice.created });
    expect(bundle.encryptionKey).toBe(toBase64(alice.encryptionKey));
    expect(bundle.signingKey).toBe(toBase64(alice.signingKey));
    expect(verifyIdentityBundle(JSON.parse(JSON.stringify(bundle)))).toEqual({ ok: true, bundle });
  });

  it('v2: the X-Wing key (1,216 bytes) is in the bundle, signed by the same Ed25519 key', () => {
    expect(bundleV2).toMatchObject({ v: 2, handle: 'alice', encryptionKey: bundle.encryptionKey, signingKey: bundle.signingKey, xwingKey: toBase64(alice.xwingKey!) });
    expect(verifyIdentityBundle(JSON.parse(JSON.stringify(bundleV2)))).toEqual({ ok: true, bundle: bundleV2 });
    const other = person('mallory');
    const changed = [
      { ...bundleV2, xwingKey: toBase64(other.xwingKey!) },
      // v1's signature over v2's fields, or the reverse: each label and version is its own message.
      { ...bundleV2, signature: bundle.signature },
      { ...bundle, v: 2, xwingKey: bundleV2.xwingKey },
    ];
    for (const b of changed) expect(verifyIdentityBundle(b)).toEqual({ ok: false, reason: 'bad-signature' });
    // A v2 bundle stripped of its key is malformed as v2, and its signature does not verify as v1 (T27).
    const { xwingKey: _dropped, ...stripped } = bundleV2;
    expect(verifyIdentityBundle(stripped)).toEqual({ ok: false, reason: 'malformed' });
    expect(verifyIdentityBundle({ ...stripped, v: 1 })).toEqual({ ok: false, reason: 'bad-signature' });
  });

  it('v2 signing bytes: their own label, the X-Wing key after the Ed25519 key', () => {
    const bytes = identityBundleSigningBytes({ v: 2, handle: 'ab', encryptionKey: new Uint8Array(32), signingKey: new Uint8Array(32).fill(1), xwingKey: new Uint8Array(1216).fill(2), created: 7 });
    expect(bytesToHex(bytes)).toBe(
      '0000001b' + bytesToHex(new TextEncoder().encode('sealpass/v2/identity-bundle')) +
        '0000000132' + '000000026162' + '00000020' + '00'.repeat(32) + '00000020' + '01'.repeat(32) + '000004c0' + '02'.repeat(1216) + '0000000137',
    );
    expect(() => identityBundleSigningBytes({ v: 1, handle: 'ab', encryptionKey: new Uint8Array(32), signingKey: new Uint8Array(32), xwingKey: new Uint8Array(1216), created: 7 })).toThrow(RangeError);
  });

  it('signing bytes: a domain label and length-prefixed fields', () => {
    const bytes = identityBundleSigningBytes({ v: 1, handle: 'ab', encryptionKey: new Uint8Array(32), signingKey: new Uint8Array(32).fill(1), created: 7 });
    expect(bytesToHex(bytes)).toBe(
      '0000001b' + bytesToHex(new TextEncoder().encode('sealpass/v1/identity-bundle')) +
        '0000000131' + '000000026162' + '00000020' + '00'.repeat(32) + '00000020' + '01'.repeat(32) + '0000000137',
    );
  });

  it('changing any field breaks the signature', () => {
    const other = person('mallory');
    const changed = [
      { ...bundle, handle: 'alicf' },
      { ...bundle, created: bundle.created + 1 },
      { ...bundle, encryptionKey: toBase64(other.encryptionKey) },
      { ...bundle, signingKey: toBase64(other.signingKey) },
      { ...bundle, signature: signIdentityBundle(other).signature },
    ];
    for (const b of changed) expect(verifyIdentityBundle(b)).toEqual({ ok: false, reason: 'bad-signature' });
  });

  it('a relay re-signing a bundle under its own key for the same handle gives a valid but different bundle (why contacts pin)', () => {
    const relay = person('relay');
    const forged = signIdentityBundle({ ...relay, handle: 'alice' });
    const check = verifyIdentityBundle(forged);
    expect(check.ok).toBe(true);
    expect(forged.signingKey).not.toBe(bundle.signingKey);
  });

  it('malformed input is refused as malformed, never thrown', () => {
    const shortKey = toBase64(new Uint8Array(31)); // 44 characters with "==": passes the length check
    expect(shortKey).toHaveLength(44);
    const inputs: unknown[] = [
      null,
      'bundle',
      [],
      {},
      { ...bundle, v: 2 },
      { ...bundle, v: 3 },
      { ...bundleV2, v: 1 },
      { ...bundleV2, xwingKey: toBase64(new Uint8Array(1215)) },
      { ...bundleV2, xwingKey: bundleV2.xwingKey.slice(4) },
      { ...bundle, extra: 'escrow key' }, // T05: no field the relay adds is taken
      { ...bundle, handle: 'Alice' },
      { ...bundle, created: -1 },
      { ...bundle, created: 1.5 },
      { ...bundle, encryptionKey: shortKey },
      { ...bundle, signingKey: bundle.signingKey.replace(/.$/, '!') },
      { ...bundle, signature: bundle.signature.slice(0, -4) },
      { ...bundle, signingKey: bundle.signingKey.slice(0, -2) + 'R=' }, // non-canonical padding bits
    ];
    for (const input of inputs) expect(verifyIdentityBundle(input)).toEqual({ ok: false, reason: 'malformed' });
  });

  it('refuses to sign an encryption key that is not 32 bytes', () => {
    expect(() => signIdentityBundle({ ...alice, encryptionKey: new Uint8Array(31) })).toThrow(RangeError);
    expect(() => signIdentityBundle({ ...alice, xwingKey: new Uint8Array(1184) })).toThrow(RangeError);
  });
});

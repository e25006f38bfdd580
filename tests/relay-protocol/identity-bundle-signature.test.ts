/**
 * signIdentityBundle / verifyIdentityBundle / identityBundleSigningBytes: the self-signed bundle the relay
 * stores and hands out. Every field is covered by the signature; malformed input is refused, never thrown.
 */
import { bytesToHex } from '@noble/hashes/utils.js';
import { describe, expect, it } from 'vitest';
import { toBase64 } from '../../lib/crypto/base64';
import { identityBundleSchema } from '../../lib/relay-protocol/identity-bundle';
import { identityBundleSigningBytes } from '../../lib/relay-protocol/identity-bundle-signing-bytes';
import { signIdentityBundle } from '../../lib/relay-protocol/sign-identity-bundle';
import { verifyIdentityBundle } from '../../lib/relay-protocol/verify-identity-bundle';
import { person } from '../sharing/fixtures';

describe('identity bundles', () => {
  const alice = person('alice');
  const bundle = signIdentityBundle(alice);

  it('a signed bundle has the agreed shape and verifies', () => {
    expect(identityBundleSchema.parse(bundle)).toEqual(bundle);
    expect(bundle).toMatchObject({ v: 1, handle: 'alice', created: alice.created });
    expect(bundle.encryptionKey).toBe(toBase64(alice.encryptionKey));
    expect(bundle.signingKey).toBe(toBase64(alice.signingKey));
    expect(verifyIdentityBundle(JSON.parse(JSON.stringify(bundle)))).toEqual({ ok: true, bundle });
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
  });
});

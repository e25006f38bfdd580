/**
 * Interoperability with an independent HPKE implementation, pyca/cryptography (Rust, OpenSSL-backed):
 * we open what it sealed, and we reproduce byte for byte what we sealed and it opened when the file was
 * made (tests/vectors/hpke-interop-pyca.py verify). Source and procedure in tests/vectors/README.md.
 */
import { bytesToHex, hexToBytes } from '@noble/hashes/utils.js';
import { describe, expect, it } from 'vitest';
import { openBase } from '../../../lib/crypto/hpke/open-base';
import { sealBase } from '../../../lib/crypto/hpke/seal-base';
import { X25519_KEM as K } from '../../../lib/crypto/hpke/x25519-kem';
import { asKey, type HpkeSecretKey } from '../../../lib/crypto/keys';
import interop from '../../vectors/hpke-interop-pyca.json';

const h = hexToBytes;

describe('HPKE interoperability with pyca/cryptography', () => {
  it(`opens all ${interop.theirs.length} ciphertexts pyca sealed (plaintexts of 0 to 4096 bytes)`, () => {
    expect(interop.theirs.length).toBeGreaterThanOrEqual(16);
    for (const c of interop.theirs) {
      const pt = openBase(K, h(c.enc), asKey<HpkeSecretKey>(h(c.skR)), h(c.info), h(c.aad), h(c.ct));
      expect(bytesToHex(pt)).toBe(c.pt);
    }
  });

  it(`reproduces all ${interop.ours.length} ciphertexts of ours that pyca opened`, () => {
    for (const c of interop.ours) {
      const sealed = sealBase(K, h(c.pkR), h(c.info), h(c.aad), h(c.pt), h(c.ikmE));
      expect(bytesToHex(sealed.enc)).toBe(c.enc);
      expect(bytesToHex(sealed.ct)).toBe(c.ct);
    }
  });
});

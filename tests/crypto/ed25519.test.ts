/**
 * generateSigningKeyPair, signingPublicKey, signEd25519 and verifyEd25519 against RFC 8032 §7.1 TEST 1
 * and TEST 2, and refusal of bad signatures, keys and encodings (strict mode: no ZIP-215 leniency).
 */
import { bytesToHex, hexToBytes } from '@noble/hashes/utils.js';
import { describe, expect, it } from 'vitest';
import { generateSigningKeyPair } from '../../lib/crypto/generate-signing-key-pair';
import { asKey, type SigningSecretKey } from '../../lib/crypto/keys';
import { signEd25519 } from '../../lib/crypto/sign-ed25519';
import { signingPublicKey } from '../../lib/crypto/signing-public-key';
import { verifyEd25519 } from '../../lib/crypto/verify-ed25519';

// RFC 8032 §7.1, TEST 1 (empty message) and TEST 2 (one byte, 0x72).
const RFC8032 = [
  {
    secret: '9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60',
    public: 'd75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a',
    message: '',
    signature:
      'e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b',
  },
  {
    secret: '4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb',
    public: '3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c',
    message: '72',
    signature:
      '92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00',
  },
];

describe('Ed25519, RFC 8032 §7.1', () => {
  for (const [i, v] of RFC8032.entries()) {
    it(`TEST ${i + 1}: public key, signature and verification`, () => {
      const secret = asKey<SigningSecretKey>(hexToBytes(v.secret));
      expect(bytesToHex(signingPublicKey(secret))).toBe(v.public);
      expect(bytesToHex(signEd25519(secret, hexToBytes(v.message)))).toBe(v.signature);
      expect(verifyEd25519(hexToBytes(v.public), hexToBytes(v.message), hexToBytes(v.signature))).toBe(true);
    });
  }
});

describe('verifyEd25519', () => {
  const pair = generateSigningKeyPair();
  const message = new TextEncoder().encode('sealpass');
  const signature = signEd25519(pair.secretKey, message);

  it('accepts its own signatures and a fresh pair each time', () => {
    expect(verifyEd25519(pair.publicKey, message, signature)).toBe(true);
    expect(generateSigningKeyPair().publicKey).not.toEqual(pair.publicKey);
  });

  it('refuses another message, another key, any flipped signature bit, and malformed input, without throwing', () => {
    expect(verifyEd25519(pair.publicKey, new TextEncoder().encode('sealpasS'), signature)).toBe(false);
    expect(verifyEd25519(generateSigningKeyPair().publicKey, message, signature)).toBe(false);
    for (let bit = 0; bit < 512; bit += 5) {
      const bad = signature.slice();
      bad[bit >> 3]! ^= 1 << (bit & 7);
      expect(verifyEd25519(pair.publicKey, message, bad)).toBe(false);
    }
    expect(verifyEd25519(pair.publicKey, message, signature.subarray(0, 63))).toBe(false);
    expect(verifyEd25519(pair.publicKey.subarray(0, 31), message, signature)).toBe(false);
    expect(verifyEd25519(new Uint8Array(32), message, signature)).toBe(false);
  });

  it('refuses a non-canonical S (S + L), which ZIP-215 mode would also refuse but a lax verifier might not', () => {
    const L = 2n ** 252n + 27742317777372353535851937790883648493n;
    let s = 0n;
    for (let i = 63; i >= 32; i--) s = (s << 8n) | BigInt(signature[i]!);
    const bumped = signature.slice();
    let t = s + L;
    for (let i = 32; i < 64; i++) {
      bumped[i] = Number(t & 0xffn);
      t >>= 8n;
    }
    expect(verifyEd25519(pair.publicKey, message, bumped)).toBe(false);
  });
});

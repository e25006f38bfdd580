/**
 * The relay's OpenSSL Ed25519 verifier agrees with lib/crypto/verify-ed25519 (strict RFC 8032) on valid
 * signatures, every kind of tampering, wrong keys, malformed lengths and a non-canonical S (s + L).
 */
import { ed25519 } from '@noble/curves/ed25519.js';
import { bytesToNumberLE, numberToBytesLE } from '@noble/curves/utils.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateSigningKeyPair } from '../../lib/crypto/generate-signing-key-pair';
import { signEd25519 } from '../../lib/crypto/sign-ed25519';
import { verifyEd25519 } from '../../lib/crypto/verify-ed25519';
import { createNodeEd25519Verifier } from '../../relay/node-ed25519-verifier';

const verifyNode = createNodeEd25519Verifier();
const pair = generateSigningKeyPair();
const other = generateSigningKeyPair();

describe('createNodeEd25519Verifier', () => {
  it('accepts valid signatures and refuses tampered ones exactly as lib/crypto does (seeded property)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), fc.nat(), fc.integer({ min: 0, max: 3 }), (message, position, tamper) => {
        const signature = signEd25519(pair.secretKey, message);
        const cases: [Uint8Array, Uint8Array, Uint8Array][] = [[pair.publicKey, message, signature]];
        if (tamper === 0 && message.length > 0) {
          const changed = message.slice();
          changed[position % changed.length]! ^= 1;
          cases.push([pair.publicKey, changed, signature]);
        }
        if (tamper === 1) {
          const changed = signature.slice();
          changed[position % 64]! ^= 0x80;
          cases.push([pair.publicKey, message, changed]);
        }
        if (tamper === 2) cases.push([other.publicKey, message, signature]);
        if (tamper === 3) cases.push([pair.publicKey, message, signature.subarray(0, 63)], [pair.publicKey.subarray(1), message, signature]);
        for (const [key, msg, sig] of cases) expect(verifyNode(key, msg, sig)).toBe(verifyEd25519(key, msg, sig));
        expect(verifyNode(pair.publicKey, message, signature)).toBe(true);
      }),
      { seed: 0xed25519, numRuns: 150 },
    );
  });

  it('refuses a non-canonical S (s + L), as strict RFC 8032 requires, like lib/crypto', () => {
    const message = new Uint8Array([1, 2, 3]);
    const signature = signEd25519(pair.secretKey, message);
    const s = bytesToNumberLE(signature.subarray(32));
    const malleated = new Uint8Array(64);
    malleated.set(signature.subarray(0, 32));
    malleated.set(numberToBytesLE(s + ed25519.Point.CURVE().n, 32), 32);
    expect(verifyEd25519(pair.publicKey, message, malleated)).toBe(false);
    expect(verifyNode(pair.publicKey, message, malleated)).toBe(false);
  });

  it('refuses a key that is not a curve point instead of throwing', () => {
    const notAPoint = new Uint8Array(32).fill(0xff);
    expect(verifyNode(notAPoint, new Uint8Array(1), new Uint8Array(64))).toBe(false);
  });
});

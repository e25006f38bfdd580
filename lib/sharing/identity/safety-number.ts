/**
 * The safety number two people compare to know that each holds the other's real keys (S6, T01).
 *
 * Like Signal's numeric fingerprint, with SHA-256: each side's half is
 * `h₀ = SHA-256(lp("sealpass/v1/safety-number") ‖ lp(handle) ‖ lp(encryptionKey) ‖ lp(signingKey))`, then
 * 5,200 times `h = SHA-256(h ‖ encryptionKey ‖ signingKey)`; the first 30 bytes are read as six 5-byte
 * big-endian numbers, each mod 100,000 as five digits. The two 30-digit halves are put in sorted order,
 * so both people see the same 60 digits. The iterations make grinding a key whose half matches a target
 * more expensive than the 10³⁰ guesses it already needs.
 *
 * Version 2, for a party whose bundle has an X-Wing key (DESIGN §12): the half covers the whole bundle's
 * identity, `h₀ = SHA-256(lp("sealpass/v2/safety-number") ‖ lp(handle) ‖ lp(encryptionKey) ‖
 * lp(signingKey) ‖ lp(xwingKey))`, iterated with `encryptionKey ‖ signingKey ‖ SHA-256(xwingKey)` (96 bytes
 * rather than the 1,280 of the keys themselves, so a half still costs about 10,000 SHA-256 blocks). A
 * contact's number therefore changes when they upgrade; the Contacts view says that this is why.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { concatBytes } from '@noble/hashes/utils.js';
import { encodeLengthPrefixed } from '../../crypto/encode-length-prefixed';
import type { PublicIdentity } from './identity';

/** SHA-256 iterations per half (Signal's figure). */
export const SAFETY_ITERATIONS = 5200;

function half(party: PublicIdentity): string {
  const { handle, encryptionKey, signingKey, xwingKey } = party;
  const keys = xwingKey ? concatBytes(encryptionKey, signingKey, sha256(xwingKey)) : concatBytes(encryptionKey, signingKey);
  let h = sha256(
    xwingKey
      ? encodeLengthPrefixed(['sealpass/v2/safety-number', handle, encryptionKey, signingKey, xwingKey])
      : encodeLengthPrefixed(['sealpass/v1/safety-number', handle, encryptionKey, signingKey]),
  );
  for (let i = 0; i < SAFETY_ITERATIONS; i++) h = sha256(concatBytes(h, keys));
  let digits = '';
  for (let chunk = 0; chunk < 6; chunk++) {
    let n = 0;
    // 5 bytes = 40 bits stay exact in a double.
    for (let i = 0; i < 5; i++) n = n * 256 + h[chunk * 5 + i]!;
    digits += String(n % 100_000).padStart(5, '0');
  }
  return digits;
}

/**
 * Computes the safety number of two identities.
 * @param a - one party's handle and public keys (either side may pass its own first); v2 when it has an X-Wing key
 * @param b - the other party's
 * @returns 60 digits as 12 groups of 5 separated by single spaces, identical for (a, b) and (b, a)
 * @example safetyNumber(me, contact) // "30952 81274 … 06138"
 */
export function safetyNumber(a: PublicIdentity, b: PublicIdentity): string {
  const digits = [half(a), half(b)].sort().join('');
  return digits.match(/\d{5}/g)!.join(' ');
}

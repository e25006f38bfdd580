/**
 * The "opened" proof of a one-time link (issue 14): an Ed25519 signature by the receipt key whose seed is
 * sealed inside the link's content, over the link id, a nonce the decrypting page chose and the time it
 * decrypted. The relay holds only the public key: it checks proofs and refuses forged ones but cannot make
 * one; the owner checks them again with the key it kept. lib/links/format/sign-opened-proof makes them.
 */
import { fromBase64 } from '../crypto/base64';
import { encodeLengthPrefixed } from '../crypto/encode-length-prefixed';
import { verifyEd25519 } from '../crypto/verify-ed25519';
import type { OpenedProof } from './link-schemas';

/** `lp("sealpass/v1/link-opened") ‖ lp(id) ‖ lp(nonce) ‖ lp(at)`, the time as decimal text. */
export function openedProofBytes(id: string, nonce: string, at: number): Uint8Array {
  return encodeLengthPrefixed(['sealpass/v1/link-opened', id, nonce, String(at)]);
}

/**
 * @param receiptKey - the link's receipt public key, base64 of 32 bytes
 * @param verify - strict Ed25519 verification: lib/crypto's by default, OpenSSL's on the relay
 * @returns true only for a proof made with the receipt key's seed for this link; never throws
 */
export function verifyOpenedProof(
  receiptKey: string,
  id: string,
  proof: OpenedProof,
  verify: (publicKey: Uint8Array, message: Uint8Array, signature: Uint8Array) => boolean = verifyEd25519,
): boolean {
  try {
    return verify(fromBase64(receiptKey), openedProofBytes(id, proof.nonce, proof.at), fromBase64(proof.proof));
  } catch {
    return false;
  }
}

/** Makes a one-time link's "opened" proof (lib/relay-protocol/opened-proof) after its content decrypted. */
import { toBase64 } from '../../crypto/base64';
import { fromBase64Url, toBase64Url } from '../../crypto/base64url';
import { asKey, type SigningSecretKey } from '../../crypto/keys';
import { randomBytes } from '../../crypto/random-bytes';
import { signEd25519 } from '../../crypto/sign-ed25519';
import { wipe } from '../../crypto/wipe';
import type { OpenedProof } from '../../relay-protocol/link-schemas';
import { openedProofBytes } from '../../relay-protocol/opened-proof';

/**
 * @param receiptSeed - the content's `receiptSeed` (base64url of 32 bytes)
 * @param id - the link id
 * @param at - when the content was decrypted, ms since the epoch
 * @returns a proof with a fresh 16-byte nonce
 */
export function signOpenedProof(receiptSeed: string, id: string, at: number): OpenedProof {
  const seed = asKey<SigningSecretKey>(fromBase64Url(receiptSeed));
  try {
    const nonce = toBase64Url(randomBytes(16));
    return { nonce, at, proof: toBase64(signEd25519(seed, openedProofBytes(id, nonce, at))) };
  } finally {
    wipe(seed);
  }
}

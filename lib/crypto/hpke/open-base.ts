/** Single-shot OpenBase of RFC 9180 §6.1; every failure is the same DecryptError. */
import type { HpkeSecretKey } from '../keys';
import { DecryptError } from '../sealed';
import { wipe } from '../wipe';
import type { HpkeContext } from './context';
import { contextOpen } from './context-open';
import { setupBaseR } from './setup-base-r';

/**
 * Opens a single-shot HPKE ciphertext.
 * @param enc - the 32-byte ephemeral public key that came with it
 * @param skR - the recipient's 32-byte X25519 secret key
 * @param info - must equal the sender's
 * @param aad - must equal the sender's
 * @param ct - ciphertext ‖ 16-byte tag
 * @returns the plaintext
 * @throws DecryptError for a malformed or low-order `enc`, a wrong key, info or aad, or any tampering
 */
export function openBase(enc: Uint8Array, skR: HpkeSecretKey, info: Uint8Array, aad: Uint8Array, ct: Uint8Array): Uint8Array {
  let context: HpkeContext;
  try {
    context = setupBaseR(enc, skR, info);
  } catch {
    throw new DecryptError();
  }
  try {
    return contextOpen(context, aad, ct);
  } finally {
    wipe(context.key, context.baseNonce, context.exporterSecret);
  }
}

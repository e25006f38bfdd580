/** Single-shot OpenBase of RFC 9180 §6.1; every failure is the same DecryptError. */
import { DecryptError } from '../sealed';
import { wipe } from '../wipe';
import type { HpkeContext } from './context';
import { contextOpen } from './context-open';
import type { HpkeKem } from './kem';
import { setupBaseR } from './setup-base-r';

/**
 * Opens a single-shot HPKE ciphertext.
 * @param kem - X25519_KEM or XWING_KEM, the one it was sealed with
 * @param enc - the encapsulation that came with it (kem.nEnc bytes)
 * @param skR - the recipient's secret key
 * @param info - must equal the sender's
 * @param aad - must equal the sender's
 * @param ct - ciphertext ‖ 16-byte tag
 * @returns the plaintext
 * @throws DecryptError for a malformed `enc`, a wrong key, info or aad, or any tampering
 */
export function openBase<SK extends Uint8Array>(
  kem: HpkeKem<SK>,
  enc: Uint8Array,
  skR: SK,
  info: Uint8Array,
  aad: Uint8Array,
  ct: Uint8Array,
): Uint8Array {
  let context: HpkeContext;
  try {
    context = setupBaseR(kem, enc, skR, info);
  } catch {
    throw new DecryptError();
  }
  try {
    return contextOpen(context, aad, ct);
  } finally {
    wipe(context.key, context.baseNonce, context.exporterSecret);
  }
}

/** Fresh share ids: 16 random bytes, base64, opaque to the relay. */
import { toBase64 } from '../../crypto/base64';
import { randomBytes } from '../../crypto/random-bytes';

/** @returns 24 characters of base64 */
export function newShareId(): string {
  return toBase64(randomBytes(16));
}

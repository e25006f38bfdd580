/** Fresh random symmetric keys (vault key, item keys). */
import { asKey, KEY_LENGTH, type Key } from './keys';
import { randomBytes } from './random-bytes';

/** Returns a new random 32-byte key of kind `K`. */
export function generateKey<K extends Key<string>>(): K {
  return asKey<K>(randomBytes(KEY_LENGTH));
}

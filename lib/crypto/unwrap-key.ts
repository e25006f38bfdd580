/** Key unwrapping: the inverse of wrapKey, checking the result is a 32-byte key. */
import type { CipherContext } from './associated-data';
import { asKey, KEY_LENGTH, type Key } from './keys';
import { openSealed } from './open-sealed';
import { DecryptError } from './sealed';

/**
 * Opens a wrapped key.
 * @returns the 32-byte key, branded as `K`
 * @throws DecryptError when the wrap does not authenticate or does not hold 32 bytes
 */
export function unwrapKey<K extends Key<string>>(wrappingKey: Key<string>, wrapped: unknown, context: CipherContext): K {
  const bytes = openSealed(wrappingKey, wrapped, context);
  if (bytes.length !== KEY_LENGTH) throw new DecryptError();
  return asKey<K>(bytes);
}

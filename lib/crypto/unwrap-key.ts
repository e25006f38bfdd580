/** Key unwrapping: the inverse of wrapKey, checking the result is a 32-byte key. */
import type { CipherContext } from './associated-data';
import { asKey, KEY_LENGTH } from './keys';
import { openSealed } from './open-sealed';
import { DecryptError } from './sealed';
import type { WrappedKeyOf, WrappingKeyOf, WrapPurpose } from './wrap-key';

/**
 * Opens a wrapped key.
 * @param wrappingKey - 32 bytes, of the type the context's purpose is wrapped under (WrapPurposes in wrap-key.ts)
 * @param wrapped - untrusted; anything but a Sealed fails like a wrong key
 * @returns the 32-byte key, of the type the context's purpose holds
 * @throws DecryptError when the wrap does not authenticate or does not hold 32 bytes
 * @example const itemKey = unwrapKey(vaultKey, record.wrappedKey, itemKeyContext(record.id)); // ItemKey
 */
export function unwrapKey<P extends WrapPurpose>(wrappingKey: WrappingKeyOf<P>, wrapped: unknown, context: CipherContext<P>): WrappedKeyOf<P> {
  const bytes = openSealed(wrappingKey, wrapped, context);
  if (bytes.length !== KEY_LENGTH) throw new DecryptError();
  return asKey<WrappedKeyOf<P>>(bytes);
}

/** Key wrapping: a 32-byte key sealed under another key, bound to where the wrapped key belongs. */
import type { CipherContext } from './associated-data';
import type { AllOf, FolderContentKey, FolderKey, ItemKey, KeyEncryptionKey, VaultKey } from './keys';
import { seal } from './seal';
import type { Sealed } from './sealed';

/**
 * Every purpose a wrapped key is sealed under, with the key that wraps it and the key it holds; adding
 * a wrapped key means adding it here. The types follow from the context's purpose, so a caller cannot
 * wrap or unwrap under the wrong key or pick a wrong brand.
 */
interface WrapPurposes {
  /** In the vault header, under the key-encryption key derived from the master password. */
  'vault-key': { wrappingKey: KeyEncryptionKey; key: VaultKey };
  /** In each item record, under the vault key. */
  'item-key': { wrappingKey: VaultKey; key: ItemKey };
  /** A shared folder's key of epoch e, under epoch e+1's (the backward chain in the log entry that starts e+1). */
  'folder-key': { wrappingKey: FolderKey; key: FolderKey };
  /** A folder message's content key, under the folder key of the message's epoch. */
  'folder-content-key': { wrappingKey: FolderKey; key: FolderContentKey };
}

export type WrapPurpose = keyof WrapPurposes;
/** The key a wrap of this purpose holds. */
export type WrappedKeyOf<P extends WrapPurpose> = WrapPurposes[P]['key'];
/** The key that wraps it; `never` for a union of purposes with different wrapping keys. */
export type WrappingKeyOf<P extends WrapPurpose> = AllOf<WrapPurposes[P]['wrappingKey']>;

/**
 * Seals `key` under `wrappingKey` (XChaCha20-Poly1305, random nonce).
 * @param wrappingKey - 32 bytes, of the type the purpose is wrapped under
 * @param key - the 32-byte key to protect, of the type the purpose holds
 * @param context - a wrap purpose (`vault-key`, `item-key`, `folder-key`, `folder-content-key`) plus the owning record id
 * @example wrapKey(vaultKey, itemKey, itemKeyContext(id))
 */
export function wrapKey<P extends WrapPurpose>(wrappingKey: WrappingKeyOf<P>, key: AllOf<WrappedKeyOf<P>>, context: CipherContext<P>): Sealed {
  return seal(wrappingKey, key, context);
}

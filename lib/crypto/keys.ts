/**
 * Distinct key types. Every key is 32 random or derived bytes; the brand stops a vault key from being
 * passed where an item key is expected (STYLE: distinct types for distinct keys).
 */

declare const brand: unique symbol;

/** A 32-byte key tagged with what it is for. */
export type Key<Kind extends string> = Uint8Array & { readonly [brand]: Kind };

/** Argon2id output; only ever used to derive a subkey (the key-encryption key, or an export's key). */
export type MasterKey = Key<'MasterKey'>;
/** HKDF(master key, "vault-kek"): wraps the vault key in the header. */
export type KeyEncryptionKey = Key<'KeyEncryptionKey'>;
/** Random; wraps item keys and seals vault metadata (manifest, audit, settings). */
export type VaultKey = Key<'VaultKey'>;
/** Random per item; seals one item's fields. */
export type ItemKey = Key<'ItemKey'>;
/** HKDF(vault key, "blind-index"): HMAC key for the domain lookup index. */
export type IndexKey = Key<'IndexKey'>;
/** HKDF(vault key, "audit-chain"): HMAC key that chains audit events. */
export type AuditKey = Key<'AuditKey'>;
/** HKDF(Argon2id(export passphrase, the file's own salt), "export-key"): seals and opens one export file. */
export type ExportKey = Key<'ExportKey'>;
/** X25519 secret key (RFC 7748) of a vault's sharing identity: opens HPKE envelopes sealed to it. */
export type HpkeSecretKey = Key<'HpkeSecretKey'>;
/**
 * X-Wing decapsulation key (draft-connolly-cfrg-xwing-kem §5.2): the 32-byte seed itself, expanded with
 * SHAKE-256 into the ML-KEM-768 and X25519 keys on every use. Distinct from HpkeSecretKey so an X25519
 * key can never be handed to the X-Wing KEM or the other way round.
 */
export type XWingSecretKey = Key<'XWingSecretKey'>;
/** Ed25519 secret key (RFC 8032 §5.1.5 seed) of a vault's sharing identity: signs bundles and envelopes. */
export type SigningSecretKey = Key<'SigningSecretKey'>;

/** HKDF(link secret ‖ Argon2id(passphrase), "link-content"): seals and opens one one-time link's content. */
export type LinkContentKey = Key<'LinkContentKey'>;
/** HKDF(request secret, "request-descriptor"): seals and opens one secret request's signed descriptor. */
export type RequestDescriptorKey = Key<'RequestDescriptorKey'>;

/** Random per shared folder and epoch (`FK_e`, issue 13): sealed to each member, wraps content keys and the previous epoch's key. */
export type FolderKey = Key<'FolderKey'>;
/** Random per folder message (an item revision, a receipt): seals that one message's content, wrapped by its epoch's FolderKey. */
export type FolderContentKey = Key<'FolderContentKey'>;

/**
 * The key that is every member of a union of key types at once. Brands conflict, so a union of two
 * distinct kinds gives `never`: deriveSubkey and wrapKey ask for `AllOf<…>` of the key a label or purpose
 * needs, so a union of labels or purposes is refused instead of taking the key of whichever member the
 * caller liked.
 */
export type AllOf<U extends Key<string>> = (U extends unknown ? (key: U) => void : never) extends (key: infer All extends Key<string>) => void
  ? All
  : never;

/** Length in bytes of every symmetric key. */
export const KEY_LENGTH = 32;

/**
 * Tags 32 bytes as a key of the given kind.
 * @param bytes - exactly 32 bytes; the array is used as is, not copied
 * @throws RangeError when `bytes` is not 32 bytes long
 */
export function asKey<K extends Key<string>>(bytes: Uint8Array): K {
  if (!(bytes instanceof Uint8Array) || bytes.length !== KEY_LENGTH) {
    throw new RangeError(`key: expected ${KEY_LENGTH} bytes`);
  }
  return bytes as K;
}

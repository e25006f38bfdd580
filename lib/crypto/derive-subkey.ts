/**
 * Key separation with HKDF-SHA256 (RFC 5869): one `info` label per purpose, so a key for one use
 * never serves another.
 */
import { hkdf } from '@noble/hashes/hkdf.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { utf8ToBytes } from '@noble/hashes/utils.js';
import {
  asKey,
  KEY_LENGTH,
  type AllOf,
  type AuditKey,
  type ExportKey,
  type IndexKey,
  type KeyEncryptionKey,
  type MasterKey,
  type VaultKey,
} from './keys';

/**
 * Every HKDF label in use, with the key it derives from and the key it gives; adding a purpose means
 * adding it here. The types follow from the label, so a caller cannot pick a wrong brand.
 */
interface SubkeyPurposes {
  'vault-kek': { parent: MasterKey; subkey: KeyEncryptionKey };
  'blind-index': { parent: VaultKey; subkey: IndexKey };
  'audit-chain': { parent: VaultKey; subkey: AuditKey };
  /** The parent is Argon2id of the export passphrase, not of the master password. */
  'export-key': { parent: MasterKey; subkey: ExportKey };
}

export type SubkeyLabel = keyof SubkeyPurposes;
/** The key a label gives. */
export type SubkeyOf<L extends SubkeyLabel> = SubkeyPurposes[L]['subkey'];
/** The key a label derives from; `never` for a union of labels with different parents. */
export type SubkeyParentOf<L extends SubkeyLabel> = AllOf<SubkeyPurposes[L]['parent']>;

/**
 * Derives a 32-byte subkey: HKDF-SHA256(ikm = parent, salt = none, info = "sealpass/v1/" + label).
 * @param parent - 32-byte parent key, of the type the label derives from (master key or vault key)
 * @param label - the purpose; it fixes both key types
 * @throws RangeError when `parent` is not 32 bytes
 * @example const indexKey = deriveSubkey(vaultKey, 'blind-index'); // IndexKey
 */
export function deriveSubkey<L extends SubkeyLabel>(parent: SubkeyParentOf<L>, label: L): SubkeyOf<L> {
  if (parent.length !== KEY_LENGTH) throw new RangeError('deriveSubkey: parent must be 32 bytes');
  return asKey<SubkeyOf<L>>(hkdf(sha256, parent, undefined, utf8ToBytes(`sealpass/v1/${label}`), KEY_LENGTH));
}

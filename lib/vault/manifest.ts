/**
 * The authenticated manifest (T09): every item id with its revision, sealed under the vault key so a
 * dropped, duplicated, added or rolled-back record is noticed at unlock.
 */
import { utf8ToBytes } from '@noble/hashes/utils.js';
import type { CipherContext } from '../crypto/associated-data';
import type { VaultKey } from '../crypto/keys';
import { openSealed } from '../crypto/open-sealed';
import { seal } from '../crypto/seal';
import type { Sealed } from '../crypto/sealed';

const context = (vaultId: string): CipherContext => ({ purpose: 'manifest', recordId: vaultId, fields: 'ids-revs' });

/** Seals `manifest` (id → revision) for the header. Size: about 45 bytes per item. */
export function sealManifest(vaultKey: VaultKey, vaultId: string, manifest: Map<string, number>): Sealed {
  return seal(vaultKey, utf8ToBytes(JSON.stringify([...manifest])), context(vaultId));
}

/**
 * Opens the header's manifest.
 * @throws DecryptError when it was tampered with or belongs to another vault
 */
export function openManifest(vaultKey: VaultKey, vaultId: string, sealed: Sealed): Map<string, number> {
  const entries: unknown = JSON.parse(new TextDecoder().decode(openSealed(vaultKey, sealed, context(vaultId))));
  if (!Array.isArray(entries)) throw new TypeError('manifest: not a list');
  const map = new Map<string, number>();
  for (const entry of entries) {
    if (!Array.isArray(entry) || typeof entry[0] !== 'string' || !Number.isInteger(entry[1])) throw new TypeError('manifest: bad entry');
    map.set(entry[0], entry[1]);
  }
  return map;
}

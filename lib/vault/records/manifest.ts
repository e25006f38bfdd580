/**
 * The authenticated manifest (T09): every item id with its revision, sealed under the vault key so a
 * dropped, duplicated, added or rolled-back record is noticed at unlock. Records of other tables that a
 * feature binds the same way (sharing's contacts, grants, received copies) are listed under
 * `<table>/<id>` keys; item ids are hex and never contain a "/".
 */
import { z } from 'zod';
import type { CipherContext } from '../../crypto/associated-data';
import type { VaultKey } from '../../crypto/keys';
import type { Sealed } from '../../crypto/sealed';
import { openJson, sealJson } from './sealed-json';

/** `[id, revision]` pairs. */
const entriesSchema = z.array(z.tuple([z.string(), z.number().int()]));

const context = (vaultId: string): CipherContext => ({ purpose: 'manifest', recordId: vaultId, fields: 'ids-revs' });

/** Seals `manifest` (id → revision) for the header. Size: about 45 bytes per item. */
export function sealManifest(vaultKey: VaultKey, vaultId: string, manifest: Map<string, number>): Sealed {
  return sealJson(vaultKey, [...manifest], context(vaultId));
}

/**
 * Opens the header's manifest.
 * @throws DecryptError when it was tampered with or belongs to another vault; ZodError when malformed
 */
export function openManifest(vaultKey: VaultKey, vaultId: string, sealed: Sealed): Map<string, number> {
  return new Map(openJson(vaultKey, sealed, context(vaultId), entriesSchema));
}

/** The manifest key of record `id` of `table` (not items): `<table>/<id>`. */
export function recordKey(table: string, id: string | number): string {
  return `${table}/${id}`;
}

/** True for an item's entry (a bare item id), false for another table's (`recordKey`). */
export function isItemKey(key: string): boolean {
  return !key.includes('/');
}

/**
 * The authenticated manifest (T09): every item id with its revision, and every overview bucket with its
 * revision, sealed under the vault key so a dropped, duplicated, added or rolled-back record or bucket is
 * noticed at unlock. Records of other tables that a feature binds the same way (sharing's contacts, grants,
 * received copies) are listed with the items under `<table>/<id>` keys; item ids are hex and never contain a "/".
 *
 * Stored as `{ items: { ids: […], revs: […] }, overviews: [[bucket, rev], …] }`: the items column by column,
 * which unlock parses and checks in a third of the time 10,000 `[id, rev]` pairs take. Vaults written before
 * overview buckets hold the bare `[[id, rev], …]` array; it still opens, with `overviews: null`, and the next
 * unlock builds the buckets (lib/vault/lifecycle/open-vault-lists).
 */
import { z } from 'zod';
import type { CipherContext } from '../../crypto/associated-data';
import type { VaultKey } from '../../crypto/keys';
import type { Sealed } from '../../crypto/sealed';
import { column, isInteger, isString } from './column-schema';
import { openJson, sealJson } from './sealed-json';

/** `[id, revision]` pairs. */
const entriesSchema = z.array(z.tuple([z.string(), z.number().int()]));
/** `[bucket, revision]` pairs. */
const bucketsSchema = z.array(z.tuple([z.number().int().nonnegative(), z.number().int().positive()]));
/** Item ids and their revisions, in the same order. */
const itemColumnsSchema = z
  .object({ ids: column(isString), revs: column(isInteger) })
  .refine((items) => items.ids.length === items.revs.length, 'ids and revisions differ in length');
const manifestSchema = z.union([
  entriesSchema,
  z.object({ items: itemColumnsSchema, overviews: bucketsSchema }),
]);

const context = (vaultId: string): CipherContext => ({ purpose: 'manifest', recordId: vaultId, fields: 'ids-revs' });

/** What the manifest says. */
export interface ManifestParts {
  /** Item id → revision. */
  items: Map<string, number>;
  /** Overview bucket → revision; null for a vault written before overview buckets. */
  overviews: Map<number, number> | null;
}

/**
 * Seals `manifest` (id → revision) and the overview buckets' revisions for the header. Size: about 45 bytes
 * per item plus 10 per bucket.
 */
export function sealManifest(vaultKey: VaultKey, vaultId: string, manifest: Map<string, number>, overviews: ReadonlyMap<number, number>): Sealed {
  return sealJson(vaultKey, { items: { ids: [...manifest.keys()], revs: [...manifest.values()] }, overviews: [...overviews] }, context(vaultId));
}

/**
 * Opens the header's manifest, both parts.
 * @throws DecryptError when it was tampered with or belongs to another vault; ZodError when malformed
 */
export function openManifestParts(vaultKey: VaultKey, vaultId: string, sealed: Sealed): ManifestParts {
  const opened = openJson(vaultKey, sealed, context(vaultId), manifestSchema);
  if (Array.isArray(opened)) return { items: new Map(opened), overviews: null };
  const items = new Map<string, number>();
  opened.items.ids.forEach((id, i) => items.set(id, opened.items.revs[i]!));
  return { items, overviews: new Map(opened.overviews) };
}

/**
 * Opens the header's manifest: item id → revision.
 * @throws DecryptError when it was tampered with or belongs to another vault; ZodError when malformed
 */
export function openManifest(vaultKey: VaultKey, vaultId: string, sealed: Sealed): Map<string, number> {
  return openManifestParts(vaultKey, vaultId, sealed).items;
}

/** The manifest key of record `id` of `table` (not items): `<table>/<id>`. */
export function recordKey(table: string, id: string | number): string {
  return `${table}/${id}`;
}

/** True for an item's entry (a bare item id), false for another table's (`recordKey`). */
export function isItemKey(key: string): boolean {
  return !key.includes('/');
}

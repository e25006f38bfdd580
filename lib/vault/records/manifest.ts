/**
 * The authenticated manifest (T09): every item id with its revision, and every overview bucket with its
 * revision, sealed under the vault key so a dropped, duplicated, added or rolled-back record or bucket is
 * noticed at unlock.
 *
 * Stored as `{ items: [[id, rev], …], overviews: [[bucket, rev], …] }`. Vaults written before overview
 * buckets hold the bare `[[id, rev], …]` array; it still opens, with `overviews: null`, and the next unlock
 * builds the buckets (lib/vault/lifecycle/open-vault-lists).
 */
import { z } from 'zod';
import type { CipherContext } from '../../crypto/associated-data';
import type { VaultKey } from '../../crypto/keys';
import type { Sealed } from '../../crypto/sealed';
import { openJson, sealJson } from './sealed-json';

/** `[id, revision]` pairs. */
const entriesSchema = z.array(z.tuple([z.string(), z.number().int()]));
/** `[bucket, revision]` pairs. */
const bucketsSchema = z.array(z.tuple([z.number().int().nonnegative(), z.number().int().positive()]));
const manifestSchema = z.union([
  entriesSchema,
  z.object({ items: entriesSchema, overviews: bucketsSchema }),
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
export function sealManifest(vaultKey: VaultKey, vaultId: string, manifest: Map<string, number>, overviews: ReadonlyMap<number, number> = new Map()): Sealed {
  return sealJson(vaultKey, { items: [...manifest], overviews: [...overviews] }, context(vaultId));
}

/**
 * Opens the header's manifest, both parts.
 * @throws DecryptError when it was tampered with or belongs to another vault; ZodError when malformed
 */
export function openManifestParts(vaultKey: VaultKey, vaultId: string, sealed: Sealed): ManifestParts {
  const opened = openJson(vaultKey, sealed, context(vaultId), manifestSchema);
  if (Array.isArray(opened)) return { items: new Map(opened), overviews: null };
  return { items: new Map(opened.items), overviews: new Map(opened.overviews) };
}

/**
 * Opens the header's manifest: item id → revision.
 * @throws DecryptError when it was tampered with or belongs to another vault; ZodError when malformed
 */
export function openManifest(vaultKey: VaultKey, vaultId: string, sealed: Sealed): Map<string, number> {
  return openManifestParts(vaultKey, vaultId, sealed).items;
}

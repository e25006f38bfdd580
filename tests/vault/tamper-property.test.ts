/**
 * S8 as a property: whatever an attacker with the disk does to item records and overview buckets (flip bits,
 * swap fields between records, change kind, revision, id or deleted state, replace fields with garbage of any
 * type, drop a bucket), reopening the vault never throws and every item whose own record is untouched is still
 * listed with its title; the integrity check never throws either, and reports every tampered record unless it is
 * still authentic; opening a tampered item gives a clear vault error or its authentic content.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ItemRecord, OverviewRecord } from '../../lib/db/vault-db';
import { VaultError } from '../../lib/vault/model/vault-error';
import { checkVaultIntegrity } from '../../lib/vault/lifecycle/check-vault-integrity';
import { createItems } from '../../lib/vault/items/create-item';
import { getItem } from '../../lib/vault/items/get-item';
import { copyVault, loginInput, noteInput, pasteUnlocked, syntheticVault, T0 } from './fixtures';

type Tamper =
  | { kind: 'flip'; field: 'data.ct' | 'data.nonce' | 'wrappedKey.ct' | 'wrappedKey.nonce'; at: number; bit: number }
  | { kind: 'swap'; field: 'data' | 'wrappedKey'; other: number }
  | { kind: 'set'; field: 'kind' | 'rev' | 'deletedAt' | 'data' | 'wrappedKey' | 'domains'; value: unknown }
  | { kind: 'truncate'; field: 'data.ct'; keep: number };

type BucketTamper =
  | { kind: 'flip'; field: 'ct' | 'nonce'; at: number; bit: number }
  | { kind: 'swap'; other: number }
  | { kind: 'set'; value: unknown }
  | { kind: 'drop' };

const garbage = fc.oneof(fc.constant(null), fc.constant(undefined), fc.integer(), fc.string(), fc.boolean(), fc.uint8Array({ maxLength: 64 }), fc.object(), fc.constant('note'), fc.constant(2));
const tamper: fc.Arbitrary<Tamper> = fc.oneof(
  fc.record({ kind: fc.constant('flip' as const), field: fc.constantFrom('data.ct', 'data.nonce', 'wrappedKey.ct', 'wrappedKey.nonce') as fc.Arbitrary<'data.ct'>, at: fc.nat(), bit: fc.integer({ min: 0, max: 7 }) }),
  fc.record({ kind: fc.constant('swap' as const), field: fc.constantFrom('data', 'wrappedKey') as fc.Arbitrary<'data'>, other: fc.nat() }),
  fc.record({ kind: fc.constant('set' as const), field: fc.constantFrom('kind', 'rev', 'deletedAt', 'data', 'wrappedKey', 'domains') as fc.Arbitrary<'kind'>, value: garbage }),
  fc.record({ kind: fc.constant('truncate' as const), field: fc.constant('data.ct' as const), keep: fc.nat({ max: 40 }) }),
);
const bucketTamper: fc.Arbitrary<BucketTamper> = fc.oneof(
  fc.record({ kind: fc.constant('flip' as const), field: fc.constantFrom('ct', 'nonce') as fc.Arbitrary<'ct'>, at: fc.nat(), bit: fc.integer({ min: 0, max: 7 }) }),
  fc.record({ kind: fc.constant('swap' as const), other: fc.nat() }),
  fc.record({ kind: fc.constant('set' as const), value: garbage }),
  fc.constant({ kind: 'drop' as const }),
);

/** Applies one tamper to a deep copy of `records[index]`, possibly using another record's fields. */
function apply(records: ItemRecord[], index: number, t: Tamper): ItemRecord {
  const target = structuredClone(records[index]!) as unknown as Record<string, unknown>;
  const donor = records[(t.kind === 'swap' ? t.other : 0) % records.length]!;
  if (t.kind === 'flip' || t.kind === 'truncate') {
    const [outer, inner] = t.field.split('.') as ['data' | 'wrappedKey', 'ct' | 'nonce'];
    const sealed = target[outer] as { ct?: unknown; nonce?: unknown } | null | undefined;
    const bytes = sealed?.[inner];
    // An earlier tamper may have replaced the object with garbage; then there is nothing to flip or cut.
    if (!sealed || !(bytes instanceof Uint8Array) || bytes.length === 0) return target as unknown as ItemRecord;
    if (t.kind === 'flip') bytes[t.at % bytes.length]! ^= 1 << t.bit;
    else sealed[inner] = bytes.slice(0, t.keep);
  } else if (t.kind === 'swap') {
    target[t.field] = structuredClone(donor[t.field]);
  } else {
    target[t.field] = t.value;
  }
  return target as unknown as ItemRecord;
}

/** Applies one tamper to the bucket records (a copy), in place; `null` marks a dropped bucket. */
function applyToBucket(buckets: (OverviewRecord | null)[], index: number, t: BucketTamper): void {
  const target = buckets[index];
  if (!target) return;
  if (t.kind === 'drop') buckets[index] = null;
  else if (t.kind === 'swap') buckets[index] = { ...target, sealed: structuredClone(buckets[t.other % buckets.length]?.sealed ?? target.sealed) };
  else if (t.kind === 'set') buckets[index] = { ...target, sealed: t.value as OverviewRecord['sealed'] };
  else {
    const bytes = (target.sealed as { ct?: unknown; nonce?: unknown } | null)?.[t.field];
    if (bytes instanceof Uint8Array && bytes.length > 0) bytes[t.at % bytes.length]! ^= 1 << t.bit;
  }
}

describe('S8 property: tampered records and overview buckets never break the vault', () => {
  it('reopening and checking never throw; untouched items are listed; tampered ones are reported or authentic', async () => {
    const { db, vault } = await syntheticVault();
    const inputs = [loginInput({ title: 'A' }), loginInput({ title: 'B', urls: ['https://b.example.org/'] }), noteInput({ title: 'C' }), loginInput({ title: 'D' })];
    const ids = await createItems(db, vault, inputs, T0);
    const titleOf = new Map(ids.map((id, i) => [id, inputs[i]!.title]));
    const original = await copyVault(db, vault);

    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.nat(), tamper), { maxLength: 4 }),
        fc.array(fc.tuple(fc.nat(), bucketTamper), { maxLength: 3 }),
        async (tampers, bucketTampers) => {
          const records = original.items.map((r) => structuredClone(r));
          const touched = new Set<string>();
          for (const [i, t] of tampers) {
            const index = i % records.length;
            touched.add(records[index]!.id);
            records[index] = apply(records, index, t);
          }
          const buckets: (OverviewRecord | null)[] = original.overviews.map((b) => structuredClone(b));
          for (const [i, t] of bucketTampers) applyToBucket(buckets, i % buckets.length, t);

          let opened: Awaited<ReturnType<typeof pasteUnlocked>> | undefined;
          const copy = {
            ...original,
            items: records.filter((r) => typeof r.id === 'string'),
            overviews: buckets.filter((b): b is OverviewRecord => b !== null),
          };
          await expect((async () => (opened = await pasteUnlocked(copy)))()).resolves.toBeDefined();
          const { db: scratch, vault: reopened } = opened!;
          for (const record of original.items) {
            const row = reopened.summaries.get(record.id);
            // From the bucket, or read from its own record when the bucket is damaged: either way the same title.
            if (!touched.has(record.id)) expect(row).toMatchObject({ state: 'ok', title: titleOf.get(record.id) });
            else if (row?.state === 'ok') expect(row.title).toBe(titleOf.get(record.id));
          }

          const report = await checkVaultIntegrity(scratch, reopened);
          for (const id of touched) {
            const reported = report.quarantined.includes(id) || report.rolledBack.includes(id) || report.unexpected.includes(id) || report.missing.includes(id);
            if (reported) continue;
            // Not reported: the tamper left it authentic (e.g. domains changed, or a value set to itself).
            expect((await getItem(scratch, reopened, id)).content.title).toBe(titleOf.get(id));
          }
          // Opening any tampered item gives a clear vault error or the authentic item, never a crash.
          for (const id of touched) {
            try {
              expect((await getItem(scratch, reopened, id)).content.title).toBe(titleOf.get(id));
            } catch (error) {
              expect(error).toBeInstanceOf(VaultError);
              expect(['corrupted', 'not-found']).toContain((error as VaultError).code);
            }
          }
          scratch.close();
        },
      ),
      { numRuns: 150, seed: 20261125 },
    );
  }, 60_000);
});

/**
 * S8 as a property: whatever an attacker with the disk does to item records (flip bits, swap fields between
 * records, change kind, revision, id or deleted state, replace fields with garbage of any type), reopening the
 * vault never throws, every untouched item still opens unchanged, and every tampered one is either reported
 * (quarantined, missing, unexpected, rolled back) or still authentic.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ItemRecord } from '../../lib/db/vault-db';
import { VaultError } from '../../lib/vault/model/vault-error';
import { checkIntegrity } from '../../lib/vault/lifecycle/check-integrity';
import { createItems } from '../../lib/vault/items/create-item';
import { getItem } from '../../lib/vault/items/get-item';
import { loadSummaries } from '../../lib/vault/items/load-summaries';
import { openVaultState } from '../../lib/vault/keys/unlocked-vault';
import { loginInput, noteInput, syntheticVault, T0 } from './fixtures';

type Tamper =
  | { kind: 'flip'; field: 'data.ct' | 'data.nonce' | 'wrappedKey.ct' | 'wrappedKey.nonce'; at: number; bit: number }
  | { kind: 'swap'; field: 'data' | 'wrappedKey'; other: number }
  | { kind: 'set'; field: 'kind' | 'rev' | 'deletedAt' | 'data' | 'wrappedKey' | 'domains'; value: unknown }
  | { kind: 'truncate'; field: 'data.ct'; keep: number };

const garbage = fc.oneof(fc.constant(null), fc.constant(undefined), fc.integer(), fc.string(), fc.boolean(), fc.uint8Array({ maxLength: 64 }), fc.object(), fc.constant('note'), fc.constant(2));
const tamper: fc.Arbitrary<Tamper> = fc.oneof(
  fc.record({ kind: fc.constant('flip' as const), field: fc.constantFrom('data.ct', 'data.nonce', 'wrappedKey.ct', 'wrappedKey.nonce') as fc.Arbitrary<'data.ct'>, at: fc.nat(), bit: fc.integer({ min: 0, max: 7 }) }),
  fc.record({ kind: fc.constant('swap' as const), field: fc.constantFrom('data', 'wrappedKey') as fc.Arbitrary<'data'>, other: fc.nat() }),
  fc.record({ kind: fc.constant('set' as const), field: fc.constantFrom('kind', 'rev', 'deletedAt', 'data', 'wrappedKey', 'domains') as fc.Arbitrary<'kind'>, value: garbage }),
  fc.record({ kind: fc.constant('truncate' as const), field: fc.constant('data.ct' as const), keep: fc.nat({ max: 40 }) }),
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

describe('S8 property: tampered records never break the vault', () => {
  it('reopening never throws; untouched items open unchanged; tampered ones are reported or authentic', async () => {
    const { db, vault } = await syntheticVault();
    const inputs = [loginInput({ title: 'A' }), loginInput({ title: 'B', urls: ['https://b.example.org/'] }), noteInput({ title: 'C' }), loginInput({ title: 'D' })];
    const ids = await createItems(db, vault, inputs, T0);
    const titleOf = new Map(ids.map((id, i) => [id, inputs[i]!.title]));
    const original = await db.items.toArray();

    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(fc.nat(), tamper), { minLength: 1, maxLength: 4 }), async (tampers) => {
        const records = original.map((r) => structuredClone(r));
        const touched = new Set<string>();
        for (const [i, t] of tampers) {
          const index = i % records.length;
          touched.add(records[index]!.id);
          records[index] = apply(records, index, t);
        }
        const reopened = openVaultState(vault.vaultId, vault.vaultKey.slice() as typeof vault.vaultKey, new Map(vault.manifest));
        let quarantined: string[] = [];
        let report: ReturnType<typeof checkIntegrity> | undefined;
        expect(() => {
          report = checkIntegrity(reopened.manifest, records);
          quarantined = loadSummaries(reopened, records);
        }).not.toThrow();
        for (const record of original) {
          const row = reopened.summaries.get(record.id);
          if (!touched.has(record.id)) {
            expect(row).toMatchObject({ state: 'ok', title: titleOf.get(record.id) });
          } else if (row?.state === 'ok') {
            // Still authentic: the tamper was a no-op on the ciphertext (e.g. domains changed, or a value set to itself).
            expect(row.title).toBe(titleOf.get(record.id));
          } else {
            const reported = quarantined.includes(record.id) || report!.rolledBack.includes(record.id) || report!.unexpected.includes(record.id) || row === undefined;
            expect(reported).toBe(true);
          }
        }
        // Opening any tampered item gives a clear vault error, never a crash.
        const scratch = await syntheticVault();
        await scratch.db.items.bulkPut(records.filter((r) => typeof r.id === 'string'));
        for (const id of touched) {
          try {
            await getItem(scratch.db, reopened, id);
          } catch (error) {
            expect(error).toBeInstanceOf(VaultError);
            expect(['corrupted', 'not-found']).toContain((error as VaultError).code);
          }
        }
        scratch.db.close();
      }),
      { numRuns: 150, seed: 20261125 },
    );
  }, 60_000);
});

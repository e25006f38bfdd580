/** Adds items to the vault (one, or many in a single transaction for imports and benchmarks). */
import { bytesToHex } from '@noble/hashes/utils.js';
import { randomBytes } from '../../crypto/random-bytes';
import type { VaultDb } from '../../db/vault-db';
import { commitChanges } from '../records/commit-changes';
import { itemInputSchema, type ItemContent, type ItemInput } from '../model/item-schema';
import { overviewRow } from '../records/overview-bucket';
import { sealItem } from '../records/seal-item';
import type { UnlockedVault } from '../keys/unlocked-vault';

/**
 * Validates, encrypts and stores new items in one transaction, with one audit event each.
 * @param inputs - what the user typed; validated here as well as at the message boundary
 * @returns the new ids (16 random bytes as hex), in input order
 * @throws ZodError when an input is invalid; nothing is written then
 */
export async function createItems(db: VaultDb, vault: UnlockedVault, inputs: readonly ItemInput[], now = Date.now()): Promise<string[]> {
  const contents: ItemContent[] = inputs.map((input) => {
    const parsed = itemInputSchema.parse(input);
    return parsed.type === 'login'
      ? { ...parsed, createdAt: now, updatedAt: now, passwordHistory: [] }
      : { ...parsed, createdAt: now, updatedAt: now };
  });
  const ids = contents.map(() => bytesToHex(randomBytes(16)));
  const records = contents.map((content, i) => sealItem(vault, ids[i]!, 1, content));
  await commitChanges(db, vault, {
    put: records,
    rows: contents.map((content, i) => overviewRow(ids[i]!, 1, content, false)),
    audit: contents.map((content, i) => ({ type: 'item-created' as const, itemId: ids[i]!, itemTitle: content.title })),
  }, now);
  return ids;
}

/** Adds one item; see `createItems`. */
export async function createItem(db: VaultDb, vault: UnlockedVault, input: ItemInput, now = Date.now()): Promise<string> {
  const [id] = await createItems(db, vault, [input], now);
  return id!;
}

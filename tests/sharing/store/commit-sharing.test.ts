/**
 * commitSharing seals the manifest again with the sharing records' revisions; the overview buckets'
 * revisions (issue 15) must survive it, or the next unlock would find no bucket and read every item again.
 */
import { describe, expect, it } from 'vitest';
import { commitSharing } from '../../../lib/sharing/store/commit-sharing';
import { createItem } from '../../../lib/vault/items/create-item';
import { openManifestParts, recordKey } from '../../../lib/vault/records/manifest';
import { contactOf, person } from '../fixtures';
import { loginInput, reopen, syntheticVault, T0 } from '../../vault/fixtures';

describe('commitSharing', () => {
  it('keeps the overview buckets in the manifest it seals, so the next unlock reads the list from them', async () => {
    const { db, vault } = await syntheticVault();
    const id = await createItem(db, vault, loginInput({ title: 'Mail' }), T0);
    const bucketsBefore = new Map(vault.overviews);
    expect(bucketsBefore.size).toBeGreaterThan(0);

    await commitSharing(db, vault, { contacts: [{ id: 'c1', contact: contactOf(person('bob')) }] }, T0);

    const header = (await db.header.get('vault'))!;
    const parts = openManifestParts(vault.vaultKey, vault.vaultId, header.manifest);
    expect(parts.overviews).toEqual(bucketsBefore);
    expect(parts.items.get(recordKey('contacts', 'c1'))).toBe(1);
    const again = await reopen(db, vault);
    expect(again.summaries.get(id)).toMatchObject({ title: 'Mail' });
  });
});

/** openLiveItems: every live item decrypted, deleted ones left out, undecryptable ones reported by id (S8). */
import { describe, expect, it } from 'vitest';
import { createItem } from '../../../lib/vault/items/create-item';
import { deleteItem } from '../../../lib/vault/items/delete-item';
import { openLiveItems } from '../../../lib/vault/items/open-live-items';
import { contentOf, loginInput, noteInput, syntheticVault, T0 } from '../fixtures';

describe('openLiveItems', () => {
  it('returns live items with revision and content, skips deleted, reports quarantined', async () => {
    const { db, vault } = await syntheticVault();
    const login = await createItem(db, vault, loginInput(), T0);
    const note = await createItem(db, vault, noteInput(), T0);
    const deleted = await createItem(db, vault, loginInput({ title: 'gone' }), T0);
    const broken = await createItem(db, vault, loginInput({ title: 'broken' }), T0);
    await deleteItem(db, vault, deleted, T0);
    const record = (await db.items.get(broken))!;
    record.wrappedKey.ct[3]! ^= 0x80;
    await db.items.put(record);

    const { items, quarantined } = await openLiveItems(db, vault);
    expect(new Map(items.map((i) => [i.id, i]))).toEqual(new Map([
      [login, { id: login, rev: 1, content: contentOf(loginInput(), T0) }],
      [note, { id: note, rev: 1, content: contentOf(noteInput(), T0) }],
    ]));
    expect(quarantined).toEqual([broken]);
  });

  it('an empty vault gives nothing', async () => {
    const { db, vault } = await syntheticVault();
    expect(await openLiveItems(db, vault)).toEqual({ items: [], quarantined: [] });
  });
});

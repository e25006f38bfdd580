/** recordAuditEvent: one event appended to the chain, at the injected time, with no item change. */
import { describe, expect, it } from 'vitest';
import { createItem } from '../../../lib/vault/items/create-item';
import { readAuditLog } from '../../../lib/vault/records/read-audit-log';
import { recordAuditEvent } from '../../../lib/vault/records/record-audit-event';
import { loginInput, syntheticVault, T0 } from '../fixtures';

describe('recordAuditEvent', () => {
  it('appends the event after the last one, chained, at `now`', async () => {
    const { db, vault } = await syntheticVault();
    const id = await createItem(db, vault, loginInput({ title: 'Shown' }), T0);
    await recordAuditEvent(db, vault, { type: 'password-revealed', itemId: id, itemTitle: 'Shown' }, T0 + 5);
    await recordAuditEvent(db, vault, { type: 'vault-locked' }, T0 + 6);
    const { events, chainValid } = await readAuditLog(db, vault);
    expect(chainValid).toBe(true);
    expect(events.map(({ seq, at, type }) => ({ seq, at, type }))).toEqual([
      { seq: 1, at: T0, type: 'item-created' },
      { seq: 2, at: T0 + 5, type: 'password-revealed' },
      { seq: 3, at: T0 + 6, type: 'vault-locked' },
    ]);
    expect(events[1]).toMatchObject({ itemId: id, itemTitle: 'Shown' });
  });

  it('changes no item and leaves the sealed manifest as it was', async () => {
    const { db, vault } = await syntheticVault();
    await createItem(db, vault, loginInput(), T0);
    const before = { items: await db.items.toArray(), header: await db.header.get('vault') };
    await recordAuditEvent(db, vault, { type: 'audit-exported' }, T0 + 1);
    expect(await db.items.toArray()).toEqual(before.items);
    const { auditHead: _moved, ...header } = (await db.header.get('vault'))!;
    const { auditHead: _before, ...headerBefore } = before.header!;
    expect(header).toEqual(headerBefore);
  });
});

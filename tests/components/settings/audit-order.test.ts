/** Issue 17: the audit log in event order, late receipts listed at their own time and marked. */
import { describe, expect, it } from 'vitest';
import { orderAuditEvents } from '../../../components/settings/audit-order';
import type { AuditEvent } from '../../../lib/vault/model/audit-event';

const event = (seq: number, at: number, type: AuditEvent['type']): AuditEvent => ({ seq, at, type, hash: `h${seq}` });

describe('orderAuditEvents', () => {
  it('a receipt recorded after the revoke but reporting an earlier time is listed before the revoke, marked late', () => {
    const ordered = orderAuditEvents([event(1, 100, 'share-created'), event(2, 300, 'share-revoked'), event(3, 200, 'share-opened')]);
    expect(ordered.map((o) => [o.event.type, o.late])).toEqual([
      ['share-revoked', false],
      ['share-opened', true],
      ['share-created', false],
    ]);
  });

  it('in-order events are never late; equal times keep the chain order (newest first)', () => {
    const ordered = orderAuditEvents([event(2, 100, 'vault-locked'), event(1, 100, 'vault-unlocked'), event(3, 150, 'item-created')]);
    expect(ordered.map((o) => [o.event.seq, o.late])).toEqual([
      [3, false],
      [2, false],
      [1, false],
    ]);
  });

  it('failed unlocks written at the next unlock are late; an empty log stays empty', () => {
    const ordered = orderAuditEvents([event(1, 500, 'vault-unlocked'), event(2, 400, 'unlock-failed'), event(3, 450, 'unlock-failed')]);
    expect(ordered.map((o) => [o.event.seq, o.late])).toEqual([
      [1, false],
      [3, true],
      [2, true],
    ]);
    expect(orderAuditEvents([])).toEqual([]);
  });
});

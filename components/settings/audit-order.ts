/**
 * The audit log in event order (issue 17): events are appended as they are recorded, but some carry the
 * time they happened rather than the time they were written (a receipt that arrives after a revoke, failed
 * unlocks written at the next unlock). Shown by their own time, newest first; one written after an event
 * that happened later is marked late, so the order of the chain and the order of the times both stay visible.
 */
import type { AuditEvent } from '../../lib/vault/model/audit-event';

/** An event to show, and whether it was recorded after something that happened later. */
export interface OrderedAuditEvent {
  event: AuditEvent;
  late: boolean;
}

/**
 * @param events - in chain order (any order is accepted: sorted by `seq` first)
 * @returns newest first by `at` (ms since epoch), ties by `seq`; O(n log n)
 * @example orderAuditEvents([{seq: 1, at: 20}, {seq: 2, at: 10}]) // [{seq 1, late: false}, {seq 2, late: true}]
 */
export function orderAuditEvents(events: readonly AuditEvent[]): OrderedAuditEvent[] {
  const bySeq = [...events].sort((a, b) => a.seq - b.seq);
  let latest = -Infinity;
  const marked = bySeq.map((event) => {
    const late = event.at < latest;
    latest = Math.max(latest, event.at);
    return { event, late };
  });
  return marked.sort((a, b) => b.event.at - a.event.at || b.event.seq - a.event.seq);
}

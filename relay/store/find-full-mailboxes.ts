/** The mailbox-size rule both stores apply inside their post transaction. */
import type { EnvelopeToStore, MailboxLimits } from './relay-store';

/** What a mailbox already holds (unexpired envelopes only). */
export interface MailboxUsage {
  count: number;
  bytes: number;
}

/**
 * Recipients whose mailbox would go over a limit if the batch were stored.
 * @param usage - current unexpired usage per recipient; a recipient absent from the map holds nothing
 * @returns recipients in first-seen order, empty when the batch fits
 */
export function findFullMailboxes(batch: readonly EnvelopeToStore[], usage: ReadonlyMap<string, MailboxUsage>, limits: MailboxLimits): string[] {
  const after = new Map<string, MailboxUsage>();
  for (const item of batch) {
    const current = after.get(item.recipient) ?? usage.get(item.recipient) ?? { count: 0, bytes: 0 };
    after.set(item.recipient, { count: current.count + 1, bytes: current.bytes + item.size });
  }
  return [...after].filter(([, total]) => total.count > limits.maxEnvelopes || total.bytes > limits.maxBytes).map(([recipient]) => recipient);
}

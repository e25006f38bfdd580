/**
 * Sends the outbox in order while the relay answers (offline first). An operation leaves the outbox when
 * the relay took it or refused it for good; the first "try again later" (offline, 5xx, 429) stops the run
 * with everything after it kept. A revoke is the exception to "refused for good": it is never dropped
 * (T04). The refusal is kept with it for the access panel, it is tried again at every sync, and later
 * operations of the same share wait behind it while the rest goes out. A batch refused because some
 * recipient is not registered goes out again one recipient at a time (the relay does not say which, T07),
 * so one bad address does not hold back the rest. Nothing the relay answers changes any other state here. Run it under withSharingLock.
 */
import type { OutboxRecord, VaultDb } from '../../db/vault-db';
import { RelayError } from '../../relay-protocol/relay-error';
import type { RelayClient } from '../../relay-protocol/relay-client';
import type { NewEnvelope } from '../../relay-protocol/envelope-schemas';
import type { UnlockedVault } from '../../vault/keys/unlocked-vault';
import { openOutboxOp, sealOutboxOp, type OutboxOp } from '../store/outbox-op';
import { commitSharing } from '../store/commit-sharing';
import { relayProblemText } from '../profile/relay-problem-text';

/** How one run went. */
export interface FlushReport {
  /** Operations the relay took. */
  sent: number;
  /** Operations left for later. */
  remaining: number;
  /** True when this run registered the identity. */
  registered: boolean;
  /** Why the run stopped or dropped something, in words safe to show; null when all went well. */
  error: string | null;
}

/**
 * @param registered - whether the identity is registered; until it is, nothing but the registration goes out
 * @param now - ms since epoch (for audit times of the commit)
 */
export async function flushOutbox(db: VaultDb, vault: UnlockedVault, relay: RelayClient, registered: boolean, now: number): Promise<FlushReport> {
  const report: FlushReport = { sent: 0, remaining: 0, registered: false, error: null };
  const stored = await db.outbox.orderBy('seq').toArray();
  // Nothing but a registration can go out before one succeeded, wherever it sits (a relay move appends one).
  const records = registered ? stored : [...stored.filter((r) => isRegistration(vault, r)), ...stored.filter((r) => !isRegistration(vault, r))];
  let isRegistered = registered;
  // Shares whose revoke the relay refused: what follows for them waits, so the relay-side revoke still
  // goes before the revoke envelope it would otherwise drop.
  const held = new Set<string>();
  for (const [index, record] of records.entries()) {
    let op: OutboxOp;
    try {
      op = openOutboxOp(vault, record);
    } catch {
      await commitSharing(db, vault, { removeOutbox: [record.seq] }, now);
      report.error = 'A damaged operation was removed from the outbox.';
      continue;
    }
    if (!isRegistered && op.kind !== 'register') {
      report.remaining += records.length - index;
      break;
    }
    if (sharesOf(op).some((id) => held.has(id))) {
      report.remaining++;
      continue;
    }
    const outcome = await attempt(relay, op);
    if (outcome.kind === 'later') {
      report.error = outcome.message;
      report.remaining += records.length - index;
      break;
    }
    if (outcome.kind !== 'sent' && isRevoke(op)) {
      // A revoke is never dropped (T04): it stays with why, shown in the access panel, and is tried again at every sync.
      const message = `A revoke was not delivered: ${outcome.reason}. It stays pending and is tried again at every sync.`;
      await db.outbox.put(sealOutboxOp(vault, record.seq, { ...op, refused: { message, at: now } }));
      for (const id of sharesOf(op)) held.add(id);
      report.error = message;
      report.remaining++;
      continue;
    }
    if (outcome.kind === 'unknown-recipient' && op.kind === 'post') {
      report.error = outcome.message;
      // The relay does not say who is unknown (T07): each recipient's envelopes go again on their own.
      const groups = [...new Set(op.envelopes.map((e) => e.to))].map((to) => op.envelopes.filter((e) => e.to === to));
      const waiting: NewEnvelope[] = [];
      for (const group of groups.length > 1 ? groups : []) {
        const retry = waiting.length > 0 ? null : await attempt(relay, { kind: 'post', envelopes: group });
        if (retry === null || retry.kind === 'later') waiting.push(...group);
        else if (retry.kind === 'sent') report.sent++;
      }
      if (waiting.length > 0) {
        await db.outbox.put(sealOutboxOp(vault, record.seq, { kind: 'post', envelopes: waiting }));
        report.remaining += records.length - index;
        break;
      }
      await commitSharing(db, vault, { removeOutbox: [record.seq] }, now);
      continue;
    }
    await commitSharing(db, vault, { removeOutbox: [record.seq] }, now);
    if (outcome.kind === 'sent') {
      report.sent++;
      if (op.kind === 'register') {
        isRegistered = true;
        report.registered = true;
      }
    } else {
      report.error = outcome.message;
      // A registration refused for good (the handle is taken): nothing else can go out as this identity.
      if (op.kind === 'register') {
        report.remaining += records.length - index - 1;
        break;
      }
    }
  }
  return report;
}

/** The relay-side revoke and the revoke envelopes (revoke-grants marks their post). */
function isRevoke(op: OutboxOp): op is Exclude<OutboxOp, { kind: 'register' }> {
  return op.kind === 'revoke' || (op.kind === 'post' && op.revoke === true);
}

/** The share ids an operation is about (for receipts and proposals, the reply's relay id). */
function sharesOf(op: OutboxOp): string[] {
  if (op.kind === 'revoke') return [op.shareId];
  return op.kind === 'post' ? op.envelopes.map((e) => e.shareId) : [];
}

function isRegistration(vault: UnlockedVault, record: OutboxRecord): boolean {
  try {
    return openOutboxOp(vault, record).kind === 'register';
  } catch {
    return false;
  }
}

/** How one call went; `reason` is the refusal in words safe to show, for a revoke kept pending. */
type Attempt =
  | { kind: 'sent' }
  | { kind: 'later'; message: string }
  | { kind: 'dropped'; message: string; reason: string }
  | { kind: 'unknown-recipient'; message: string; reason: string };

async function attempt(relay: RelayClient, op: OutboxOp): Promise<Attempt> {
  try {
    if (op.kind === 'register') await relay.register(op.bundle);
    else if (op.kind === 'post') await relay.post(op.envelopes);
    else await relay.revoke(op.shareId, op.recipients);
    return { kind: 'sent' };
  } catch (error) {
    if (!(error instanceof RelayError)) throw error;
    // invalid-response: a relay that answers nonsense may answer properly later; keep the operation.
    if (error.retryable || error.kind === 'invalid-response') return { kind: 'later', message: `${relayProblemText(error)}; pending operations will go out later.` };
    const code = error.details.code;
    const reason = relayProblemText(error);
    if (code === 'handle-taken') return { kind: 'dropped', message: 'This handle is already taken on the relay. Choose another one in Settings → Sharing.', reason };
    if (code === 'unknown-recipient') return { kind: 'unknown-recipient', message: 'Some recipients are not registered on this relay; nothing was sent to them.', reason };
    return { kind: 'dropped', message: `${reason}; that operation was dropped.`, reason };
  }
}

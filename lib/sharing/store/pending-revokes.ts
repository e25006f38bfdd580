/**
 * Revokes still in the outbox, per share id, with the relay's last refusal if there was one: until both
 * the relay-side revoke and the revoke envelope went out, the owner's panel says so (T04).
 */
import type { VaultDb } from '../../db/vault-db';
import type { UnlockedVault } from '../../vault/keys/unlocked-vault';
import { openOutboxOp } from './outbox-op';

/** A revoke that has not gone out; `refused` is why the relay last refused it, in words safe to show. */
export interface PendingRevoke {
  refused: string | null;
}

/**
 * Opens every outbox operation once (the outbox holds a few dozen at most); damaged ones are skipped
 * here and removed by the next flush.
 * @returns share id → its pending revoke
 */
export async function pendingRevokes(db: VaultDb, vault: UnlockedVault): Promise<Map<string, PendingRevoke>> {
  const pending = new Map<string, PendingRevoke>();
  for (const record of await db.outbox.orderBy('seq').toArray()) {
    let op;
    try {
      op = openOutboxOp(vault, record);
    } catch {
      continue;
    }
    const shareIds = op.kind === 'revoke' ? [op.shareId] : op.kind === 'post' && op.revoke === true ? op.envelopes.map((e) => e.shareId) : [];
    for (const shareId of shareIds) {
      pending.set(shareId, { refused: op.kind === 'register' ? null : (op.refused?.message ?? pending.get(shareId)?.refused ?? null) });
    }
  }
  return pending;
}

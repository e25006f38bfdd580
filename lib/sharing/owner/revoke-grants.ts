/**
 * The owner ends access, per person or for everyone: each live grant becomes revoked at the next version,
 * and the outbox gets, in this order, a relay-side revoke (drops undelivered offers and updates) and the
 * signed revoke envelope that deletes the recipient's copy on its next sync. Revoking is never blocked,
 * not even by a changed contact key (lib/sharing/revoke-share), and both operations stay in the outbox
 * until the relay takes them (flush-outbox; the access panel shows them pending, T04). A grant is to a key,
 * not a name: one given to keys the contact no longer has (re-pinned since, T01) is revoked too, relay-side
 * only, since those keys are not kept and a revoke sealed to the new ones would say nothing to whoever holds
 * the old. Run it under withSharingLock.
 */
import type { VaultDb } from '../../db/vault-db';
import { VaultError } from '../../vault/model/vault-error';
import type { Identity } from '../identity/identity';
import { grantIsFor } from '../grants/grant-is-for';
import { revokeShare } from '../grants/revoke-share';
import type { AuditPayload } from '../../vault/records/audit-chain';
import type { UnlockedVault } from '../../vault/keys/unlocked-vault';
import { commitSharing } from '../store/commit-sharing';
import { getContact, loadGrants } from '../store/sharing-records';
import type { OutboxOp } from '../store/outbox-op';
import type { StoredGrant } from '../store/stored-grant';

/**
 * @param itemId - the shared item
 * @param shareIds - the grants to end; every open grant of the item when omitted
 * @param itemTitle - for the audit log
 * @param now - ms since epoch
 * @returns how many grants were revoked
 * @throws VaultError `not-found` when a named share is not one of the item's; `corrupted` when a named
 *   share's record is damaged (nothing is revoked then)
 */
export async function revokeGrants(
  db: VaultDb,
  vault: UnlockedVault,
  me: Identity,
  itemId: string,
  shareIds: string[] | undefined,
  itemTitle: string | undefined,
  now: number,
): Promise<number> {
  const { records: grants, damaged } = await loadGrants(db, vault);
  const ofItem = grants.filter((g) => g.grant.itemId === itemId);
  const unknown = shareIds?.filter((id) => !ofItem.some((g) => g.grant.shareId === id)) ?? [];
  if (unknown.some((id) => damaged.includes(id))) throw new VaultError('corrupted', 'The record of that share is damaged and cannot be opened, so it cannot be revoked from here. Your other shares are fine.');
  if (unknown.length > 0) throw new VaultError('not-found', 'That share no longer exists.');
  const chosen = ofItem.filter((g) => (shareIds === undefined || shareIds.includes(g.grant.shareId)) && (g.grant.state === 'pending' || g.grant.state === 'accepted'));
  const revoked: StoredGrant[] = [];
  const outbox: OutboxOp[] = [];
  const audit: Omit<AuditPayload, 'at'>[] = [];
  for (const stored of chosen) {
    const { handle } = stored.grant.recipient;
    const pinned = await getContact(db, vault, stored.contactId);
    // A gone or damaged contact record, or one re-pinned to other keys: no keys to seal a revoke to (below).
    const contact = pinned.state === 'found' && grantIsFor(stored.grant, pinned.record.contact) ? pinned.record.contact : undefined;
    outbox.push({ kind: 'revoke', shareId: stored.grant.shareId, recipients: [handle] });
    if (contact) {
      const made = revokeShare(me, contact, stored.grant, now);
      revoked.push({ ...stored, grant: made.grant });
      outbox.push({ kind: 'post', envelopes: [{ to: handle, shareId: made.grant.shareId, envelope: made.envelope }], revoke: true });
    } else {
      // Without the pinned keys no revoke can be sealed; the relay still drops what is undelivered.
      revoked.push({ ...stored, grant: { ...stored.grant, state: 'revoked', endedAt: now } });
    }
    audit.push({ type: 'share-revoked', itemId, ...(itemTitle === undefined ? {} : { itemTitle }), party: handle });
  }
  if (revoked.length > 0) await commitSharing(db, vault, { grants: revoked, outbox, audit }, now);
  return revoked.length;
}

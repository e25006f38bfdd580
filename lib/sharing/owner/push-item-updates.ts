/**
 * Owner edits reach every recipient: for each live grant whose item's shared fields changed since the
 * last offer or update, a share-update at the next version goes into the outbox. Contacts whose key
 * changed get nothing until re-verified (T01); their grants stay as they are and are reported. A grant
 * given to keys the contact no longer has (re-pinned since) gets nothing either: it is to those keys, and
 * the access panel offers to revoke it and share again to the verified ones. Run it under withSharingLock.
 */
import type { VaultDb } from '../../db/vault-db';
import type { NewEnvelope } from '../../relay-protocol/envelope-schemas';
import { grantIsLive } from '../grants/grant';
import { grantIsFor } from '../grants/grant-is-for';
import type { Identity } from '../identity/identity';
import { ShareBlockedError } from '../grants/share-blocked-error';
import { updateShare } from '../grants/update-share';
import type { AuditPayload } from '../../vault/records/audit-chain';
import { getItem } from '../../vault/items/get-item';
import type { Item } from '../../vault/model/item-schema';
import type { UnlockedVault } from '../../vault/keys/unlocked-vault';
import { commitSharing } from '../store/commit-sharing';
import { getContact, loadGrants } from '../store/sharing-records';
import { shareableContent } from '../../vault/model/item-fields';
import { shareableDigest } from './shareable-digest';
import type { StoredGrant } from '../store/stored-grant';

/**
 * @param me - the opened identity (the caller wipes it)
 * @param now - ms since epoch
 * @returns how many updates were queued, and how many are held back by a changed or re-pinned contact key
 */
export async function pushItemUpdates(db: VaultDb, vault: UnlockedVault, me: Identity, now: number): Promise<{ queued: number; held: number }> {
  // A damaged grant gets no update (the sync counts it for the user); the others go out as usual.
  const { records: grants } = await loadGrants(db, vault);
  const items = new Map<string, Item | null>();
  const itemOf = async (id: string) => {
    if (!items.has(id)) items.set(id, await getItem(db, vault, id).catch(() => null));
    return items.get(id) ?? null;
  };
  const updated: StoredGrant[] = [];
  const envelopes: NewEnvelope[] = [];
  const audit: Omit<AuditPayload, 'at'>[] = [];
  let held = 0;
  for (const stored of grants) {
    if (!grantIsLive(stored.grant, now)) continue;
    // A deleted or damaged item sends nothing; restoring it resumes the updates.
    const item = await itemOf(stored.grant.itemId);
    if (!item) continue;
    const digest = shareableDigest(item.content);
    if (digest === stored.sentDigest) continue;
    const pinned = await getContact(db, vault, stored.contactId);
    if (pinned.state !== 'found') continue;
    const { contact } = pinned.record;
    if (!grantIsFor(stored.grant, contact)) {
      held++;
      continue;
    }
    try {
      const made = updateShare(me, contact, stored.grant, shareableContent(item.content), now);
      updated.push({ ...stored, grant: made.grant, sentDigest: digest });
      envelopes.push({ to: contact.handle, shareId: made.grant.shareId, envelope: made.envelope, ...(made.grant.until === null ? {} : { expiresAt: made.grant.until }) });
      audit.push({ type: 'share-updated', itemId: stored.grant.itemId, itemTitle: item.content.title, party: contact.handle });
    } catch (error) {
      if (!(error instanceof ShareBlockedError)) throw error;
      held++;
    }
  }
  if (updated.length > 0) {
    await commitSharing(db, vault, { grants: updated, outbox: [{ kind: 'post', envelopes }], audit }, now);
  }
  return { queued: updated.length, held };
}

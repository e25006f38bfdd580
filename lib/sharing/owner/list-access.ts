/**
 * The owner's access panel for one item: every grant with its receipts (as reported by the recipient's
 * client), whether the item changed since the last version sent, whether its revoke is still waiting to
 * go out (and why, when the relay refused it), and the rotation notices: a login whose
 * password someone could read until their access ended, and which has not changed since. Grant records
 * that do not open are counted (S8): which item they were for is sealed inside them, so the panel of any
 * item may be missing someone.
 */
import type { VaultDb } from '../../db/vault-db';
import { passwordSetAt } from '../../vault/model/password-set-at';
import type { ItemContent } from '../../vault/model/item-schema';
import type { UnlockedVault } from '../../vault/keys/unlocked-vault';
import type { Contact } from '../contacts/contact';
import { grantIsFor } from '../grants/grant-is-for';
import { pendingRevokes } from '../store/pending-revokes';
import { getContact, loadGrants } from '../store/sharing-records';
import { shareableDigest } from './shareable-digest';

/**
 * @param content - the item's current content (null when it cannot be opened: no notices then)
 * @returns entries oldest first (then by handle), notices for revoked or expired access to a password not
 *   changed since, and how many grant records of the whole vault did not open
 */
export async function listAccess(db: VaultDb, vault: UnlockedVault, itemId: string, content: ItemContent | null) {
  const { records: grants, damaged } = await loadGrants(db, vault);
  const digest = content === null ? null : shareableDigest(content);
  const ofItem = grants.filter((g) => g.grant.itemId === itemId).sort((a, b) => a.grant.since - b.grant.since || a.grant.recipient.handle.localeCompare(b.grant.recipient.handle));
  // One read per person with access; a contact record gone or damaged shows as unknown.
  const contacts = new Map<string, Contact | null>();
  for (const { contactId } of ofItem) {
    if (contacts.has(contactId)) continue;
    const pinned = await getContact(db, vault, contactId);
    contacts.set(contactId, pinned.state === 'found' ? pinned.record.contact : null);
  }
  const revokes = await pendingRevokes(db, vault);
  const entries = ofItem.map(({ grant, contactId, sentDigest, missing }) => {
    const contact = contacts.get(contactId) ?? null;
    return {
      shareId: grant.shareId,
      contactId,
      handle: grant.recipient.handle,
      contactState: contact?.state ?? ('unknown' as const),
      // A grant is to a key: after a re-pin (T01) this one is to keys the contact no longer has.
      keyReplaced: contact !== null && !grantIsFor(grant, contact),
      permission: grant.permission,
      since: grant.since,
      until: grant.until,
      state: grant.state,
      deliveredAt: grant.deliveredAt,
      acceptedAt: grant.acceptedAt,
      lastOpenedAt: grant.lastOpenedAt,
      endedAt: grant.endedAt,
      updatePending: (grant.state === 'pending' || grant.state === 'accepted') && digest !== null && digest !== sentDigest,
      // A revoke still in the outbox is not "revoked" yet for the other side (T04).
      revokePending: revokes.has(grant.shareId),
      revokeError: revokes.get(grant.shareId)?.refused ?? null,
      missing,
    };
  });
  const setAt = content?.type === 'login' && content.password !== '' ? passwordSetAt(content) : null;
  const rotate = ofItem
    .filter(({ grant, rotateDismissed }) => setAt !== null && !rotateDismissed && (grant.state === 'revoked' || grant.state === 'expired') && grant.endedAt !== null && grant.endedAt > setAt)
    .map(({ grant }) => ({ shareId: grant.shareId, handle: grant.recipient.handle, from: grant.since, to: grant.endedAt ?? grant.since }));
  return { entries, rotate, damaged: damaged.length };
}

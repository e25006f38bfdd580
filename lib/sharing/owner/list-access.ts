/**
 * The owner's access panel for one item: every grant with its receipts (as reported by the recipient's
 * client), whether the item changed since the last version sent, and the rotation notices: a login whose
 * password someone could read until their access ended, and which has not changed since.
 */
import type { VaultDb } from '../../db/vault-db';
import { passwordSetAt } from '../../health/password-set-at';
import type { ItemContent } from '../../vault/model/item-schema';
import type { UnlockedVault } from '../../vault/keys/unlocked-vault';
import { loadContacts } from '../store/load-contacts';
import { loadGrants } from '../store/load-grants';
import { shareableDigest } from './shareable-content';

/**
 * @param content - the item's current content (null when it cannot be opened: no notices then)
 * @returns entries oldest first (then by handle), and notices for revoked or expired access to a password not changed since
 */
export async function listAccess(db: VaultDb, vault: UnlockedVault, itemId: string, content: ItemContent | null) {
  const { grants } = await loadGrants(db, vault);
  const { contacts } = await loadContacts(db, vault);
  const digest = content === null ? null : shareableDigest(content);
  const ofItem = [...grants.values()].filter((g) => g.grant.itemId === itemId).sort((a, b) => a.grant.since - b.grant.since || a.grant.recipient.handle.localeCompare(b.grant.recipient.handle));
  const entries = ofItem.map(({ grant, contactId, sentDigest, missing }) => ({
    shareId: grant.shareId,
    handle: grant.recipient.handle,
    contactState: contacts.find((c) => c.id === contactId)?.contact.state ?? ('unknown' as const),
    permission: grant.permission,
    since: grant.since,
    until: grant.until,
    state: grant.state,
    deliveredAt: grant.deliveredAt,
    acceptedAt: grant.acceptedAt,
    lastOpenedAt: grant.lastOpenedAt,
    endedAt: grant.endedAt,
    updatePending: (grant.state === 'pending' || grant.state === 'accepted') && digest !== null && digest !== sentDigest,
    missing,
  }));
  const setAt = content?.type === 'login' && content.password !== '' ? passwordSetAt(content) : null;
  const rotate = ofItem
    .filter(({ grant, rotateDismissed }) => setAt !== null && !rotateDismissed && (grant.state === 'revoked' || grant.state === 'expired') && grant.endedAt !== null && grant.endedAt > setAt)
    .map(({ grant }) => ({ shareId: grant.shareId, handle: grant.recipient.handle, from: grant.since, to: grant.endedAt ?? grant.since }));
  return { entries, rotate };
}

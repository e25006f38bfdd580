/**
 * The owner shares one item with one or more contacts: a grant and a signed, sealed offer per person,
 * stored in one transaction with the outbox batch that carries the offers and an audit event each.
 * Sharing again with someone who already has live access changes their permission and expiry instead.
 * Every recipient is checked before anything is sealed: one blocked contact stops the whole share (T01).
 * A live grant to keys the contact no longer has (re-pinned since, T01) is revoked in the same commit and
 * the item offered afresh to the verified keys: the "share again" of the access panel.
 * Run it under withSharingLock.
 */
import type { VaultDb } from '../../db/vault-db';
import { VaultError } from '../../vault/model/vault-error';
import type { NewEnvelope } from '../../relay-protocol/envelope-schemas';
import { checkShareTarget } from '../contacts/check-share-target';
import type { Permission } from '../../vault/model/share-permission';
import { grantIsLive, type Grant } from '../grants/grant';
import { grantIsFor } from '../grants/grant-is-for';
import { offerShare } from '../grants/offer-share';
import { ShareBlockedError } from '../grants/share-blocked-error';
import { updateShare } from '../grants/update-share';
import { getItem } from '../../vault/items/get-item';
import type { UnlockedVault } from '../../vault/keys/unlocked-vault';
import type { AuditPayload } from '../../vault/records/audit-chain';
import { commitSharing } from '../store/commit-sharing';
import type { OutboxOp } from '../store/outbox-op';
import { requireRecord } from '../store/load-sealed-records';
import { getContact, loadGrants } from '../store/sharing-records';
import { withIdentity } from '../store/read-identity';
import { shareableContent } from '../../vault/model/item-fields';
import { shareableDigest } from './shareable-digest';
import type { StoredContact } from '../store/stored-contact';
import type { StoredGrant } from '../store/stored-grant';

export interface ShareItemInput {
  itemId: string;
  /** Local contact ids; at least one. */
  contactIds: string[];
  permission: Permission;
  /** When the recipients' copies are deleted (ms since epoch), within 90 days; null for never. */
  expiresAt: number | null;
  /** The user confirmed sharing with contacts whose keys are not verified yet. */
  confirmedUnverified: boolean;
}

/**
 * @returns one share id per contact, in input order
 * @throws VaultError `not-found` (item or contact), `corrupted` (a contact's record is damaged),
 *   `forbidden` (a changed key, or an unverified one without confirmation), `invalid-request` (expiry out
 *   of range)
 */
export async function shareItem(db: VaultDb, vault: UnlockedVault, input: ShareItemInput, now: number): Promise<string[]> {
  const { content } = await getItem(db, vault, input.itemId);
  const item = shareableContent(content);
  const digest = shareableDigest(content);
  // A damaged grant is not seen here: sharing again with its person makes a new share rather than an update.
  const { records: grants } = await loadGrants(db, vault);
  const targets: StoredContact[] = [];
  for (const id of new Set(input.contactIds)) {
    const stored = requireRecord(await getContact(db, vault, id), {
      absent: 'That contact no longer exists.',
      damaged: 'The record of one of these contacts is damaged and cannot be opened. Nothing was shared; your other contacts are fine.',
    });
    const check = checkShareTarget(stored.contact);
    if (check === 'blocked') throw new VaultError('forbidden', `The key of ${stored.contact.handle} changed. Compare safety numbers and verify it again before sharing.`);
    if (check === 'confirm' && !input.confirmedUnverified) throw new VaultError('forbidden', `${stored.contact.handle} is not verified. Confirm that you want to share anyway.`);
    targets.push(stored);
  }

  return withIdentity(db, vault, async ({ identity }) => {
    const stored: StoredGrant[] = [];
    const revoked: StoredGrant[] = [];
    const revokes: OutboxOp[] = [];
    const envelopes: NewEnvelope[] = [];
    const audit: Omit<AuditPayload, 'at'>[] = [];
    for (const { id: contactId, contact } of targets) {
      const open = grants.filter((g) => g.contactId === contactId && g.grant.itemId === input.itemId && grantIsLive(g.grant, now));
      const live = open.find((g) => grantIsFor(g.grant, contact));
      for (const old of open.filter((g) => g !== live)) {
        revoked.push({ ...old, grant: { ...old.grant, state: 'revoked', endedAt: now } });
        revokes.push({ kind: 'revoke', shareId: old.grant.shareId, recipients: [old.grant.recipient.handle] });
        audit.push({ type: 'share-revoked', itemId: input.itemId, itemTitle: content.title, party: old.grant.recipient.handle });
      }
      let made: { grant: Grant; envelope: string };
      try {
        made = live
          ? updateShare(identity, contact, live.grant, item, now, { permission: input.permission, until: input.expiresAt })
          : offerShare({ me: identity, contact, itemId: input.itemId, item, permission: input.permission, expiresAt: input.expiresAt, now, confirmedUnverified: input.confirmedUnverified });
      } catch (error) {
        if (error instanceof ShareBlockedError) throw new VaultError('forbidden', 'A contact is blocked: verify their key first.');
        if (error instanceof RangeError) throw new VaultError('invalid-request', 'Choose an expiry after now and at most 90 days away.');
        throw error;
      }
      stored.push({ grant: made.grant, contactId, sentDigest: digest, missing: live?.missing ?? null, rotateDismissed: false });
      envelopes.push({ to: contact.handle, shareId: made.grant.shareId, envelope: made.envelope, ...(made.grant.until === null ? {} : { expiresAt: made.grant.until }) });
      audit.push({ type: live ? 'share-updated' : 'share-created', itemId: input.itemId, itemTitle: content.title, party: contact.handle });
    }
    await commitSharing(db, vault, { grants: [...revoked, ...stored], outbox: [...revokes, { kind: 'post', envelopes }], audit }, now);
    return stored.map((s) => s.grant.shareId);
  });
}

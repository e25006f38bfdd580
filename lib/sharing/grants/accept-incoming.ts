/**
 * What an opened envelope may change, given what this vault already knows (pure; the caller stores the
 * result). The rules that stand against a lying relay (S6):
 * - a contact whose key changed is blocked until re-verified (T01), except for a revoke signed with the
 *   pinned key;
 * - offers, updates and revokes only from the share's owner, receipts, declines and edit proposals only
 *   from its recipient; the item id under a share id never changes (T03);
 * - sequence numbers only move forward: equal or older is refused, a jump is reported as missing (T04);
 * - an expired share is dropped; an edit proposal is applied only under a live grant with "edit" and on
 *   the version it was made from.
 */
import type { ItemContent } from '../../vault/model/item-schema';
import type { Contact } from '../contacts/contact';
import type { OpenedEnvelope } from '../envelope/envelope-schema';
import { grantIsLive, type Grant, type ReceivedShare } from './grant';

/** Sequence numbers that never arrived (inclusive): withheld or lost updates the user should know about. */
export interface MissingVersions {
  from: number;
  to: number;
}

/** Why an envelope changes nothing. */
export type RefuseReason =
  | 'contact-changed'
  | 'wrong-contact'
  | 'stale-version'
  | 'not-owner'
  | 'not-recipient'
  | 'item-mismatch'
  | 'expired'
  | 'unknown-share'
  | 'share-closed'
  | 'not-permitted'
  | 'stale-base';

/** The decision; every variant but `refuse` carries the complete new state to store. */
export type IncomingDecision =
  | { action: 'store-offer'; share: ReceivedShare; missing: MissingVersions | null }
  | { action: 'apply-update'; share: ReceivedShare; missing: MissingVersions | null }
  | { action: 'delete-copy'; shareId: string; itemId: string; because: 'revoked' | 'expired'; missing: MissingVersions | null }
  | { action: 'apply-edit'; grant: Grant; item: ItemContent; baseVersion: number }
  | { action: 'update-grant'; grant: Grant }
  | { action: 'refuse'; reason: RefuseReason };

/** What this vault holds for the envelope's share id. */
export interface LocalShareState {
  /** The pinned contact the envelope was opened with (openEnvelope checked it is the header's sender). */
  contact: Contact;
  /** My copy, when I received this share. */
  received?: ReceivedShare;
  /** My grant, when I own this share (the one for this share id). */
  grant?: Grant;
  /** ms since epoch. */
  now: number;
}

const refuse = (reason: RefuseReason): IncomingDecision => ({ action: 'refuse', reason });

function gap(last: number, next: number): MissingVersions | null {
  return next > last + 1 ? { from: last + 1, to: next - 1 } : null;
}

/**
 * @param envelope - the output of openEnvelope
 * @param local - the contact it came from and this vault's state for its share id
 * @returns what to store, or why nothing changes
 */
export function acceptIncoming(envelope: OpenedEnvelope, local: LocalShareState): IncomingDecision {
  const { header, body } = envelope;
  const { contact, received, grant, now } = local;
  // A revoke signed with the pinned key still counts: giving up access is always safe to honour, and a relay
  // that shows other keys for the owner must not be able to keep a revoked copy alive that way.
  if (contact.state === 'changed' && body.kind !== 'share-revoke') return refuse('contact-changed');
  if (header.sender.handle !== contact.handle || header.sender.fingerprint !== contact.fingerprint) return refuse('wrong-contact');
  const fromContact = (party: { handle: string; fingerprint: string }) => party.handle === contact.handle && party.fingerprint === contact.fingerprint;

  switch (body.kind) {
    // A shared folder's key (issue 13) is lib/folders' to judge, routed there by the composition root; as a
    // share it names none.
    case 'folder-key':
      return refuse('unknown-share');
    case 'share-offer':
    case 'share-update':
    case 'share-revoke': {
      // Someone else may not speak as the owner of a share I own.
      if (grant) return refuse('not-owner');
      if (!received) {
        if (body.kind === 'share-revoke') return refuse('unknown-share');
        if (body.expiresAt !== null && body.expiresAt <= now) return refuse('expired');
        // An update whose offer was withheld carries the whole item, so it stands in for the offer.
        return {
          action: 'store-offer',
          share: {
            shareId: header.shareId,
            itemId: header.itemId,
            owner: { handle: header.sender.handle, fingerprint: header.sender.fingerprint },
            permission: body.permission,
            expiresAt: body.expiresAt,
            state: 'pending',
            version: header.version,
            myVersion: 0,
            item: body.item,
            receivedAt: now,
          },
          missing: gap(0, header.version),
        };
      }
      if (!fromContact(received.owner)) return refuse('not-owner');
      if (header.itemId !== received.itemId) return refuse('item-mismatch');
      const dropped = { shareId: received.shareId, itemId: received.itemId };
      if (received.expiresAt !== null && received.expiresAt <= now) return { action: 'delete-copy', ...dropped, because: 'expired', missing: null };
      if (header.version <= received.version) return refuse('stale-version');
      const missing = gap(received.version, header.version);
      if (body.kind === 'share-revoke') return { action: 'delete-copy', ...dropped, because: 'revoked', missing };
      if (received.state === 'declined') return refuse('share-closed');
      if (body.expiresAt !== null && body.expiresAt <= now) return { action: 'delete-copy', ...dropped, because: 'expired', missing };
      return {
        action: 'apply-update',
        share: { ...received, permission: body.permission, expiresAt: body.expiresAt, version: header.version, item: body.item },
        missing,
      };
    }
    case 'receipt':
    case 'share-decline':
    case 'edit-proposal': {
      if (!grant) return refuse('unknown-share');
      if (!fromContact(grant.recipient)) return refuse('not-recipient');
      if (header.itemId !== grant.itemId) return refuse('item-mismatch');
      if (header.version <= grant.recipientVersion) return refuse('stale-version');
      const seen = { ...grant, recipientVersion: header.version };
      if (body.kind === 'edit-proposal') {
        if (grant.permission !== 'edit' || grant.state !== 'accepted' || !grantIsLive(grant, now)) return refuse('not-permitted');
        if (body.baseVersion !== grant.version) return refuse('stale-base');
        return { action: 'apply-edit', grant: seen, item: body.item, baseVersion: body.baseVersion };
      }
      const event = body.kind === 'share-decline' ? 'declined' : body.event;
      const at = body.kind === 'receipt' ? body.at : header.created;
      const open = grant.state === 'pending' || grant.state === 'accepted';
      switch (event) {
        case 'delivered':
          return { action: 'update-grant', grant: { ...seen, deliveredAt: seen.deliveredAt ?? at } };
        case 'opened':
          return { action: 'update-grant', grant: { ...seen, lastOpenedAt: Math.max(seen.lastOpenedAt ?? 0, at) } };
        case 'accepted':
          return { action: 'update-grant', grant: { ...seen, acceptedAt: seen.acceptedAt ?? at, state: grant.state === 'pending' ? 'accepted' : grant.state } };
        case 'declined':
          return { action: 'update-grant', grant: { ...seen, state: open ? 'declined' : grant.state, endedAt: open ? at : grant.endedAt } };
      }
    }
  }
}

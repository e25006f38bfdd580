/**
 * One envelope from the mailbox, from untrusted bytes to stored state (S6): route by the clear address,
 * open with the PINNED keys of the sender it names, let lib/sharing's acceptIncoming decide, and turn the
 * decision into records, receipts and audit events. Nothing is ever pinned from an envelope: an offer from a
 * handle that is not among the contacts is kept unopened as a request, for the user to accept once they have
 * verified that sender (T02), and anything "from" this vault's own handle is refused outright (T06). Nothing
 * the relay can forge, re-target, splice or replay gets past openEnvelope and acceptIncoming; what is refused
 * is counted for the user, never reported back to the relay (T11). Pure: the caller seals and commits the
 * outcome.
 */
import type { AuditEventType } from '../../vault/model/audit-event';
import type { MailboxEntry } from '../../relay-protocol/envelope-schemas';
import { acceptIncoming } from '../grants/accept-incoming';
import type { Contact } from '../contacts/contact';
import { EnvelopeError } from '../envelope/envelope-error';
import type { Identity } from '../identity/identity';
import { newShareId } from '../envelope/new-share-id';
import { openEnvelope } from '../envelope/open-envelope';
import type { EnvelopeHeader, OpenedEnvelope } from '../envelope/envelope-schema';
import { receivedItemId } from '../store/received-item-id';
import { peekEnvelope } from '../envelope/peek-envelope';
import { readEnvelopeAddress } from '../envelope/read-envelope-address';
import { replyToShare } from '../grants/reply-to-share';
import type { AuditPayload } from '../../vault/records/audit-chain';
import type { ItemContent } from '../../vault/model/item-schema';
import type { OutboxOp } from '../store/outbox-op';
import type { RefusalReason } from '../store/sharing-profile';
import type { StoredContact } from '../store/stored-contact';
import type { StoredGrant } from '../store/stored-grant';
import type { LiveReceived, StoredReceived } from '../store/stored-received';
import type { StoredRequest } from '../store/stored-request';

/** What this vault knows, as loaded for the current sync (the caller refreshes it after each commit). */
export interface IncomingState {
  me: Identity;
  contacts: StoredContact[];
  grants: Map<string, StoredGrant>;
  received: Map<string, StoredReceived>;
  /**
   * Share ids whose grant or received record does not open (S8). An envelope for one is refused: it
   * cannot be checked against the state it would change, and storing it anew would write over the record
   * (a damaged tombstone must not let a replayed offer back in, T04).
   */
  damaged: ReadonlySet<string>;
  /** Titles of my own items, for audit events about my grants. */
  titleOf: (itemId: string) => string | undefined;
}

/** An offer from an unknown sender, to keep unopened (stored-request.ts); the caller gives it an id and a time. */
export type IncomingRequest = Pick<StoredRequest, 'from' | 'shareId' | 'version' | 'envelope'>;

/**
 * What one envelope changes, as plain records for the caller to seal and commit in one transaction: a
 * grant or received copy, outbox operations and audit events; an edit to apply to my item first; a request
 * to keep; or a refusal.
 */
export interface IncomingOutcome {
  grant: StoredGrant | null;
  received: StoredReceived | null;
  outbox: OutboxOp[];
  /** Stamped with the commit's time, unless an event carries its own (a receipt, at the time it reports). */
  audit: (Omit<AuditPayload, 'at'> & { at?: number })[];
  /** An accepted edit proposal: apply `item` to my item `itemId` before committing the rest. */
  edit: { itemId: string; item: ItemContent } | null;
  request: IncomingRequest | null;
  refusal: RefusalReason | null;
  /**
   * A shared folder's key (issue 13), opened and verified as from this pinned contact: not sharing's to
   * decide. The caller hands it to the folder feature through the composition root (SharingHooks).
   */
  folderKey: { envelope: OpenedEnvelope; sender: StoredContact } | null;
}

const NOTHING: IncomingOutcome = { grant: null, received: null, outbox: [], audit: [], edit: null, request: null, refusal: null, folderKey: null };
const refused = (refusal: RefusalReason): IncomingOutcome => ({ ...NOTHING, refusal });

const RECEIPT_EVENTS: Record<'delivered' | 'accepted' | 'declined' | 'opened', AuditEventType> = {
  delivered: 'share-delivered',
  accepted: 'share-accepted',
  declined: 'share-declined',
  opened: 'share-opened',
};

/**
 * @param entry - the mailbox entry (its envelope text is untrusted)
 * @param now - ms since epoch
 */
export function processIncoming(state: IncomingState, entry: Pick<MailboxEntry, 'envelope'>, now: number): IncomingOutcome {
  let address;
  try {
    address = readEnvelopeAddress(entry.envelope).address;
  } catch {
    return refused('malformed');
  }
  // Own data is never sealed to a public key: an envelope "from me" is the relay's (T06), whatever keys it names.
  if (address.sender.handle === state.me.handle) return refused('misaddressed');
  const stored = state.contacts.find((c) => c.contact.handle === address.sender.handle);
  if (!stored) return requestFrom(state, entry.envelope);
  const contact: Contact = stored.contact;
  let opened;
  try {
    opened = openEnvelope(entry.envelope, state.me, contact);
  } catch (error) {
    return refused(error instanceof EnvelopeError ? error.reason : 'unauthentic');
  }
  // The share id is sealed inside (T07): known only once the envelope opened.
  const { header } = opened;
  if (header.kind === 'folder-key') return { ...NOTHING, folderKey: { envelope: opened, sender: stored } };
  if (state.damaged.has(header.shareId)) return refused('damaged-record');
  const live = state.received.get(header.shareId);
  // A tombstone: the share ended here; a replayed or late message cannot bring it back (T04).
  if (live?.status === 'ended') return refused('share-closed');
  const grant = state.grants.get(header.shareId);
  const decision = acceptIncoming(opened, { contact, received: live?.share, grant: grant?.grant, now });

  switch (decision.action) {
    case 'refuse':
      return refused(decision.reason);
    case 'store-offer': {
      const fresh: LiveReceived = { status: 'live', share: decision.share, contactId: stored.id, replyRelayId: newShareId(), openedReceiptAt: null, editSentAt: null, missing: decision.missing };
      const receipt = replyToShare(state.me, contact, fresh.share, { kind: 'receipt', event: 'delivered', at: now }, now);
      return {
        ...NOTHING,
        received: { ...fresh, share: receipt.share },
        outbox: [{ kind: 'post', envelopes: [{ to: contact.handle, shareId: fresh.replyRelayId, envelope: receipt.envelope }] }],
        audit: [{ type: 'share-delivered', itemTitle: decision.share.item.title, party: contact.handle }],
      };
    }
    case 'apply-update': {
      const current = live as LiveReceived;
      const next: LiveReceived = { ...current, share: decision.share, editSentAt: null, missing: decision.missing ?? current.missing };
      return { ...NOTHING, received: next, audit: [{ type: 'share-updated', itemTitle: decision.share.item.title, party: contact.handle }] };
    }
    case 'delete-copy': {
      const current = live as LiveReceived;
      const ended: StoredReceived = { status: 'ended', shareId: decision.shareId, version: Math.max(current.share.version, opened.header.version), endedAt: now, because: decision.because };
      return {
        ...NOTHING,
        received: ended,
        // The received item's id, so the UI can tell the recipient which copy ended and why (issue 17).
        audit: [{ type: decision.because === 'revoked' ? 'share-revoked' : 'share-expired', itemId: receivedItemId(decision.shareId), itemTitle: current.share.item.title, party: contact.handle }],
      };
    }
    case 'update-grant':
    case 'apply-edit': {
      const owned = grant as StoredGrant;
      const next: StoredGrant = { ...owned, grant: decision.grant };
      const body = opened.body;
      const type: AuditEventType = body.kind === 'receipt' ? RECEIPT_EVENTS[body.event] : body.kind === 'share-decline' ? 'share-declined' : 'share-updated';
      const title = state.titleOf(owned.grant.itemId);
      // A receipt is listed at the time the recipient's client reports (issue 17: a receipt that arrives after
      // a revoke belongs before it), kept between the share's start and now: a client's clock may be off.
      const at = body.kind === 'receipt' ? Math.min(now, Math.max(owned.grant.since, body.at)) : undefined;
      return {
        ...NOTHING,
        grant: next,
        audit: [{ type, itemId: owned.grant.itemId, ...(title === undefined ? {} : { itemTitle: title }), party: contact.handle, ...(at === undefined ? {} : { at }) }],
        edit: decision.action === 'apply-edit' ? { itemId: owned.grant.itemId, item: decision.item } : null,
      };
    }
  }
}

/**
 * An envelope from a handle that is not pinned: an offer (or an update standing in for a withheld one) is
 * kept unopened as a request; anything else cannot concern this vault (grants and copies are only ever
 * with pinned contacts) and is refused. Its kind, share id and version are sealed (T07) and read here
 * without a signature check (peek-envelope): they only file the request, which opens for real once the
 * sender is pinned.
 */
function requestFrom(state: IncomingState, envelope: string): IncomingOutcome {
  let header: EnvelopeHeader;
  try {
    header = peekEnvelope(envelope, state.me);
  } catch (error) {
    return refused(error instanceof EnvelopeError ? error.reason : 'unauthentic');
  }
  if (header.kind !== 'share-offer' && header.kind !== 'share-update') return refused('unknown-sender');
  if (state.damaged.has(header.shareId)) return refused('damaged-record');
  const known = state.received.get(header.shareId);
  if (known?.status === 'ended') return refused('share-closed');
  // A share id this vault already holds from a pinned contact, or owns: not this sender's to offer.
  if (known || state.grants.has(header.shareId)) return refused('not-owner');
  return { ...NOTHING, request: { from: header.sender.handle, shareId: header.shareId, version: header.version, envelope } };
}

/**
 * Messages of sharing (issue 4): the sharing identity and its relay, contacts and safety numbers, sharing
 * an item and the access panel, revocation, the inbox, received items, and sync. Keys never travel: the
 * background holds the identity and answers with public values (handles, fingerprints, safety numbers).
 * A received item's secrets reach the UI only as its permission allows (autofill-only: never).
 */
import { z } from 'zod';
import { internal, message, pages } from '../messaging/define-message';
import { itemContentSchema, itemInputSchema, itemSummarySchema } from '../vault/model/item-schema';
import { permissionSchema as permission } from '../vault/model/share-permission';

const empty = z.object({}).strict();
const id = z.string().min(1).max(64);
const time = z.number().int().nonnegative();
const relayUrl = z.string().min(1).max(2_048);
const contactState = z.enum(['unverified', 'verified', 'changed']);
/** A key fingerprint: base64 of 32 bytes (44 characters). */
const fingerprint = z.string().length(44);
const missing = z.object({ from: z.number().int(), to: z.number().int() }).nullable();
/** How many stored records of a list could not be opened and were left out of it (S8); never their ids. */
const damaged = z.number().int().nonnegative();

/** The expiry choices of the share dialog; a date is ms since epoch, within 90 days. */
export const expiryChoiceSchema = z.union([z.enum(['none', '1h', '1d', '7d', '30d']), z.object({ at: time }).strict()]);
export type ExpiryChoice = z.infer<typeof expiryChoiceSchema>;

/** Why the client refused something the relay delivered (lib/sharing-service/sharing-profile). */
const refusal = z.object({ at: time, reason: z.string() });

/** Where a registration stands right after it was tried; `problem` in words safe to show. */
const registrationSchema = z.object({ registered: z.boolean(), problem: z.string().nullable() });

/** A received share that ended (revoked or expired), for the recipient's notice (issue 17). */
export const endedShareSchema = z.object({
  /** The received item's id it had. */
  id,
  title: z.string(),
  /** The owner's handle. */
  by: z.string(),
  reason: z.enum(['revoked', 'expired']),
  at: time,
  /** The audit event's sequence number, to remember which notices were seen. */
  seq: z.number().int().nonnegative(),
});

export const sharingStatusSchema = z.object({
  /** Null until the user sets up sharing. */
  identity: z
    .object({
      handle: z.string(),
      relayUrl: z.string(),
      registered: z.boolean(),
      /** My half of every safety number, as 6 groups of 5 digits (it appears in each contact's number). */
      ownCode: z.string(),
      /** `sealpass:contact:v1:…`, to paste into a colleague's Contacts. */
      contactCode: z.string(),
      /** The invite link (relay and contact code) as a QR code (SVG built from module coordinates only). */
      qrSvg: z.string(),
      /** `<relay>/invite/#…`: the relay and the contact code as one link to send a colleague (issue 17). */
      inviteLink: z.string(),
    })
    .nullable(),
  /** Relay operations waiting for the network. */
  pendingOps: z.number().int().nonnegative(),
  lastSyncAt: time.nullable(),
  lastError: z.string().nullable(),
  /** Envelopes the client refused lately (forged, misaddressed, replayed …), newest last. */
  refusals: z.array(refusal),
  /** Shares and requests waiting for an answer. */
  inboxCount: z.number().int().nonnegative(),
  /** Sharing records of this vault that did not open at the last sync, per table; zeros before the first. */
  damaged: z.object({ contacts: damaged, grants: damaged, received: damaged }),
});

/** What adding a contact did: `upgraded` added their X-Wing key; `downgrade-refused` kept it against a v1 bundle (T27). */
const pinChange = z.enum(['pinned', 'unchanged', 'verified', 'key-changed', 'upgraded', 'downgrade-refused']);

export const contactSummarySchema = z.object({
  id,
  handle: z.string(),
  state: contactState,
  pinnedAt: time,
  verifiedAt: time.nullable(),
});

export const contactDetailSchema = contactSummarySchema.extend({
  fingerprint,
  /** The safety number of my identity and the pinned keys: 12 groups of 5 digits. */
  safetyNumber: z.string(),
  /** In the `changed` state: the keys the relay now shows, and their safety number. */
  offered: z.object({ fingerprint, safetyNumber: z.string(), seenAt: time }).nullable(),
  /** The pinned keys include an X-Wing key: envelopes with them are post-quantum only (T27). */
  postQuantum: z.boolean(),
  /** When they upgraded to post-quantum keys (their safety number changed then), or null. */
  upgradedAt: time.nullable(),
});

/** One person's access to an item, as the owner's access panel shows it. */
export const accessEntrySchema = z.object({
  shareId: z.string(),
  handle: z.string(),
  /** The local contact the grant was given to (for "share again"). */
  contactId: id,
  /** The contact's verification state now; `unknown` when the contact record is gone. */
  contactState: z.enum(['unverified', 'verified', 'changed', 'unknown']),
  /**
   * The grant was given to keys the contact no longer has (they were re-pinned since: a contact code or
   * verified new keys, T01). It gets no updates; revoke it, and share again to the verified keys.
   */
  keyReplaced: z.boolean(),
  permission,
  since: time,
  until: time.nullable(),
  state: z.enum(['pending', 'accepted', 'declined', 'revoked', 'expired']),
  /** As reported by the recipient's client (signed receipts). */
  deliveredAt: time.nullable(),
  acceptedAt: time.nullable(),
  lastOpenedAt: time.nullable(),
  endedAt: time.nullable(),
  /** The item changed since the last version sent (waiting for a sync, or held by a changed key). */
  updatePending: z.boolean(),
  /** Revoked here, but the revoke has not gone out yet (T04); `revokeError` says why when the relay refused it. */
  revokePending: z.boolean(),
  revokeError: z.string().nullable(),
  missing,
});

/** "rotate: <person> had access from … to …" on the owner's item. */
export const rotateNoticeSchema = z.object({ shareId: z.string(), handle: z.string(), from: time, to: time });

/** A share in the inbox, waiting for an answer. */
export const inboxEntrySchema = z.object({
  id,
  title: z.string(),
  type: z.enum(['login', 'note']),
  from: z.string(),
  fromState: z.enum(['unverified', 'verified', 'changed', 'unknown']),
  permission,
  expiresAt: time.nullable(),
  receivedAt: time,
  missing,
});

/**
 * An offer from a handle that is not among the contacts (T02), waiting unopened: only the handle it claims
 * to come from is known, and it can be accepted once that handle is a verified contact.
 */
export const requestEntrySchema = z.object({
  id,
  from: z.string(),
  /** The contact with that handle now, if any: only `verified` lets the request be accepted. */
  fromState: z.enum(['unverified', 'verified', 'changed', 'unknown']),
  receivedAt: time,
});

export const receivedViewSchema = z.object({
  item: z.object({ id, rev: z.number().int(), content: itemContentSchema }),
  from: z.object({ handle: z.string(), state: z.enum(['unverified', 'verified', 'changed', 'unknown']) }),
  permission,
  state: z.enum(['pending', 'accepted', 'declined']),
  expiresAt: time.nullable(),
  receivedAt: time,
  editPending: z.boolean(),
  missing,
});

/** What a sync did. */
export const syncReportSchema = z.object({ pendingOps: z.number().int().nonnegative(), lastError: z.string().nullable(), inboxCount: z.number().int().nonnegative() });

/** The sharing feature's messages, spread into the protocol map. */
export const sharingMessages = {
  sharingStatus: message(empty, sharingStatusSchema, pages),
  /**
   * Creates the vault's sharing identity and registers it, after checking that a relay answers at
   * `relayUrl` (nothing is created otherwise; the error names the address). `problem`: why the relay has
   * not taken the registration yet (a handle taken: choose another and set up again).
   */
  sharingSetup: message(z.object({ handle: z.string().max(64), relayUrl }).strict(), registrationSchema, pages),
  /** Moves to another relay (checked first): registers the same identity there and reads its mailbox from the start. */
  sharingSetRelay: message(z.object({ relayUrl }).strict(), registrationSchema, pages),
  /** Sends the outbox and reads the mailbox now. */
  sharingSync: message(empty, syncReportSchema, pages),
  /** The background's one-minute alarm: like sharingSync, but not the user's activity (auto-lock is not re-armed). */
  sharingPoll: message(empty, syncReportSchema.nullable(), internal),
  /** The expiry alarm: deletes received copies whose time is up, even while locked. */
  sharingExpire: message(empty, z.object({ removed: z.number().int().nonnegative() }), internal),

  contactList: message(empty, z.object({ contacts: z.array(contactSummarySchema), damaged }), pages),
  contactGet: message(z.object({ id }).strict(), z.object({ contact: contactDetailSchema }), pages),
  /** Looks the handle up on the relay and pins the keys it shows (first sight: unverified; different: changed, T01). */
  contactAdd: message(z.object({ handle: z.string().max(64) }).strict(), z.object({ id, change: pinChange }), pages),
  /** Pins a pasted or scanned contact code, or the code inside an invite link, as verified. */
  contactAddCode: message(z.object({ code: z.string().max(1_000) }).strict(), z.object({ id, change: pinChange }), pages),
  /** The user compared the safety number made from the keys with `fingerprint` and it matched. */
  contactVerify: message(z.object({ id, fingerprint }).strict(), empty, pages),
  /** Removes a contact no share depends on (refused, saying which, while shares run either way); audited. */
  contactRemove: message(z.object({ id }).strict(), empty, pages),

  /** Shares an item with contacts (again with someone who has access: changes their permission and expiry). */
  shareCreate: message(
    z.object({ itemId: id, contactIds: z.array(id).min(1).max(100), permission, expiry: expiryChoiceSchema, confirmedUnverified: z.boolean() }).strict(),
    z.object({ shareIds: z.array(z.string()) }),
    pages,
  ),
  /**
   * The access panel of an item, and its rotation notices. `damaged` counts the vault's grant records that
   * did not open: which item each was for is sealed inside it, so any panel may be missing someone.
   */
  shareList: message(z.object({ itemId: id }).strict(), z.object({ entries: z.array(accessEntrySchema), rotate: z.array(rotateNoticeSchema), damaged }), pages),
  /** Revokes the named shares of an item, or all of its open shares. */
  /** `pending` counts the revokes that did not go out in the sync right after (they stay in the outbox). */
  shareRevoke: message(
    z.object({ itemId: id, shareIds: z.array(z.string().max(64)).min(1).max(100).optional() }).strict(),
    z.object({ revoked: z.number().int(), pending: z.number().int() }),
    pages,
  ),
  /** Hides a rotation notice without changing the password. */
  shareRotateDismiss: message(z.object({ itemId: id, shareId: z.string().max(64) }).strict(), empty, pages),

  /** `damaged` counts received records that did not open (pending or accepted: nobody can tell). */
  inboxList: message(empty, z.object({ shares: z.array(inboxEntrySchema), damaged }), pages),
  inboxAnswer: message(z.object({ id, answer: z.enum(['accept', 'decline']), confirmedUnverified: z.boolean() }).strict(), empty, pages),

  /** Offers from unknown senders, unopened (T02); `damaged` counts request records that did not open. */
  shareRequestList: message(empty, z.object({ requests: z.array(requestEntrySchema), damaged }), pages),
  /** Opens a request with its sender's pinned keys and accepts it; only once the sender is a verified contact. */
  shareRequestAccept: message(z.object({ id }).strict(), empty, pages),
  /** Drops a request; nothing is sent back (there are no verified keys to send it to). */
  shareRequestDecline: message(z.object({ id }).strict(), empty, pages),

  /** The accepted received items, as list rows marked "shared by"; `damaged` as for inboxList. */
  receivedList: message(empty, z.object({ items: z.array(itemSummarySchema), damaged }), pages),
  /** One received item, masked by its permission (autofill-only: no password, code secret or hidden field). */
  receivedGet: message(z.object({ id }).strict(), z.object({ view: receivedViewSchema }), pages),
  /** Sends an edit of a received item (edit permission) to its owner. */
  receivedEdit: message(z.object({ id, item: itemInputSchema, baseVersion: z.number().int().min(1) }).strict(), empty, pages),

  // Issue 17: set-up without dead ends, invites, the recipient's notices.
  /** Checks that a Sealpass relay answers at `relayUrl` (GET /v1/health); the error names the address. */
  sharingCheckRelay: message(z.object({ relayUrl }).strict(), z.object({ relayUrl: z.string() }), pages),
  /** What changing the handle would break: contacts who know the old one, open shares, copies shared with me. */
  sharingHandleImpact: message(empty, z.object({ contacts: z.number().int(), openShares: z.number().int(), received: z.number().int() }), pages),
  /** Registers the same keys under another handle on the current relay (checked first). */
  sharingSetHandle: message(z.object({ handle: z.string().max(64) }).strict(), registrationSchema, pages),
  /** What an invite link holds, before anything changes: who invites, through which relay, and how it fits this vault. */
  inviteOpen: message(
    z.object({ link: z.string().max(1_000) }).strict(),
    z.object({
      handle: z.string(),
      relayUrl: z.string(),
      /** This vault has a sharing identity already. */
      setUp: z.boolean(),
      /** That identity uses the invite's relay (handles only reach each other through one relay). */
      sameRelay: z.boolean(),
      /** The inviter is already a contact here. */
      known: z.boolean(),
    }),
    pages,
  ),
  /**
   * Accepts an invite: sets up sharing on the invite's relay under `handle` when this vault has no identity
   * yet (relay checked first), then pins the inviter's keys from the link, like a pasted contact code.
   */
  inviteAccept: message(
    z.object({ link: z.string().max(1_000), handle: z.string().max(64).optional() }).strict(),
    z.object({ contactId: id, change: pinChange, problem: z.string().nullable() }),
    pages,
  ),
  /** The current one-time code of a received login shared with view or edit (never autofill-only). */
  receivedTotp: message(z.object({ id }).strict(), z.object({ code: z.string(), period: z.number().int(), secondsLeft: z.number().int() }), pages),
  /** Received shares that ended in the last 30 days (revoked or expired), newest first, from the audit log. */
  receivedEndedList: message(empty, z.object({ ended: z.array(endedShareSchema) }), pages),
} as const;

export type SharingMessageType = keyof typeof sharingMessages;

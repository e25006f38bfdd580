/**
 * The background's sharing handlers (issue 4): each wires one lib/sharing-service operation to its
 * message. Operations that change sharing state run one at a time per vault (withSharingLock); after a
 * change that has something to send, a sync runs at once, and when the relay does not answer the change
 * waits in the outbox (the UI shows it as pending). The one-minute alarm and the expiry alarm call
 * sharingPoll and sharingExpire, which are not the user's activity and do not re-arm auto-lock.
 */
import { encodeContactCode } from '../contacts/encode-contact-code';
import { inviteLink, parseInviteLink } from '../contacts/invite-link';
import { checkRelay } from '../profile/check-relay';
import { handleChangeImpact } from '../profile/handle-change-impact';
import { setHandle } from '../profile/set-handle';
import { listEndedShares } from '../recipient/list-ended-shares';
import { receivedTotp } from '../recipient/received-totp';
import { ContactCodeError, decodeContactCode } from '../contacts/decode-contact-code';
import { bundleMatchesCode, type ContactCodeContent } from '../contacts/contact-code';
import { markContactVerified } from '../contacts/mark-contact-verified';
import { MAX_SHARE_LIFETIME_MS } from '../grants/offer-share';
import { ownSafetyCode } from '../identity/own-safety-code';
import { renderSafetyQr } from '../identity/render-safety-qr';
import { VaultError } from '../../vault/model/vault-error';
import type { ExpiryChoice, sharingMessages } from '../sharing-messages';
import { RelayError } from '../../relay-protocol/relay-error';
import { acceptRequest } from '../recipient/accept-request';
import { answerShare } from '../recipient/answer-share';
import { commitSharing } from '../store/commit-sharing';
import { createSharingIdentity } from '../profile/create-sharing-identity';
import { describeContact, summarizeContact } from '../profile/describe-contact';
import { expireShares } from '../sync/expire-shares';
import { listAccess } from '../owner/list-access';
import { listReceived } from '../recipient/list-received';
import { listRequests } from '../recipient/list-requests';
import { requireRecord } from '../store/load-sealed-records';
import { getContact, getGrant, loadContacts, loadGrants } from '../store/sharing-records';
import { pendingRevokes } from '../store/pending-revokes';
import { lookUpIdentity } from '../profile/look-up-identity';
import { openReceivedItem } from '../recipient/open-received-item';
import { openRelayClient } from '../profile/open-relay-client';
import { pinSeenIdentity } from '../profile/pin-seen-identity';
import { proposeEdit } from '../recipient/propose-edit';
import { readIdentity, withIdentity } from '../store/read-identity';
import { relayProblemText } from '../profile/relay-problem-text';
import { revokeGrants } from '../owner/revoke-grants';
import { setRelay } from '../profile/set-relay';
import { shareItem } from '../owner/share-item';
import { withSharingLock } from '../store/sharing-lock';
import { removeContact } from '../profile/remove-contact';
import { syncSharing, type SyncOutcome } from '../sync/sync-sharing';
import type { SharingHooks } from '../sync/sharing-hooks';
import { wipeIdentity } from '../identity/wipe-identity';
import { getItem } from '../../vault/items/get-item';
import type { UnlockedVault } from '../../vault/keys/unlocked-vault';
import type { HandlersOf } from '../../messaging/define-message';
import type { SharingDeps } from '../sync/sharing-platform';
import type { CoreDeps } from '../../vault-service/context/core-deps';
import type { HandlerContext } from '../../vault-service/context/handler-context';
import type { SharingPlatform } from '../sync/sharing-platform';

const HOUR_MS = 60 * 60 * 1000;
const PRESET_MS: Record<Exclude<ExpiryChoice, { at: number }>, number | null> = { none: null, '1h': HOUR_MS, '1d': 24 * HOUR_MS, '7d': 7 * 24 * HOUR_MS, '30d': 30 * 24 * HOUR_MS };
const CONTACT_WORDS = {
  absent: 'That contact no longer exists.',
  damaged: 'This contact’s record is damaged and cannot be opened. Your other contacts are fine.',
};

/**
 * Builds the sharing handlers over the context's session and the platform's relay fetch and expiry alarm.
 * @param hooks - other features' part of a sync (folder-key envelopes), from the composition root
 * @returns one handler per message of lib/messaging/sharing-messages
 */
export function createSharingHandlers(ctx: HandlerContext<CoreDeps & SharingDeps>, hooks: SharingHooks = {}): HandlersOf<typeof sharingMessages> {
  const { db } = ctx.deps;
  const unavailable: SharingPlatform = {
    fetch: async () => {
      throw new VaultError('internal', 'Sharing is not available in this build.');
    },
    scheduleExpiry: async () => undefined,
  };
  const platform = ctx.deps.sharing ?? unavailable;
  const now = () => ctx.deps.now();
  const syncs = new WeakMap<UnlockedVault, Promise<SyncOutcome | null>>();

  const inboxCount = async (vault: UnlockedVault) => (await listReceived(db, vault, now())).inbox.length + (await listRequests(db, vault)).requests.length;
  const refreshBadge = async (vault: UnlockedVault) => ctx.deps.badge.setBadgeCount('inbox', await inboxCount(vault));
  const scheduleExpiry = async () => {
    const next = await db.received.where('expiresAt').above(now()).first();
    await platform.scheduleExpiry(next?.expiresAt ?? null);
  };

  /** One sync at a time per vault; a second caller waits for the running one. */
  const sync = (vault: UnlockedVault): Promise<SyncOutcome | null> => {
    let running = syncs.get(vault);
    if (!running) {
      running = (async () => {
        try {
          const outcome = await syncSharing(db, vault, platform, now, hooks);
          // Shared folders (issue 13) sync after the mailbox brought their keys.
          if (outcome && hooks.afterSync) await hooks.afterSync(vault).catch(() => undefined);
          return outcome;
        } finally {
          syncs.delete(vault);
          await refreshBadge(vault);
          await scheduleExpiry();
        }
      })();
      syncs.set(vault, running);
    }
    return running;
  };
  const report = async (vault: UnlockedVault, outcome: SyncOutcome | null) => ({
    pendingOps: outcome?.pendingOps ?? (await db.outbox.count()),
    lastError: outcome?.lastError ?? null,
    inboxCount: await inboxCount(vault),
  });

  const expiryOf = (choice: ExpiryChoice): number | null => {
    const at = now();
    if (typeof choice === 'object') {
      if (choice.at <= at || choice.at > at + MAX_SHARE_LIFETIME_MS) throw new VaultError('invalid-request', 'Choose an expiry after now and at most 90 days away.');
      return choice.at;
    }
    const span = PRESET_MS[choice];
    return span === null ? null : at + span;
  };

  /** T01: before sealing to them, compare each recipient's pinned keys with what the relay shows now (best effort). */
  const recheckKeys = async (vault: UnlockedVault, contactIds: string[]) => {
    const opened = await readIdentity(db, vault);
    if (!opened) return;
    try {
      const relay = openRelayClient(opened, platform.fetch, now);
      for (const id of new Set(contactIds)) {
        // Gone or damaged: shareItem refuses it with its own words.
        const pinned = await getContact(db, vault, id);
        if (pinned.state !== 'found') continue;
        const { contact } = pinned.record;
        const seen = await lookUpIdentity(relay, contact.handle).catch((error: unknown) => {
          if (error instanceof RelayError) return null;
          throw error;
        });
        if (seen !== null && typeof seen !== 'string') await withSharingLock(vault, () => pinSeenIdentity(db, vault, seen, 'lookup', now()));
      }
    } finally {
      wipeIdentity(opened.identity);
    }
  };

  /** The relay's verified bundle for a v2 contact code, if it is exactly the keys the code names. */
  const bundleForCode = async (vault: UnlockedVault, code: ContactCodeContent) => {
    const seen = await withIdentity(db, vault, async (opened) => {
      try {
        return await lookUpIdentity(openRelayClient(opened, platform.fetch, now), code.handle);
      } catch (error) {
        if (error instanceof RelayError) throw new VaultError('internal', `${relayProblemText(error)}. This contact code needs the relay for the person’s post-quantum key; try again.`);
        throw error;
      }
    });
    if (seen === 'missing') throw new VaultError('not-found', `${code.handle} is not registered on your relay yet, and their contact code needs it for their post-quantum key. Try again once they are.`);
    if (seen === 'invalid' || !bundleMatchesCode(seen, code)) {
      throw new VaultError('corrupted', 'The keys the relay shows for this person do not match their contact code. Nothing was added; ask them for their code again.');
    }
    return seen;
  };

  /** Where the registration stands after a set-up, relay or handle change and the sync that followed. */
  const registration = async (vault: UnlockedVault) => {
    const opened = await readIdentity(db, vault);
    if (!opened) return { registered: false, problem: 'Sharing is not set up.' };
    wipeIdentity(opened.identity);
    const { registered, lastError } = opened.profile;
    return { registered, problem: registered ? null : (lastError ?? 'The relay has not confirmed the registration yet; Sealpass tries again at every sync.') };
  };

  /** A contact code, or a clear error for anything else. */
  const decodeCode = (code: string) => {
    try {
      return decodeContactCode(code);
    } catch (error) {
      if (error instanceof ContactCodeError) throw new VaultError('invalid-request', 'That is not a valid Sealpass invite link or contact code. Check that it was copied whole.');
      throw error;
    }
  };

  /** An invite link's relay and inviter, or a clear error. */
  const readInvite = (link: string) => {
    const invite = parseInviteLink(link);
    if (!invite) throw new VaultError('invalid-request', 'That is not a Sealpass invite link. An invite looks like https://relay.example/invite/#… — check that it was copied whole.');
    return { relayOrigin: invite.relayOrigin, inviter: decodeCode(invite.contactCode) };
  };

  return {
    async sharingStatus() {
      const vault = await ctx.unlocked();
      const opened = await readIdentity(db, vault);
      const common = { pendingOps: await db.outbox.count(), inboxCount: await inboxCount(vault) };
      const none = { contacts: 0, grants: 0, received: 0 };
      if (!opened) return { identity: null, lastSyncAt: null, lastError: null, refusals: [], damaged: none, ...common };
      try {
        const { identity, profile } = opened;
        const contactCode = encodeContactCode(identity);
        return {
          identity: {
            handle: identity.handle,
            relayUrl: profile.relayUrl,
            registered: profile.registered,
            ownCode: ownSafetyCode(identity),
            contactCode,
            // The QR code carries the invite link: the relay and the contact code, scanned in one go.
            qrSvg: renderSafetyQr(inviteLink(profile.relayUrl, contactCode)),
            inviteLink: inviteLink(profile.relayUrl, contactCode),
          },
          lastSyncAt: profile.lastSyncAt,
          lastError: profile.lastError,
          refusals: profile.refusals,
          damaged: profile.damaged ?? none,
          ...common,
        };
      } finally {
        wipeIdentity(opened.identity);
      }
    },

    async sharingSetup({ handle, relayUrl }) {
      const vault = await ctx.unlocked();
      // Issue 17: a relay that does not answer is reported before anything is created or queued.
      const origin = await checkRelay(relayUrl, platform.fetch);
      await withSharingLock(vault, () => createSharingIdentity(db, vault, handle, origin, now()));
      await sync(vault);
      return registration(vault);
    },

    async sharingSetRelay({ relayUrl }) {
      const vault = await ctx.unlocked();
      const origin = await checkRelay(relayUrl, platform.fetch);
      // What waits for the old relay goes out first; the mailbox there is read one last time.
      await sync(vault);
      await withSharingLock(vault, () => setRelay(db, vault, origin, now()));
      await sync(vault);
      return registration(vault);
    },

    async sharingSync() {
      const vault = await ctx.unlocked();
      return report(vault, await sync(vault));
    },

    async sharingPoll() {
      // Not ctx.unlocked(): a background poll is not the user's activity and must not postpone auto-lock.
      if (!(await ctx.session.isUnlocked())) return null;
      const vault = await ctx.session.require();
      return report(vault, await sync(vault));
    },

    async sharingExpire() {
      const unlocked = await ctx.session.isUnlocked();
      const vault = unlocked ? await ctx.session.require() : null;
      const { removed } = vault ? await withSharingLock(vault, () => expireShares(db, vault, now())) : await expireShares(db, null, now());
      if (vault) await refreshBadge(vault);
      await scheduleExpiry();
      return { removed };
    },

    async contactList() {
      const vault = await ctx.unlocked();
      const { records, damaged } = await loadContacts(db, vault);
      return { contacts: records.map(summarizeContact), damaged: damaged.length };
    },

    async contactGet({ id }) {
      const vault = await ctx.unlocked();
      const stored = requireRecord(await getContact(db, vault, id), CONTACT_WORDS);
      return withIdentity(db, vault, async ({ identity }) => ({ contact: describeContact(identity, stored) }));
    },

    async contactAdd({ handle }) {
      const vault = await ctx.unlocked();
      const seen = await withIdentity(db, vault, async (opened) => {
        try {
          return await lookUpIdentity(openRelayClient(opened, platform.fetch, now), handle.trim().toLowerCase());
        } catch (error) {
          if (error instanceof RelayError) throw new VaultError('internal', `${relayProblemText(error)}. Try again, or paste the person’s contact code.`);
          throw error;
        }
      });
      if (seen === 'missing') throw new VaultError('not-found', 'No one is registered under this handle on your relay.');
      if (seen === 'invalid') throw new VaultError('corrupted', 'The relay answered with an identity that does not verify. Nothing was added.');
      const { stored, change } = await withSharingLock(vault, () => pinSeenIdentity(db, vault, seen, 'lookup', now()));
      return { id: stored.id, change };
    },

    async contactAddCode({ code }) {
      const vault = await ctx.unlocked();
      // An invite link carries a contact code: pasted here, it adds the inviter the same way.
      const decoded = decodeCode(parseInviteLink(code)?.contactCode ?? code);
      // A v2 code carries the hash of the X-Wing key: the key itself comes from the relay and must match it.
      const seen = decoded.xwingKeyHash ? await bundleForCode(vault, decoded) : decoded;
      const { stored, change } = await withSharingLock(vault, () => pinSeenIdentity(db, vault, seen, 'contact-code', now()));
      return { id: stored.id, change };
    },

    async contactVerify({ id, fingerprint }) {
      const vault = await ctx.unlocked();
      await withSharingLock(vault, async () => {
        const stored = requireRecord(await getContact(db, vault, id), CONTACT_WORDS);
        let contact;
        try {
          contact = markContactVerified(stored.contact, fingerprint, now());
        } catch {
          throw new VaultError('conflict', 'The keys changed while you compared. Compare the new safety number again.');
        }
        await commitSharing(db, vault, { contacts: [{ id, contact }], audit: [{ type: 'contact-verified', party: contact.handle }] }, now());
      });
      return {};
    },

    async contactRemove({ id }) {
      const vault = await ctx.unlocked();
      await withSharingLock(vault, async () => removeContact(db, vault, requireRecord(await getContact(db, vault, id), CONTACT_WORDS), now()));
      return {};
    },

    async shareCreate({ itemId, contactIds, permission, expiry, confirmedUnverified }) {
      const vault = await ctx.unlocked();
      const expiresAt = expiryOf(expiry);
      await recheckKeys(vault, contactIds);
      const shareIds = await withSharingLock(vault, () => shareItem(db, vault, { itemId, contactIds, permission, expiresAt, confirmedUnverified }, now()));
      await sync(vault);
      return { shareIds };
    },

    async shareList({ itemId }) {
      const vault = await ctx.unlocked();
      const content = await getItem(db, vault, itemId).then((item) => item.content, () => null);
      return listAccess(db, vault, itemId, content);
    },

    async shareRevoke({ itemId, shareIds }) {
      const vault = await ctx.unlocked();
      const row = vault.summaries.get(itemId);
      const title = row?.state === 'ok' ? row.title : undefined;
      const revoked = await withSharingLock(vault, () => withIdentity(db, vault, ({ identity }) => revokeGrants(db, vault, identity, itemId, shareIds, title, now())));
      await sync(vault);
      // Whatever did not go out stays in the outbox, and the panel must not call it done (T04).
      const waiting = await pendingRevokes(db, vault);
      const pending = (await loadGrants(db, vault)).records.filter((g) => g.grant.itemId === itemId && waiting.has(g.grant.shareId)).length;
      return { revoked, pending };
    },

    async shareRotateDismiss({ itemId, shareId }) {
      const vault = await ctx.unlocked();
      await withSharingLock(vault, async () => {
        const stored = requireRecord(await getGrant(db, vault, shareId), {
          absent: 'That share no longer exists.',
          damaged: 'The record of that share is damaged and cannot be opened. Your item and your other shares are fine.',
        });
        if (stored.grant.itemId !== itemId) throw new VaultError('not-found', 'That share no longer exists.');
        await commitSharing(db, vault, { grants: [{ ...stored, rotateDismissed: true }] }, now());
      });
      return {};
    },

    async inboxList() {
      const vault = await ctx.unlocked();
      const { inbox, damaged } = await listReceived(db, vault, now());
      return { shares: inbox, damaged: damaged.length };
    },

    async inboxAnswer({ id, answer, confirmedUnverified }) {
      const vault = await ctx.unlocked();
      await withSharingLock(vault, () => withIdentity(db, vault, ({ identity }) => answerShare(db, vault, identity, id, answer, confirmedUnverified, now())));
      await refreshBadge(vault);
      await sync(vault);
      return {};
    },

    async shareRequestList() {
      const vault = await ctx.unlocked();
      return listRequests(db, vault);
    },

    async shareRequestAccept({ id }) {
      const vault = await ctx.unlocked();
      try {
        await withSharingLock(vault, () => withIdentity(db, vault, (opened) => acceptRequest(db, vault, opened, id, now())));
      } finally {
        await refreshBadge(vault);
      }
      await sync(vault);
      return {};
    },

    async shareRequestDecline({ id }) {
      const vault = await ctx.unlocked();
      await withSharingLock(vault, () => commitSharing(db, vault, { removeRequests: [id] }, now()));
      await refreshBadge(vault);
      return {};
    },

    async receivedList() {
      const vault = await ctx.unlocked();
      const { items, damaged } = await listReceived(db, vault, now());
      return { items, damaged: damaged.length };
    },

    async receivedGet({ id }) {
      const vault = await ctx.unlocked();
      const view = await withSharingLock(vault, () => withIdentity(db, vault, ({ identity }) => openReceivedItem(db, vault, identity, id, now())));
      return { view };
    },

    async receivedEdit({ id, item, baseVersion }) {
      const vault = await ctx.unlocked();
      await withSharingLock(vault, () => withIdentity(db, vault, ({ identity }) => proposeEdit(db, vault, identity, id, item, baseVersion, now())));
      await sync(vault);
      return {};
    },

    async sharingCheckRelay({ relayUrl }) {
      await ctx.unlocked();
      return { relayUrl: await checkRelay(relayUrl, platform.fetch) };
    },

    async sharingHandleImpact() {
      const vault = await ctx.unlocked();
      return handleChangeImpact(db, vault, now());
    },

    async sharingSetHandle({ handle }) {
      const vault = await ctx.unlocked();
      const relayUrl = await withIdentity(db, vault, async ({ profile }) => profile.relayUrl);
      await checkRelay(relayUrl, platform.fetch);
      // What waits goes out under the old handle, and its mailbox is read one last time.
      await sync(vault);
      await withSharingLock(vault, () => setHandle(db, vault, handle.trim().toLowerCase(), now()));
      await sync(vault);
      return registration(vault);
    },

    async inviteOpen({ link }) {
      const vault = await ctx.unlocked();
      const { relayOrigin, inviter } = readInvite(link);
      const opened = await readIdentity(db, vault);
      if (opened) wipeIdentity(opened.identity);
      const known = (await loadContacts(db, vault)).records.some((c) => c.contact.handle === inviter.handle);
      return { handle: inviter.handle, relayUrl: relayOrigin, setUp: opened !== null, sameRelay: opened?.profile.relayUrl === relayOrigin, known };
    },

    async inviteAccept({ link, handle }) {
      const vault = await ctx.unlocked();
      const { relayOrigin, inviter } = readInvite(link);
      const opened = await readIdentity(db, vault);
      let problem: string | null = null;
      if (opened) {
        wipeIdentity(opened.identity);
        if (opened.profile.relayUrl !== relayOrigin) {
          throw new VaultError(
            'conflict',
            `${inviter.handle} shares through the relay at ${relayOrigin}, and this vault through ${opened.profile.relayUrl}. Handles reach each other only on one relay: change your relay in Settings → Sharing, or ask ${inviter.handle} for an invite through yours.`,
          );
        }
      } else {
        if (handle === undefined || handle.trim() === '') throw new VaultError('invalid-request', 'Choose the handle colleagues will know you by.');
        // The invite's relay must answer before anything is created (issue 17).
        const origin = await checkRelay(relayOrigin, platform.fetch);
        await withSharingLock(vault, () => createSharingIdentity(db, vault, handle.trim().toLowerCase(), origin, now()));
        await sync(vault);
        problem = (await registration(vault)).problem;
      }
      // A v2 code (issue 16) names the inviter's X-Wing key by its hash: the key comes from the relay and must match.
      const seen = inviter.xwingKeyHash ? await bundleForCode(vault, inviter) : inviter;
      const { stored, change } = await withSharingLock(vault, () => pinSeenIdentity(db, vault, seen, 'contact-code', now()));
      return { contactId: stored.id, change, problem };
    },

    async receivedTotp({ id }) {
      const vault = await ctx.unlocked();
      return receivedTotp(db, vault, id, now());
    },

    async receivedEndedList() {
      const vault = await ctx.unlocked();
      return { ended: await listEndedShares(db, vault, now()) };
    },
  };
}

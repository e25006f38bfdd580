/**
 * The background's link and request handlers (issue 14): each wires one lib/links operation to its message.
 * Owner operations need the unlocked vault and the sharing identity (its relay and signing key); the
 * recipient's (inspect, reveal, answer) need neither, so a link opens in the extension while it is locked.
 */
import { withSharingLock } from '../../sharing/store/sharing-lock';
import type { SharingDeps } from '../../sharing/sync/sharing-platform';
import type { HandlersOf } from '../../messaging/define-message';
import type { CoreDeps } from '../../vault-service/context/core-deps';
import type { HandlerContext } from '../../vault-service/context/handler-context';
import { getSealedRecord } from '../../sharing/store/load-sealed-records';
import { VaultError } from '../../vault/model/vault-error';
import { LINK_MAX_LIFETIME_MS } from '../../relay-protocol/link-schemas';
import { linkUrl } from '../format/link-url';
import { decodeLinkSecret } from '../format/link-secret';
import type { linksMessages, LinkExpiry } from '../links-messages';
import type { LinksContext } from '../links-context';
import { collectAnswers } from '../owner/collect-answers';
import { createLink } from '../owner/create-link';
import { createRequest } from '../owner/create-request';
import { refreshLinks } from '../owner/refresh-links';
import { revokeLink } from '../owner/revoke-link';
import { revokeRequest } from '../owner/revoke-request';
import { acceptAnswer, declineAnswer, getAnswer } from '../owner/settle-answer';
import { inspectLink } from '../recipient/inspect-link';
import { revealLink } from '../recipient/reveal-link';
import { sendAnswer } from '../recipient/send-answer';
import { openLink } from '../store/stored-link';
import { openRequest } from '../store/stored-request';
import { notListed } from '../store/load-link-records';

const HOUR_MS = 60 * 60 * 1000;
const EXPIRY_MS: Record<LinkExpiry, number> = { '1h': HOUR_MS, '1d': 24 * HOUR_MS, '7d': 7 * 24 * HOUR_MS, '30d': LINK_MAX_LIFETIME_MS };

/**
 * Builds the link handlers over the context's session and sharing's relay fetch.
 * @returns one handler per message of lib/links/links-messages
 */
export function createLinksHandlers(ctx: HandlerContext<CoreDeps & SharingDeps>): HandlersOf<typeof linksMessages> {
  const links = (): LinksContext => {
    const platform = ctx.deps.sharing;
    if (!platform) throw new VaultError('internal', 'Links are not available in this build.');
    return { db: ctx.deps.db, fetch: platform.fetch, now: () => ctx.deps.now() };
  };
  const expiryAt = (choice: LinkExpiry) => ctx.deps.now() + EXPIRY_MS[choice];

  return {
    async linkCreate(request) {
      const vault = await ctx.unlocked();
      const source = request.source.kind === 'item' ? request.source : { kind: 'text' as const, title: request.source.title.trim() || 'A message', text: request.source.text };
      return createLink(links(), vault, { source, expiresAt: expiryAt(request.expiry), maxViews: request.maxViews, passphrase: request.passphrase === '' ? null : request.passphrase });
    },

    async linkList() {
      const vault = await ctx.unlocked();
      const { links: stored, damaged, relayError } = await withSharingLock(vault, () => refreshLinks(links(), vault));
      return {
        links: stored.map((link) => ({
          id: link.id,
          title: link.title,
          fields: link.fields,
          createdAt: link.createdAt,
          expiresAt: link.expiresAt,
          maxViews: link.maxViews,
          viewsLeft: link.viewsLeft,
          passphrase: link.passphrase,
          state: link.state === 'active' && link.expiresAt <= ctx.deps.now() ? 'expired' : link.state,
          openedAt: link.opens.map((open) => open.at),
        })),
        damaged,
        relayError,
      };
    },

    async linkRevoke({ id }) {
      const vault = await ctx.unlocked();
      await revokeLink(links(), vault, id);
      return {};
    },

    async linkCopyUrl({ id, kind }) {
      const vault = await ctx.unlocked();
      const found =
        kind === 'link'
          ? await getSealedRecord(ctx.deps.db.links, id, (record) => openLink(vault, record), notListed)
          : await getSealedRecord(ctx.deps.db.secretRequests, id, (record) => openRequest(vault, record), notListed);
      if (found.state !== 'found') throw new VaultError(found.state === 'absent' ? 'not-found' : 'corrupted', 'That link cannot be found in this vault.');
      const secret = decodeLinkSecret(found.record.secret);
      if (!secret) throw new VaultError('corrupted', 'That link’s record is damaged.');
      return { url: linkUrl(found.record.relayUrl, kind, secret) };
    },

    async requestCreate(request) {
      const vault = await ctx.unlocked();
      return createRequest(links(), vault, { label: request.label, expiresAt: expiryAt(request.expiry), maxAnswers: request.maxAnswers });
    },

    async requestList({ offline }) {
      const vault = await ctx.unlocked();
      const collected = await withSharingLock(vault, () => collectAnswers(links(), vault, offline !== true));
      const now = ctx.deps.now();
      return {
        requests: collected.requests.map((request) => ({
          id: request.id,
          label: request.label,
          createdAt: request.createdAt,
          expiresAt: request.expiresAt,
          maxAnswers: request.maxAnswers,
          answersLeft: request.answersLeft,
          received: request.received,
          state: request.state === 'active' && request.expiresAt <= now ? 'expired' : request.state,
        })),
        answers: collected.answers.map((entry) => ({
          id: entry.id,
          label: entry.label,
          receivedAt: entry.receivedAt,
          hasUsername: entry.answer.username !== '',
          hasPassword: entry.answer.password !== '',
          url: entry.answer.url,
        })),
        damaged: collected.damaged,
        relayError: collected.relayError,
      };
    },

    async requestRevoke({ id }) {
      const vault = await ctx.unlocked();
      await revokeRequest(links(), vault, id);
      return {};
    },

    async answerGet({ id }) {
      const vault = await ctx.unlocked();
      const answer = await getAnswer(links(), vault, id);
      return { label: answer.label, receivedAt: answer.receivedAt, answer: answer.answer };
    },

    async answerAccept({ id, title }) {
      const vault = await ctx.unlocked();
      return { itemId: await withSharingLock(vault, () => acceptAnswer(links(), vault, id, title)) };
    },

    async answerDecline({ id }) {
      const vault = await ctx.unlocked();
      await withSharingLock(vault, () => declineAnswer(links(), vault, id));
      return {};
    },

    async linkInspect({ url }) {
      return inspectLink(links(), url);
    },

    async linkReveal({ url, passphrase }) {
      return revealLink(links(), url, passphrase === '' ? null : passphrase);
    },

    async requestAnswer({ url, answer }) {
      return sendAnswer(links(), url, { v: 1, ...answer });
    },
  };
}

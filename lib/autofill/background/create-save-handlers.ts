/**
 * The background's half of "save login / update password" and of the field generator. A submitted form
 * becomes the tab's pending save (memory only, see pending-saves); the bar on that page or the next one
 * shows the offer; Save re-decides against the vault as it is then and writes through create-item or
 * update-item (which keeps the password history and records `item-created` / `item-edited`). Logins shared
 * with this vault take part in the decision: what came from a share is never saved as an own item (S3); a
 * change to one held with an edit grant is proposed to its owner instead (propose-shared-login).
 * The origin, tab and frame always come from the browser's sender information, never from the message.
 */
import { generateForField } from './generate-for-field';
import { decideSave, type ReceivedLogin, type SaveDecision } from './decide-save';
import type { autofillSaveMessages, SaveOffer } from '../autofill-save-messages';
import { VaultError } from '../../vault/model/vault-error';
import { createItem } from '../../vault/items/create-item';
import { findItemsBySite } from '../../vault/items/find-items-by-site';
import { getItem } from '../../vault/items/get-item';
import { updateItem } from '../../vault/items/update-item';
import type { UnlockedVault } from '../../vault/keys/unlocked-vault';
import type { HandlersOf } from '../../messaging/define-message';
import type { AutofillDeps } from './autofill-platform';
import type { CoreDeps } from '../../vault-service/context/core-deps';
import type { HandlerContext } from '../../vault-service/context/handler-context';
import { neverSaveTag } from './never-save-tag';
import { PendingSaves, type PendingSave } from './pending-saves';
import { proposeSharedLogin } from './propose-shared-login';
import { sharedCredentialGroups } from './shared-credential-groups';
import { findReceivedSharesBySite } from '../../sharing/recipient/find-received-by-site';
import { siteOf } from '../../vault/records/blind-index';

/** The sender facts a handler receives from dispatchMessage. */
interface Sender {
  tabId?: number;
  frameId?: number;
  url?: string;
}

/** What the composition root wires in from other features. */
export interface SaveHooks {
  /** After a proposal to a shared login's owner was queued: send it now (sharing's sync) rather than at the next poll. */
  afterProposal?: () => Promise<void>;
}

/**
 * Builds the save flow's handlers. Reporting a submit and asking for an offer do not count as activity
 * (a page can submit forms on its own; it must not keep the vault unlocked); Save and Never do.
 * @returns the handlers; their pending saves live as long as this background does
 */
export function createSaveHandlers(ctx: HandlerContext<CoreDeps & AutofillDeps>, hooks: SaveHooks = {}): HandlersOf<typeof autofillSaveMessages> {
  const { deps, session } = ctx;
  const pending = new PendingSaves();

  /** What to offer for a pending save now, dropping it when there is nothing to offer. */
  const offerFor = async (save: PendingSave): Promise<SaveOffer | null> => {
    const host = new URL(save.origin).hostname;
    const username = save.submission.username.trim();
    if (!(await session.isUnlocked())) return { id: save.id, action: 'locked', host, username };
    const vault = await session.require();
    const decision = await decide(vault, save);
    if (decision.action === 'none') {
      pending.delete(save.tabId, save.id);
      return null;
    }
    if (decision.action === 'propose') return { id: save.id, action: 'propose', host, username, owner: decision.owner };
    return { id: save.id, action: decision.action === 'create' ? 'save' : 'update', host, username };
  };

  /** The logins shared with this vault for the origin's site and every site of its shared-credential group. */
  const receivedFor = async (vault: UnlockedVault, origin: string): Promise<ReceivedLogin[]> => {
    const site = siteOf(origin);
    if (!site) return [];
    const found = await Promise.all([site, ...(sharedCredentialGroups().get(site) ?? [])].map((lookup) => findReceivedSharesBySite(deps.db, vault, lookup, deps.now())));
    return found.flat();
  };

  const decide = async (vault: UnlockedVault, save: PendingSave): Promise<SaveDecision | { action: 'none'; reason: 'never-here' }> => {
    const received = await receivedFor(vault, save.origin);
    const decision = decideSave(save.submission, save.origin, await findItemsBySite(deps.db, vault, save.origin), received);
    if (decision.action === 'none') return decision;
    if (await deps.neverSave.has(neverSaveTag(vault, save.origin))) return { action: 'none', reason: 'never-here' };
    return decision;
  };

  /** The tab's pending save with offer id `id`. @throws VaultError `not-found` once it expired or was handled */
  const offered = (sender: Sender, id: string): PendingSave => {
    const save = sender.tabId === undefined ? null : pending.get(sender.tabId, id, deps.now());
    if (!save) throw new VaultError('not-found', 'This offer to save has expired. Submit the form again to save.');
    return save;
  };

  return {
    async saveSubmitted({ submission }, sender) {
      const page = webPage(sender);
      // Kept before any await, so the next page's `savePending` (a later message) always finds it.
      const save = pending.put(page.tabId, page.origin, page.url, submission, deps.now());
      return { offer: await offerFor(save) };
    },
    async savePending(_request, sender) {
      // Only the top frame shows the bar of a new page; frames inside it would show it again.
      if (sender.tabId === undefined || sender.frameId !== 0) return { offer: null };
      const save = pending.pageLoaded(sender.tabId, deps.now());
      return { offer: save ? await offerFor(save) : null };
    },
    async saveAccept({ id }, sender) {
      const save = offered(sender, id);
      const vault = await ctx.unlocked();
      const decision = await decide(vault, save);
      const now = deps.now();
      let outcome: 'created' | 'updated' | 'proposed' | 'unchanged' = 'unchanged';
      if (decision.action === 'create') {
        await createItem(deps.db, vault, {
          type: 'login',
          title: titleFor(save.origin),
          username: decision.username,
          password: decision.password,
          urls: [save.url],
        }, now);
        outcome = 'created';
      } else if (decision.action === 'update') {
        const { content } = await getItem(deps.db, vault, decision.itemId);
        if (content.type !== 'login') throw new VaultError('conflict', 'This item changed meanwhile. Nothing was saved.');
        await updateItem(deps.db, vault, decision.itemId, { ...content, username: decision.username, password: decision.password }, now, decision.rev);
        outcome = 'updated';
      } else if (decision.action === 'propose') {
        await proposeSharedLogin(deps.db, vault, decision, now);
        outcome = 'proposed';
      }
      pending.delete(save.tabId, save.id);
      // The proposal waits in the outbox when the relay does not answer; sending is best effort here.
      if (outcome === 'proposed') await hooks.afterProposal?.().catch(() => undefined);
      return { outcome };
    },
    async saveDismiss({ id, never }, sender) {
      if (!never) {
        if (sender.tabId !== undefined) pending.delete(sender.tabId, id);
        return {};
      }
      const save = offered(sender, id);
      const vault = await ctx.unlocked();
      await deps.neverSave.add(neverSaveTag(vault, save.origin));
      pending.delete(save.tabId, save.id);
      return {};
    },
    async generatorSuggest({ rules }, sender) {
      return { password: generateForField(rules, new URL(webPage(sender).origin).hostname) };
    },
  };
}

/** The sender's tab and web origin. @throws VaultError `forbidden` for anything but an http(s) page in a tab */
function webPage(sender: Sender): { tabId: number; origin: string; url: string } {
  let url: URL | null = null;
  try {
    url = sender.url === undefined ? null : new URL(sender.url);
  } catch {
    url = null;
  }
  if (!url || sender.tabId === undefined || (url.protocol !== 'https:' && url.protocol !== 'http:')) {
    throw new VaultError('forbidden', 'This request is only allowed from a web page.');
  }
  return { tabId: sender.tabId, origin: url.origin, url: `${url.origin}${url.pathname}` };
}

/** A new login's title: the host without a leading `www.`. */
function titleFor(origin: string): string {
  return new URL(origin).hostname.replace(/^www\./, '');
}

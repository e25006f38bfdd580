/**
 * The background's half of "save login / update password". A submitted form becomes the tab's pending save
 * (memory only, see pending-saves); the background then shows the bar in that frame, or in the top frame of the
 * page the submit led to, by injecting the prompts script there (platform.showPrompt). Save re-decides against
 * the vault as it is then and writes through create-item or update-item (which keeps the password history and
 * records `item-created` / `item-edited`), under the name and folder chosen in the bar; Edit opens the vault
 * page's editor with the values waiting under a one-time token (save-drafts). Logins shared with this vault
 * take part in the decision: what came from a share is never saved as an own item (S3); a change to one held
 * with an edit grant is proposed to its owner instead (propose-shared-login). The generator's handlers are in
 * create-generator-handlers. The origin, tab and frame always come from the browser's sender information,
 * never from the message.
 */
import { decideSave, type ReceivedLogin, type SaveDecision } from './decide-save';
import { MAX_BAR_FOLDERS, type autofillSaveMessages, type SaveOffer } from '../autofill-save-messages';
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
import { createGeneratorHandlers } from './create-generator-handlers';
import { neverSaveTag } from './never-save-tag';
import { PendingSaves, type PendingSave } from './pending-saves';
import { proposeSharedLogin } from './propose-shared-login';
import { SaveDrafts, type SaveDraft } from './save-drafts';
import { sharedCredentialGroups } from './shared-credential-groups';
import { suggestTitle } from './suggest-title';
import { findReceivedSharesBySite } from '../../sharing/recipient/find-received-by-site';
import { siteOf } from '../../vault/records/blind-index';
import { webPage, type Sender } from './web-page-sender';
import type { Item, LoginInput } from '../../vault/model/item-schema';


/** The decision, or none because the user chose "never for this site". */
type Decision = SaveDecision | { action: 'none'; reason: 'never-here' };

/** What the composition root wires in from other features. */
export interface SaveHooks {
  /** After a proposal to a shared login's owner was queued: send it now (sharing's sync) rather than at the next poll. */
  afterProposal?: () => Promise<void>;
  /**
   * Other logins this vault holds for someone else (shared folders'), per registrable domain: a password that
   * came from one is never saved as the user's own (S3), as for received shares.
   */
  moreReceived?: (vault: UnlockedVault, site: string) => Promise<ReceivedLogin[]>;
}

/**
 * Builds the save flow's handlers. Reporting a submit and asking for an offer do not count as activity
 * (a page can submit forms on its own; it must not keep the vault unlocked); Save and Never do.
 * @returns the handlers; their pending saves live as long as this background does
 */
export function createSaveHandlers(ctx: HandlerContext<CoreDeps & AutofillDeps>, hooks: SaveHooks = {}): HandlersOf<typeof autofillSaveMessages> {
  const { deps, session } = ctx;
  const pending = new PendingSaves();
  const drafts = new SaveDrafts();
  session.onEnd(() => drafts.clear());

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
    if (decision.action === 'update') return { id: save.id, action: 'update', host, username };
    return { id: save.id, action: 'save', host, username, title: suggestTitle(save.pageTitle, host) };
  };

  /** Shows the bar for `offer` in one frame of the save's tab; a frame that is gone shows nothing. */
  const show = async (save: PendingSave, frameId: number, offer: SaveOffer | null): Promise<SaveOffer | null> => {
    if (offer) await deps.autofill.showPrompt(save.tabId, frameId, { kind: 'sealpass-prompt', prompt: 'save', offer });
    return offer;
  };

  /** What Save or Edit would write now, named as chosen in the bar; null when nothing is left to do. */
  const draftFor = async (vault: UnlockedVault, save: PendingSave, naming: { title?: string | undefined; folder?: string | undefined }): Promise<{ decision: Decision; draft: SaveDraft | null }> => {
    const decision = await decide(vault, save);
    if (decision.action === 'create') {
      const item: LoginInput = {
        type: 'login',
        title: naming.title?.trim() || suggestTitle(save.pageTitle, new URL(save.origin).hostname),
        username: decision.username,
        password: decision.password,
        urls: [save.url],
        folder: naming.folder?.trim() ?? '',
        notes: '', fields: [], tags: [], favourite: false, totp: '', match: 'origin',
      };
      return { decision, draft: { kind: 'create', item } };
    }
    if (decision.action === 'update') {
      const { content, rev } = await getItem(deps.db, vault, decision.itemId);
      if (content.type !== 'login' || rev !== decision.rev) throw new VaultError('conflict', 'This item changed meanwhile. Nothing was saved.');
      const item: Item = { id: decision.itemId, rev, content: { ...content, username: decision.username, password: decision.password } };
      return { decision, draft: { kind: 'update', item } };
    }
    return { decision, draft: null };
  };

  /** The logins shared with this vault for the origin's site and every site of its shared-credential group. */
  const receivedFor = async (vault: UnlockedVault, origin: string): Promise<ReceivedLogin[]> => {
    const site = siteOf(origin);
    if (!site) return [];
    const lookups = [site, ...(sharedCredentialGroups().get(site) ?? [])];
    const found = await Promise.all(lookups.map((lookup) => findReceivedSharesBySite(deps.db, vault, lookup, deps.now())));
    const more = hooks.moreReceived ? await Promise.all(lookups.map((lookup) => hooks.moreReceived!(vault, lookup))) : [];
    return [...found.flat(), ...more.flat()];
  };

  const decide = async (vault: UnlockedVault, save: PendingSave): Promise<Decision> => {
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
    async saveSubmitted({ submission, pageTitle }, sender) {
      const page = webPage(sender);
      // Kept before any await, so the next page's `savePending` (a later message) always finds it.
      const save = pending.put(page.tabId, page.origin, page.url, submission, deps.now(), pageTitle ?? '');
      return { offer: await show(save, sender.frameId ?? 0, await offerFor(save)) };
    },
    async savePending(_request, sender) {
      // Only the top frame shows the bar of a new page; frames inside it would show it again.
      if (sender.tabId === undefined || sender.frameId !== 0) return { offer: null };
      const save = pending.pageLoaded(sender.tabId, deps.now());
      return { offer: save ? await show(save, 0, await offerFor(save)) : null };
    },
    async saveAccept({ id, title, folder }, sender) {
      const save = offered(sender, id);
      const vault = await ctx.unlocked();
      const { decision, draft } = await draftFor(vault, save, { title, folder });
      const now = deps.now();
      let outcome: 'created' | 'updated' | 'proposed' | 'unchanged' = 'unchanged';
      if (draft?.kind === 'create') {
        await createItem(deps.db, vault, draft.item, now);
        outcome = 'created';
      } else if (draft?.kind === 'update') {
        await updateItem(deps.db, vault, draft.item.id, draft.item.content, now, draft.item.rev);
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
    async saveFolders({ id }, sender) {
      offered(sender, id);
      const vault = await ctx.unlocked();
      const folders = new Set<string>();
      for (const summary of vault.summaries.values()) if (summary.state === 'ok' && summary.folder !== '') folders.add(summary.folder);
      return { folders: [...folders].sort((a, b) => a.localeCompare(b)).slice(0, MAX_BAR_FOLDERS) };
    },
    async saveEdit({ id, title, folder }, sender) {
      const save = offered(sender, id);
      const vault = await ctx.unlocked();
      const { draft } = await draftFor(vault, save, { title, folder });
      if (!draft) throw new VaultError('not-found', 'This login is already saved.');
      pending.delete(save.tabId, save.id);
      await deps.autofill.openEditor(drafts.put(draft, deps.now()));
      return {};
    },
    async saveDraftTake({ token }) {
      await ctx.unlocked();
      const draft = drafts.take(token, deps.now());
      if (!draft) throw new VaultError('not-found', 'This login is no longer waiting to be saved. Submit the form again.');
      return { draft };
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
    ...createGeneratorHandlers(ctx),
  };
}

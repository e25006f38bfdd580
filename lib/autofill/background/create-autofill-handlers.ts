/**
 * The background's autofill handlers (S3, S7): matches for a frame, one credential after a user gesture,
 * the popup's Fill, the keyboard shortcut and context menu (one-time grants), and the inline menu's
 * settings. The origin, tab and frame always come from the browser's sender information, never from a
 * message; the quirks data (shared-credential groups) is read here, never in the content script.
 */
import { findLoginMatches, type LoginMatch, type MoreLogins } from './find-login-matches';
import type { FillRequest, FillSource } from '../fill-request';
import { sharedCredentialGroups } from './shared-credential-groups';
import { MAX_MENU_LOGINS, type autofillMessages, type FillField, type LoginChoice } from '../autofill-messages';
import { clipboardTag } from '../../vault/model/clipboard-tag';
import { MAX_SHORT } from '../../vault/model/item-limits';
import { VaultError } from '../../vault/model/vault-error';
import { generateTotp } from '../../totp/generate-totp';
import { parseTotpSecret } from '../../totp/parse-totp-secret';
import { siteOf } from '../../vault/records/blind-index';
import { recordAuditEvent } from '../../vault/records/record-audit-event';
import type { UnlockedVault } from '../../vault/keys/unlocked-vault';
import { FillGrants } from './fill-grants';
import type { HandlersOf } from '../../messaging/define-message';
import type { AutofillDeps } from './autofill-platform';
import type { CoreDeps } from '../../vault-service/context/core-deps';
import type { HandlerContext } from '../../vault-service/context/handler-context';
import { openNeverShow, sealNeverShow } from './never-show-list';

/** The sender facts a handler receives from dispatchMessage. */
interface Sender {
  tabId?: number;
  frameId?: number;
  url?: string;
}

/** A web frame as the browser reported it. */
interface WebFrame {
  tabId: number;
  frameId: number;
  url: string;
  origin: string;
}

/** What other features add to autofill, wired by the composition root (autofill never imports them). */
export interface AutofillHooks {
  /** Logins another feature offers (shared folders'), found per registrable domain. */
  moreLogins?: MoreLogins;
  /** Told after a login was filled (a folder's "filled" receipt); must not throw. */
  onFilled?: (vault: UnlockedVault, id: string) => void;
}

/**
 * Builds the autofill handlers. Asking for matches does not count as activity (a page can move the focus by
 * itself and must not keep the vault unlocked); filling, and every settings change, do.
 */
export function createAutofillHandlers(ctx: HandlerContext<CoreDeps & AutofillDeps>, hooks: AutofillHooks = {}): HandlersOf<typeof autofillMessages> {
  const { deps, session } = ctx;
  const platform = deps.autofill;
  const grants = new FillGrants();
  /** The frame of each tab that last asked for matches: where the popup's Fill goes when it is the top's origin. */
  const lastFrames = new Map<number, { frameId: number; origin: string }>();

  const isCrossOrigin = async (frame: WebFrame): Promise<boolean> => {
    if (frame.frameId === 0) return false;
    const top = await platform.tabUrl(frame.tabId);
    // Unknown top: treated as another site, which only asks the user once more.
    return top === null || originOf(top) !== frame.origin;
  };

  const matchesFor = (vault: UnlockedVault, url: string): Promise<LoginMatch[]> => findLoginMatches(deps.db, vault, url, sharedCredentialGroups(), deps.now(), hooks.moreLogins);

  /** The menu's list, and the login picked earlier in this tab on this site (multi-step logins), listed first. */
  const choicesFor = async (vault: UnlockedVault, url: string, tabId: number): Promise<{ logins: LoginChoice[]; rememberedId: string | null }> => {
    const matches = await matchesFor(vault, url);
    const memory = await platform.tabMemory.get(tabId);
    const remembered = memory !== null && memory.site === siteOf(url) && matches.some((m) => m.id === memory.id) ? memory.id : null;
    const ordered = [...matches.filter((m) => m.id === remembered), ...matches.filter((m) => m.id !== remembered)];
    const logins = ordered.slice(0, MAX_MENU_LOGINS).map((m) => ({ id: m.id, title: m.content.title, username: m.content.username }));
    return { logins, rememberedId: remembered };
  };

  const neverShow = async (vault: UnlockedVault): Promise<string[]> => openNeverShow(vault, (await platform.prefs.get()).neverShow);
  const saveNeverShow = async (vault: UnlockedVault, origins: string[]): Promise<void> => {
    const prefs = await platform.prefs.get();
    await platform.prefs.set({ ...prefs, neverShow: origins.length === 0 ? null : sealNeverShow(vault, origins) });
  };

  /** Asks a tab to fill with a fresh grant; `frameId` null = every frame, and only the focused one acts. */
  const requestFill = async (tabId: number, frameId: number | null, id: string | null, source: FillSource) => {
    const grant = grants.issue({ tabId, frameId, id }, deps.now());
    const request: FillRequest = { kind: 'sealpass-fill', grant, id, source, requireFocus: frameId === null };
    return platform.requestFill(tabId, request, frameId);
  };

  return {
    async autofillQuery(_request, sender) {
      const frame = webFrame(sender);
      lastFrames.set(frame.tabId, { frameId: frame.frameId, origin: frame.origin });
      // A credential field got the focus: from now on the frame's submits are watched (the prompts script,
      // injected once per document), before the answer lets anything be typed or filled.
      await platform.showPrompt(frame.tabId, frame.frameId, { kind: 'sealpass-prompt', prompt: 'watch' });
      const base = { frameOrigin: frame.origin, crossOrigin: await isCrossOrigin(frame) };
      if (!(await session.isUnlocked())) return { state: 'locked', inlineMenu: false, logins: [], rememberedId: null, ...base };
      const vault = await session.require();
      const inlineMenu = (await platform.prefs.get()).inlineMenu && !(await neverShow(vault)).includes(frame.origin);
      return { state: 'unlocked', inlineMenu, ...(await choicesFor(vault, frame.url, frame.tabId)), ...base };
    },

    async autofillFill({ id, fields, grant, confirmedOrigin }, sender) {
      const frame = webFrame(sender);
      if (grant !== undefined && !grants.claim(grant, { tabId: frame.tabId, frameId: frame.frameId, id }, deps.now())) {
        throw new VaultError('forbidden', 'This fill request has expired. Ask Sealpass to fill again.');
      }
      if ((await isCrossOrigin(frame)) && confirmedOrigin !== frame.origin) {
        throw new VaultError('forbidden', 'Filling a frame from another site needs your confirmation first.');
      }
      const vault = await ctx.unlocked();
      const match = (await matchesFor(vault, frame.url)).find((m) => m.id === id);
      if (!match) throw new VaultError('forbidden', 'This login is not saved for this site.');
      await recordAuditEvent(deps.db, vault, { type: 'item-filled', itemId: id, itemTitle: match.content.title }, deps.now());
      const site = siteOf(frame.url);
      if (site) await platform.tabMemory.set(frame.tabId, { site, id });
      hooks.onFilled?.(vault, id);
      return credentialFor(match, fields, deps.now());
    },

    async autofillCopyTotp({ id }, sender) {
      const frame = webFrame(sender);
      const vault = await ctx.unlocked();
      const match = (await matchesFor(vault, frame.url)).find((m) => m.id === id);
      if (!match) throw new VaultError('forbidden', 'This login is not saved for this site.');
      const code = credentialFor(match, ['totp'], deps.now()).totp;
      // The frame's prompts script copies it (injected there by the menu query already, else now).
      if (code === undefined || !(await platform.showPrompt(frame.tabId, frame.frameId, { kind: 'sealpass-prompt', prompt: 'copy', text: code }))) {
        return { copied: false };
      }
      await recordAuditEvent(deps.db, vault, { type: 'totp-copied', itemId: id, itemTitle: match.content.title }, deps.now());
      await deps.timers.scheduleClipboardClear((await deps.settings.get()).clipboardSeconds, [await clipboardTag(code)]);
      return { copied: true };
    },

    async autofillNeverHere(_request, sender) {
      const frame = webFrame(sender);
      const vault = await ctx.unlocked();
      const origins = await neverShow(vault);
      if (!origins.includes(frame.origin)) await saveNeverShow(vault, [...origins, frame.origin]);
      return {};
    },

    async autofillTabLogins() {
      const vault = await ctx.unlocked();
      const tab = await platform.activeTab();
      const origin = tab === null ? null : originOf(tab.url);
      if (tab === null || origin === null) return { origin: null, logins: [] };
      return { origin, logins: (await choicesFor(vault, tab.url, tab.id)).logins };
    },

    async autofillTabPage() {
      await ctx.unlocked();
      const tab = await platform.activeTab();
      const page = tab === null ? null : pageOf(tab.url, tab.title);
      return { page };
    },

    async autofillFillTab({ id }) {
      const vault = await ctx.unlocked();
      const tab = await platform.activeTab();
      const origin = tab === null ? null : originOf(tab.url);
      if (tab === null || origin === null) throw new VaultError('not-found', 'There is no web page to fill in this window.');
      if (!(await matchesFor(vault, tab.url)).some((m) => m.id === id)) throw new VaultError('forbidden', 'This login is not saved for this site.');
      // The frame where the user last focused a login field, if it shows the top page's origin; else the top frame.
      const last = lastFrames.get(tab.id);
      if (last !== undefined && last.frameId !== 0 && last.origin === origin) {
        const outcome = await requestFill(tab.id, last.frameId, id, 'popup');
        if (outcome !== null) return { outcome };
      }
      return { outcome: (await requestFill(tab.id, 0, id, 'popup')) ?? 'no-form' };
    },

    async autofillSettingsGet() {
      const { inlineMenu } = await platform.prefs.get();
      return { inlineMenu, neverShow: (await session.isUnlocked()) ? await neverShow(await ctx.unlocked()) : null };
    },

    async autofillSettingsSet({ inlineMenu }) {
      await platform.prefs.set({ ...(await platform.prefs.get()), inlineMenu });
      if (await session.isUnlocked()) await ctx.touch();
      return {};
    },

    async autofillNeverShowRemove({ origin }) {
      const vault = await ctx.unlocked();
      await saveNeverShow(vault, (await neverShow(vault)).filter((kept) => kept !== origin));
      return {};
    },

    async autofillCommand({ source, frameId }, sender) {
      if (sender.tabId === undefined || !(await session.isUnlocked())) return { outcome: 'failed' };
      const target = source === 'context-menu' ? (frameId ?? 0) : null;
      return { outcome: (await requestFill(sender.tabId, target, null, source)) ?? 'no-form' };
    },
  };
}

/** Only the values the focused form has room for; the one-time code only when the login has a secret. */
function credentialFor(match: LoginMatch, fields: readonly FillField[], now: number): { username?: string; password?: string; totp?: string } {
  const { content } = match;
  const out: { username?: string; password?: string; totp?: string } = {};
  if (fields.includes('username')) out.username = content.username;
  if (fields.includes('password')) out.password = content.password;
  if (fields.includes('totp') && content.totp !== '') {
    try {
      out.totp = generateTotp(parseTotpSecret(content.totp), now).code;
    } catch {
      // A broken secret fills no code; the item view tells the user to fix it.
    }
  }
  return out;
}

/** The origin of an http(s) URL, else null. */
function originOf(url: string): string | null {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.origin : null;
  } catch {
    return null;
  }
}

/** The sender's web frame. @throws VaultError `forbidden` for anything but an http(s) frame in a tab */
function webFrame(sender: Sender): WebFrame {
  const origin = sender.url === undefined ? null : originOf(sender.url);
  if (origin === null || sender.url === undefined || sender.tabId === undefined || sender.frameId === undefined) {
    throw new VaultError('forbidden', 'This request is only allowed from a web page.');
  }
  return { tabId: sender.tabId, frameId: sender.frameId, url: sender.url, origin };
}

/**
 * A web page as a new login's address and title: origin and path (no query or fragment, which may hold
 * tokens), and the tab's title trimmed to the item limit, or the host when the page has none.
 * @returns null for anything but an http(s) page
 */
function pageOf(url: string, title: string | undefined): { url: string; title: string } | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return null;
  const named = (title ?? '').replace(/\s+/g, ' ').trim();
  return { url: `${parsed.origin}${parsed.pathname}`, title: (named === '' ? parsed.host : named).slice(0, MAX_SHORT) };
}

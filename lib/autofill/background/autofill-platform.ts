/**
 * What the autofill handlers need from the browser beyond the vault: the inline menu's preferences, a
 * per-tab memory for multi-step logins, the tabs' top URLs, a way to ask a tab to fill, the on-demand prompts
 * (save bar, generator menu) injected into a frame, the vault page's editor, and a sealed slot for the
 * generated-password history. The background passes the real one (lib/browser/browser-autofill-platform);
 * tests pass an in-memory one.
 */
import type { Sealed } from '../../crypto/sealed';
import type { FillOutcome, FillRequest } from '../fill-request';
import type { PromptRequest } from '../prompt-request';

/** The inline menu's preferences in `storage.local`: a clear switch, and the never-show list sealed (S1). */
export interface AutofillPrefs {
  /** The global switch: show the inline menu in credential fields. */
  inlineMenu: boolean;
  /** Origins where the inline menu never shows, sealed under the vault key; null when there are none. */
  neverShow: Sealed | null;
}

/** The login picked last in a tab, so the next step of a multi-step login offers it first. No secret. */
export interface TabMemory {
  /** The registrable domain it was picked on. */
  site: string;
  id: string;
}

/** One sealed value in `storage.session` (trusted contexts only; emptied by a lock and at browser start). */
export interface SealedSlot {
  get(): Promise<Sealed | null>;
  set(sealed: Sealed | null): Promise<void>;
}

export interface AutofillPlatform {
  prefs: { get(): Promise<AutofillPrefs>; set(prefs: AutofillPrefs): Promise<void> };
  /** Lives in `storage.session`, which locking empties (S4), and is forgotten when the tab closes. */
  tabMemory: {
    get(tabId: number): Promise<TabMemory | null>;
    set(tabId: number, memory: TabMemory): Promise<void>;
    forget(tabId: number): Promise<void>;
  };
  /** The URL of a tab's top frame; null when unknown. */
  tabUrl(tabId: number): Promise<string | null>;
  /** The active tab of the last focused normal window (the popup's page), with its title when known; null when none. */
  activeTab(): Promise<{ id: number; url: string; title?: string } | null>;
  /**
   * Sends a fill request to a tab: one frame, or every frame when `frameId` is null.
   * @returns what the content script did, or null when no content script answered
   */
  requestFill(tabId: number, request: FillRequest, frameId: number | null): Promise<FillOutcome | null>;
  /**
   * Injects the prompts script into one frame (`scripting.executeScript`, once per document) and asks it to
   * show `request` there.
   * @returns false when the frame is gone or has no page we may script
   */
  showPrompt(tabId: number, frameId: number, request: PromptRequest): Promise<boolean>;
  /** Opens the vault page in a new tab with the editor for a save draft (`vault.html#draft=<token>`). */
  openEditor(token: string): Promise<void>;
  /** The generated-password history, sealed under the vault key. */
  generatedHistory: SealedSlot;
}

/** A persistent set of opaque hex tags (blind-index HMACs), e.g. the origins never to offer saving on. */
export interface TagSetStore {
  has(tag: string): Promise<boolean>;
  add(tag: string): Promise<void>;
}

/** What autofill's handlers need beyond the core (HandlerContext's `D`). */
export interface AutofillDeps {
  /** Filling's browser parts (lib/browser/browser-autofill-platform). */
  autofill: AutofillPlatform;
  /** Origins the user chose "never offer to save" for, as blind tags (S1). */
  neverSave: TagSetStore;
}

/** Inline menu on, no site excluded. */
export const DEFAULT_AUTOFILL_PREFS: AutofillPrefs = { inlineMenu: true, neverShow: null };

/**
 * An in-memory AutofillPlatform for handler tests: preferences and tab memory in maps, tabs described by
 * the test, and every fill request recorded; `answerFill` plays the content script's part.
 */
import type { Sealed } from '../../lib/crypto/sealed';
import type { FillOutcome, FillRequest } from '../../lib/autofill/fill-request';
import type { PromptRequest } from '../../lib/autofill/prompt-request';
import { DEFAULT_AUTOFILL_PREFS, type AutofillPlatform, type AutofillPrefs, type TabMemory } from '../../lib/autofill/background/autofill-platform';

/**
 * Like the browser: storage.local preferences, storage.session tab memory and history, the tabs' top URLs;
 * prompts shown and editors opened are recorded.
 */
export class MemoryAutofillPlatform implements AutofillPlatform {
  storedPrefs: AutofillPrefs = DEFAULT_AUTOFILL_PREFS;
  readonly memory = new Map<number, TabMemory>();
  /** Tab id → top frame URL. */
  readonly tabs = new Map<number, string>();
  /** The tab the popup belongs to. */
  active: number | null = null;
  /** Tab id → title, where the test gives one. */
  readonly titles = new Map<number, string>();
  /** Every request sent to a tab, with its target frame (null = every frame). */
  readonly sent: { tabId: number; request: FillRequest; frameId: number | null }[] = [];
  /** What the content script answers; null = no content script there. */
  answerFill: (tabId: number, request: FillRequest, frameId: number | null) => Promise<FillOutcome | null> = async () => 'filled';

  /** Every prompt the background showed, in order, with its tab and frame. */
  readonly prompts: { tabId: number; frameId: number; request: PromptRequest }[] = [];
  /** Whether a frame can show a prompt (false: gone, or not scriptable). */
  canPrompt: (tabId: number, frameId: number) => boolean = () => true;
  /** Every editor token opened in a vault page, in order. */
  readonly editors: string[] = [];
  /** The sealed history as storage.session would hold it. */
  storedHistory: Sealed | null = null;

  prefs = {
    get: async (): Promise<AutofillPrefs> => structuredClone(this.storedPrefs),
    set: async (prefs: AutofillPrefs): Promise<void> => {
      this.storedPrefs = structuredClone(prefs);
    },
  };

  tabMemory = {
    get: async (tabId: number): Promise<TabMemory | null> => this.memory.get(tabId) ?? null,
    set: async (tabId: number, memory: TabMemory): Promise<void> => {
      this.memory.set(tabId, memory);
    },
    forget: async (tabId: number): Promise<void> => {
      this.memory.delete(tabId);
    },
  };

  async tabUrl(tabId: number): Promise<string | null> {
    return this.tabs.get(tabId) ?? null;
  }

  async activeTab(): Promise<{ id: number; url: string; title?: string } | null> {
    const url = this.active === null ? undefined : this.tabs.get(this.active);
    if (this.active === null || url === undefined) return null;
    const title = this.titles.get(this.active);
    return { id: this.active, url, ...(title === undefined ? {} : { title }) };
  }

  async requestFill(tabId: number, request: FillRequest, frameId: number | null): Promise<FillOutcome | null> {
    this.sent.push({ tabId, request, frameId });
    return this.answerFill(tabId, request, frameId);
  }

  async showPrompt(tabId: number, frameId: number, request: PromptRequest): Promise<boolean> {
    if (!this.canPrompt(tabId, frameId)) return false;
    this.prompts.push({ tabId, frameId, request: structuredClone(request) });
    return true;
  }

  async openEditor(token: string): Promise<void> {
    this.editors.push(token);
  }

  generatedHistory = {
    get: async (): Promise<Sealed | null> => this.storedHistory,
    set: async (sealed: Sealed | null): Promise<void> => {
      this.storedHistory = sealed;
    },
  };
}

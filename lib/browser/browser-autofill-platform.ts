/**
 * The real AutofillPlatform: preferences in `storage.local` (the never-show list sealed, S1), per-tab memory
 * and the sealed generated-password history in `storage.session` (trusted contexts only, emptied by a lock,
 * S4), tab URLs and fill requests through `browser.tabs`, the on-demand prompts through
 * `browser.scripting.executeScript` (the script is not web-accessible: only we can inject it), and the vault
 * page's editor in a new tab. Stored values are validated on read; anything malformed reads as the defaults.
 */
import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import { z } from 'zod';
import { fromBase64, toBase64 } from '../crypto/base64';
import { SEALED_ALG, type Sealed } from '../crypto/sealed';
import type { FillOutcome } from '../autofill/fill-request';
import { PROMPTS_SCRIPT } from '../autofill/prompt-request';
import { fillOutcomeSchema } from '../autofill/autofill-messages';
import { DEFAULT_AUTOFILL_PREFS, type AutofillPlatform, type AutofillPrefs, type TabMemory } from '../autofill/background/autofill-platform';

/** A Sealed object with its bytes as base64, since storage areas keep JSON. */
const storedSealedSchema = z.object({ v: z.literal(1), alg: z.literal(SEALED_ALG), nonce: z.string(), ct: z.string() });
const storedPrefsSchema = z.object({ inlineMenu: z.boolean(), neverShow: storedSealedSchema.nullable() });
type StoredPrefs = z.infer<typeof storedPrefsSchema>;
const tabMemorySchema = z.object({ site: z.string().max(253), id: z.string().max(64) });
const tabMemoriesSchema = z.record(z.string(), tabMemorySchema);

const prefsItem = storage.defineItem<StoredPrefs>('local:autofillPrefs', { fallback: { inlineMenu: true, neverShow: null }, version: 1 });
const tabsItem = storage.defineItem<Record<string, TabMemory>>('session:autofillTabs', { fallback: {} });
const historyItem = storage.defineItem<StoredPrefs['neverShow']>('session:generatedHistory', { fallback: null });

async function readPrefs(): Promise<AutofillPrefs> {
  const parsed = storedPrefsSchema.safeParse(await prefsItem.getValue());
  if (!parsed.success) return DEFAULT_AUTOFILL_PREFS;
  const { inlineMenu, neverShow } = parsed.data;
  try {
    return { inlineMenu, neverShow: neverShow && { ...neverShow, nonce: fromBase64(neverShow.nonce), ct: fromBase64(neverShow.ct) } };
  } catch {
    return { inlineMenu, neverShow: null };
  }
}

function storedSealed(sealed: Sealed | null): StoredPrefs['neverShow'] {
  return sealed && { v: sealed.v, alg: sealed.alg, nonce: toBase64(sealed.nonce), ct: toBase64(sealed.ct) };
}

function sealedFromStore(raw: unknown): Sealed | null {
  const parsed = storedSealedSchema.safeParse(raw);
  if (!parsed.success) return null;
  try {
    return { v: parsed.data.v, alg: parsed.data.alg, nonce: fromBase64(parsed.data.nonce), ct: fromBase64(parsed.data.ct) };
  } catch {
    return null;
  }
}

async function readTabs(): Promise<Record<string, TabMemory>> {
  const parsed = tabMemoriesSchema.safeParse(await tabsItem.getValue());
  return parsed.success ? parsed.data : {};
}

/** The real platform. */
export const browserAutofillPlatform: AutofillPlatform = {
  prefs: {
    get: readPrefs,
    async set(prefs) {
      await prefsItem.setValue({ inlineMenu: prefs.inlineMenu, neverShow: storedSealed(prefs.neverShow) });
    },
  },
  tabMemory: {
    async get(tabId) {
      return (await readTabs())[String(tabId)] ?? null;
    },
    async set(tabId, memory) {
      await tabsItem.setValue({ ...(await readTabs()), [String(tabId)]: memory });
    },
    async forget(tabId) {
      const tabs = await readTabs();
      if (!(String(tabId) in tabs)) return;
      delete tabs[String(tabId)];
      await tabsItem.setValue(tabs);
    },
  },
  async tabUrl(tabId) {
    try {
      return (await browser.tabs.get(tabId)).url ?? null;
    } catch {
      return null;
    }
  },
  async activeTab() {
    // The last focused *normal* window: the popup belongs to it, and a popup opened in a window of its
    // own (a detached popup page) must not pick itself.
    try {
      const window = await browser.windows.getLastFocused({ windowTypes: ['normal'] });
      const [tab] = await browser.tabs.query({ active: true, windowId: window.id });
      if (tab?.id === undefined || tab.url === undefined) return null;
      return { id: tab.id, url: tab.url, ...(tab.title === undefined ? {} : { title: tab.title }) };
    } catch {
      return null;
    }
  },
  async requestFill(tabId, request, frameId): Promise<FillOutcome | null> {
    try {
      const reply: unknown = await browser.tabs.sendMessage(tabId, request, frameId === null ? undefined : { frameId });
      const outcome = fillOutcomeSchema.safeParse(reply);
      return outcome.success ? outcome.data : null;
    } catch {
      // No content script in that frame (a browser page, a frame that navigated away).
      return null;
    }
  },
  async showPrompt(tabId, frameId, request) {
    const ask = async () => (await browser.tabs.sendMessage(tabId, request, { frameId })) === true;
    try {
      // Installed already in this document: it answers. Else inject it (in the extension's isolated world, beside
      // the content script, once per document) and ask again.
      if (await ask().catch(() => false)) return true;
      await browser.scripting.executeScript({ target: { tabId, frameIds: [frameId] }, files: [PROMPTS_SCRIPT] });
      return await ask();
    } catch {
      // The frame is gone, navigated to a page we may not script, or the tab closed.
      return false;
    }
  },
  async openEditor(token) {
    await browser.tabs.create({ url: browser.runtime.getURL(`/vault.html#draft=${token}`) });
  },
  generatedHistory: {
    get: async () => sealedFromStore(await historyItem.getValue()),
    async set(sealed) {
      if (sealed === null) await historyItem.removeValue();
      else await historyItem.setValue(storedSealed(sealed));
    },
  },
};

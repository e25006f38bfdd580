/**
 * The real AutofillPlatform: preferences in `storage.local` (the never-show list sealed, S1), per-tab memory
 * in `storage.session` (trusted contexts only, emptied by a lock, S4), tab URLs and fill requests through
 * `browser.tabs`. Stored values are validated on read; anything malformed reads as the defaults.
 */
import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import { z } from 'zod';
import { fromBase64, toBase64 } from '../crypto/base64';
import { SEALED_ALG, type Sealed } from '../crypto/sealed';
import type { FillOutcome } from '../autofill/fill-request';
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
};

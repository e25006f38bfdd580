/** Search, filter and order of the item list: one pure function, so the popup's search is tested without React. */
import type { ItemSummary } from '../../lib/vault/model/item-schema';

/** What the list is narrowed to. Every member is optional; `{}` lists everything. */
export interface ItemFilter {
  /** Words typed in the search box; every word must appear in the title, username, URL, folder or a tag. */
  query?: string;
  /** `undefined`/`null` = every folder, `''` = only items without a folder, else that exact folder. */
  folder?: string | null;
  favouritesOnly?: boolean;
}

/** The part of the list a user can open. */
export type OkSummary = Extract<ItemSummary, { state: 'ok' }>;

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

/**
 * Lower-cased, accent-free text per summary, built once per object: the 10,000-item target allows
 * about 16 ms per keystroke, and re-normalising every field on every key would spend most of it.
 * Keyed weakly so a reloaded list drops the old entries.
 */
const haystacks = new WeakMap<OkSummary, string>();

/** Folds case and accents so "cafe" finds "Café" and "GITHUB" finds "GitHub". */
export function foldText(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}

function haystack(item: OkSummary): string {
  let text = haystacks.get(item);
  if (text === undefined) {
    text = foldText([item.title, item.username, item.url, item.folder, ...item.tags].join('\n'));
    haystacks.set(item, text);
  }
  return text;
}

/** Favourites first, then by title (case- and accent-insensitive, "Item 2" before "Item 10"); corrupted items last. */
export function compareItems(a: ItemSummary, b: ItemSummary): number {
  if (a.state !== b.state) return a.state === 'ok' ? -1 : 1;
  if (a.state === 'ok' && b.state === 'ok') {
    if (a.favourite !== b.favourite) return a.favourite ? -1 : 1;
    const byTitle = collator.compare(a.title, b.title);
    if (byTitle !== 0) return byTitle;
  }
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * The items to show, in display order. Quarantined (undecryptable) items have no title or folder to
 * match, so they are shown only while no filter is active — the user still sees that they exist (S8).
 * @example filterItems(items, { query: 'git', favouritesOnly: true })
 */
export function filterItems(items: readonly ItemSummary[], filter: ItemFilter = {}): ItemSummary[] {
  const terms = foldText(filter.query ?? '').split(/\s+/).filter((t) => t.length > 0);
  const folder = filter.folder ?? null;
  const favouritesOnly = filter.favouritesOnly ?? false;
  const unfiltered = terms.length === 0 && folder === null && !favouritesOnly;
  const shown = items.filter((item) => {
    if (item.state === 'quarantined') return unfiltered;
    if (favouritesOnly && !item.favourite) return false;
    if (folder !== null && item.folder !== folder) return false;
    if (terms.length === 0) return true;
    const text = haystack(item);
    return terms.every((term) => text.includes(term));
  });
  return shown.sort(compareItems);
}

/** Distinct non-empty folder names, sorted for the folder filter and the editor's suggestions. */
export function listFolders(items: readonly ItemSummary[]): string[] {
  const folders = new Set<string>();
  for (const item of items) if (item.state === 'ok' && item.folder !== '') folders.add(item.folder);
  return [...folders].sort(collator.compare);
}

/** filterItems: search over title, username, URL, folder and tags; folder and favourite filters; display order. */
import { describe, expect, it } from 'vitest';
import { compareItems, filterItems, foldText, listFolders } from '../../../components/items/filter-items';
import type { ItemSummary } from '../../../lib/vault/model/item-schema';

function login(id: string, title: string, extra: Partial<Extract<ItemSummary, { state: 'ok' }>> = {}): ItemSummary {
  return {
    state: 'ok', id, type: 'login', title, username: '', url: '', folder: '', tags: [], favourite: false, updatedAt: 0,
    ...extra,
  };
}

const items: ItemSummary[] = [
  login('1', 'GitHub', { username: 'alice@example.com', url: 'https://github.com/login', folder: 'Work', tags: ['code'] }),
  login('2', 'Bank', { username: 'alice', url: 'https://bank.example', folder: 'Personal', favourite: true }),
  login('3', 'Café Wi-Fi', { type: 'note', tags: ['travel', 'Network'] }),
  login('4', 'Item 10', { folder: 'Work' }),
  login('5', 'item 2', { folder: 'Work', favourite: true }),
  { state: 'quarantined', id: '0' },
];

const ids = (list: ItemSummary[]) => list.map((i) => i.id);

describe('filterItems', () => {
  it('lists everything with no filter: favourites first, then by title (numeric, case-insensitive), corrupted last', () => {
    expect(ids(filterItems(items))).toEqual(['2', '5', '3', '1', '4', '0']);
  });

  it('matches title, username, url, folder and tags, ignoring case', () => {
    expect(ids(filterItems(items, { query: 'GITHUB' }))).toEqual(['1']);
    expect(ids(filterItems(items, { query: 'alice' }))).toEqual(['2', '1']);
    expect(ids(filterItems(items, { query: 'bank.example' }))).toEqual(['2']);
    expect(ids(filterItems(items, { query: 'personal' }))).toEqual(['2']);
    expect(ids(filterItems(items, { query: 'network' }))).toEqual(['3']);
  });

  it('ignores accents and needs every word to match somewhere', () => {
    expect(ids(filterItems(items, { query: 'cafe' }))).toEqual(['3']);
    expect(ids(filterItems(items, { query: 'work code' }))).toEqual(['1']);
    expect(ids(filterItems(items, { query: 'work nothing' }))).toEqual([]);
    expect(ids(filterItems(items, { query: '   ' }))).toEqual(ids(filterItems(items)));
  });

  it('filters by folder, by "no folder" and by favourites, combined with the query', () => {
    expect(ids(filterItems(items, { folder: 'Work' }))).toEqual(['5', '1', '4']);
    expect(ids(filterItems(items, { folder: '' }))).toEqual(['3']);
    expect(ids(filterItems(items, { favouritesOnly: true }))).toEqual(['2', '5']);
    expect(ids(filterItems(items, { folder: 'Work', favouritesOnly: true, query: 'item' }))).toEqual(['5']);
  });

  it('shows corrupted items only while no filter is active', () => {
    expect(ids(filterItems(items, { query: 'corrupted' }))).not.toContain('0');
    expect(ids(filterItems(items, { favouritesOnly: true }))).not.toContain('0');
    expect(ids(filterItems(items, { folder: null, query: '' }))).toContain('0');
  });

  it('does not modify its input', () => {
    const copy = structuredClone(items);
    filterItems(items, { query: 'a' });
    expect(items).toEqual(copy);
  });

  it('finds items in a 10,000-item vault', () => {
    const many = Array.from({ length: 10_000 }, (_, i) => login(String(i), `Site ${i}`, { url: `https://s${i}.example` }));
    expect(ids(filterItems(many, { query: 's9999.example' }))).toEqual(['9999']);
  });
});

describe('compareItems', () => {
  it('breaks title ties by id so the order is stable', () => {
    expect(compareItems(login('a', 'Same'), login('b', 'same'))).toBeLessThan(0);
    expect(compareItems(login('b', 'Same'), login('a', 'same'))).toBeGreaterThan(0);
  });
});

describe('listFolders', () => {
  it('returns distinct non-empty folders in order', () => {
    expect(listFolders(items)).toEqual(['Personal', 'Work']);
  });
});

describe('foldText', () => {
  it('lower-cases and strips accents', () => {
    expect(foldText('ÉCOLE Über')).toBe('ecole uber');
  });
});

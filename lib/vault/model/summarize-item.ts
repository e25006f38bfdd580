/** The list row of an item: what search and the list show, never a password or notes. */
import type { ItemContent, ItemSummary } from './item-schema';

/** Builds the `ok` summary of a decrypted item. */
export function summarizeItem(id: string, content: ItemContent): ItemSummary {
  return {
    state: 'ok',
    id,
    type: content.type,
    title: content.title,
    username: content.type === 'login' ? content.username : '',
    url: content.type === 'login' ? (content.urls[0] ?? '') : '',
    folder: content.folder,
    tags: content.tags,
    favourite: content.favourite,
    updatedAt: content.updatedAt,
  };
}

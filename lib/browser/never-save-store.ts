/**
 * The origins where the user chose "never offer to save", in `storage.local` as blind tags only
 * (HMAC-SHA256 under the vault's index key, see lib/vault-service/never-save-tag), so the stored list
 * names no site (S1) and reads as nothing without the vault key.
 */
import { storage } from 'wxt/utils/storage';
import { z } from 'zod';
import type { TagSetStore } from '../autofill/background/autofill-platform';

/** Most tags kept; the oldest go first past it. */
const MAX_NEVER_SAVE_TAGS = 5_000;

const tagsSchema = z.array(z.string().regex(/^[0-9a-f]{64}$/)).max(MAX_NEVER_SAVE_TAGS);
const item = storage.defineItem<string[]>('local:neverSave', { fallback: [], version: 1 });

/** Reads the stored list; anything that fails validation reads as empty (bad input never breaks saving). */
async function readTags(): Promise<string[]> {
  const parsed = tagsSchema.safeParse(await item.getValue());
  return parsed.success ? parsed.data : [];
}

/** The real never-save list over `storage.local`. */
export const neverSaveStore: TagSetStore = {
  async has(tag) {
    return (await readTags()).includes(tag);
  },
  async add(tag) {
    const tags = (await readTags()).filter((kept) => kept !== tag);
    tags.push(tag);
    await item.setValue(tagsSchema.parse(tags.slice(-MAX_NEVER_SAVE_TAGS)));
  },
};

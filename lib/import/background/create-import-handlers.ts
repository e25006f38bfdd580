/**
 * The background's import handlers: writes what the vault page parsed (lib/vault/items/import-items),
 * telling open pages how far it got, and answers with counts only; compares duplicates' passwords,
 * answering same or not only.
 */
import type { HandlersOf } from '../../messaging/define-message';
import { importItems } from '../../vault/items/import-items';
import { compareImportPasswords } from './compare-import-passwords';
import type { ImportProgress } from '../../vault/model/import-entry';
import type { CoreDeps } from '../../vault-service/context/core-deps';
import type { HandlerContext } from '../../vault-service/context/handler-context';
import type { importMessages } from '../import-messages';

/** What import's handler needs beyond the core (HandlerContext's `D`). */
export interface ImportDeps {
  /** Tells open extension pages how far a running import got; absent, imports run without reports. */
  notifyImportProgress?: (progress: ImportProgress) => Promise<void>;
}

/**
 * @param ctx - the shared session and platform parts
 * @returns the `itemImport` and `itemImportCompare` handlers
 */
export function createImportHandlers(ctx: HandlerContext<CoreDeps & ImportDeps>): HandlersOf<typeof importMessages> {
  return {
    async itemImport({ entries }) {
      const vault = await ctx.unlocked();
      const { added, replaced } = await importItems(ctx.deps.db, vault, entries, ctx.deps.now(), ctx.deps.notifyImportProgress);
      // A large import takes a while: it counts as activity at its end too.
      await ctx.touch();
      return { added: added.length, replaced: replaced.length };
    },
    async itemImportCompare({ pairs }) {
      const vault = await ctx.unlocked();
      return { same: await compareImportPasswords(ctx.deps.db, vault, pairs) };
    },
  };
}

/**
 * The background's import handler: writes what the vault page parsed (lib/vault/import-items), telling
 * open pages how far it got, and answers with counts only.
 */
import { importItems } from '../../vault/items/import-items';
import type { FeatureHandlers, HandlerContext } from '../../vault-service/context/handler-context';

/**
 * @param ctx - the shared session and platform parts
 * @returns the `itemImport` handler
 */
export function createImportHandlers(ctx: HandlerContext): FeatureHandlers<'itemImport'> {
  return {
    async itemImport({ entries }) {
      const vault = await ctx.unlocked();
      const { added, replaced } = await importItems(ctx.deps.db, vault, entries, ctx.deps.now(), ctx.deps.notifyImportProgress);
      // A large import takes a while: it counts as activity at its end too.
      await ctx.touch();
      return { added: added.length, replaced: replaced.length };
    },
  };
}

/**
 * Deleting an item you shared ends every live share of it, as a revoke for everyone would: a deleted item
 * must not live on in other people's vaults until its expiry. Undo restores the item, not the shares. For a
 * vault without a sharing identity, or an item never shared, this costs one read of the grants.
 */
import type { VaultDb } from '../../db/vault-db';
import type { UnlockedVault } from '../../vault/keys/unlocked-vault';
import { loadGrants } from '../store/sharing-records';
import { withIdentity } from '../store/read-identity';
import { revokeGrants } from './revoke-grants';
import { withSharingLock } from '../store/sharing-lock';

/**
 * @param itemId - the item just deleted
 * @param itemTitle - its title, for the audit log
 * @param now - ms since epoch
 * @returns how many grants were revoked (the revokes go out with the next sync)
 */
export async function revokeDeletedItemShares(db: VaultDb, vault: UnlockedVault, itemId: string, itemTitle: string | undefined, now: number): Promise<number> {
  // A damaged grant cannot be matched to the item; revokeGrants leaves it as it is.
  const { records: grants } = await loadGrants(db, vault);
  const live = grants.some((g) => g.grant.itemId === itemId && (g.grant.state === 'pending' || g.grant.state === 'accepted'));
  if (!live) return 0;
  return withSharingLock(vault, () => withIdentity(db, vault, ({ identity }) => revokeGrants(db, vault, identity, itemId, undefined, itemTitle, now)));
}

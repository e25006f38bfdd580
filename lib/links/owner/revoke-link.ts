/** Revokes one of the owner's links (issue 14): the relay deletes its content, the record says revoked, the audit log says so. */
import { withIdentity } from '../../sharing/store/read-identity';
import type { UnlockedVault } from '../../vault/keys/unlocked-vault';
import { VaultError } from '../../vault/model/vault-error';
import { getSealedRecord } from '../../sharing/store/load-sealed-records';
import type { LinksContext } from '../links-context';
import { relayFailure } from '../relay-failure';
import { commitLinks } from '../store/commit-links';
import { openLink, sealLink } from '../store/stored-link';
import { ownerClient } from './owner-client';
import { notListed } from '../store/load-link-records';

/** @throws VaultError not-found (no such link), corrupted, or a relay failure (the record is then unchanged) */
export async function revokeLink(ctx: LinksContext, vault: UnlockedVault, id: string): Promise<void> {
  const found = await getSealedRecord(ctx.db.links, id, (record) => openLink(vault, record), notListed);
  if (found.state === 'absent') throw new VaultError('not-found', 'That link no longer exists.');
  if (found.state === 'damaged') throw new VaultError('corrupted', 'This link’s record is damaged and cannot be opened.');
  const link = found.record;
  await withIdentity(ctx.db, vault, (opened) => ownerClient(opened, ctx).revokeLink(id)).catch(relayFailure);
  const now = ctx.now();
  await commitLinks(
    ctx.db,
    vault,
    { links: { put: [sealLink(vault, { ...link, state: link.state === 'active' ? 'revoked' : link.state, checkedAt: now })] }, audit: [{ type: 'link-revoked', ...(link.itemId ? { itemId: link.itemId } : {}), itemTitle: link.title }] },
    now,
  );
}

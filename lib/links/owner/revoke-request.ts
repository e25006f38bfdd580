/** Withdraws a secret request (issue 14): the relay takes no more answers and drops its descriptor. */
import { getSealedRecord } from '../../sharing/store/load-sealed-records';
import { withIdentity } from '../../sharing/store/read-identity';
import type { UnlockedVault } from '../../vault/keys/unlocked-vault';
import { VaultError } from '../../vault/model/vault-error';
import type { LinksContext } from '../links-context';
import { relayFailure } from '../relay-failure';
import { commitLinks } from '../store/commit-links';
import { openRequest, sealRequest } from '../store/stored-request';
import { ownerClient } from './owner-client';
import { notListed } from '../store/load-link-records';

/** @throws VaultError not-found, corrupted, or a relay failure (the record is then unchanged) */
export async function revokeRequest(ctx: LinksContext, vault: UnlockedVault, id: string): Promise<void> {
  const found = await getSealedRecord(ctx.db.secretRequests, id, (record) => openRequest(vault, record), notListed);
  if (found.state === 'absent') throw new VaultError('not-found', 'That request no longer exists.');
  if (found.state === 'damaged') throw new VaultError('corrupted', 'This request’s record is damaged and cannot be opened.');
  const request = found.record;
  await withIdentity(ctx.db, vault, (opened) => ownerClient(opened, ctx).revokeRequest(id)).catch(relayFailure);
  const now = ctx.now();
  await commitLinks(
    ctx.db,
    vault,
    { requests: { put: [sealRequest(vault, { ...request, state: request.state === 'active' ? 'revoked' : request.state, checkedAt: now })] }, audit: [{ type: 'request-revoked', itemTitle: request.label }] },
    now,
  );
}

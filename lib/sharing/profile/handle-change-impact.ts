/**
 * What changing the sharing handle breaks, counted before the user decides (issue 17: "say exactly what
 * breaks"): contacts pinned the old handle and must add the new one (the safety number changes with it);
 * open shares this vault made stop getting receipts and edits back until then; copies others shared with
 * this vault stop getting updates and revokes until the owner shares again to the new handle.
 */
import type { VaultDb } from '../../db/vault-db';
import type { UnlockedVault } from '../../vault/keys/unlocked-vault';
import { grantIsLive, receivedShareIsLive } from '../grants/grant';
import { loadContacts, loadGrants, loadReceived } from '../store/sharing-records';

/** Counts of what depends on the current handle. */
export interface HandleChangeImpact {
  contacts: number;
  /** Pending or accepted shares this vault made, not past their end. */
  openShares: number;
  /** Live copies shared with this vault (pending or accepted). */
  received: number;
}

/**
 * Opens every sharing record once (a few hundred at most).
 * @param now - ms since epoch
 */
export async function handleChangeImpact(db: VaultDb, vault: UnlockedVault, now: number): Promise<HandleChangeImpact> {
  const [contacts, grants, received] = await Promise.all([loadContacts(db, vault), loadGrants(db, vault), loadReceived(db, vault)]);
  return {
    contacts: contacts.records.length,
    openShares: grants.records.filter((stored) => grantIsLive(stored.grant, now)).length,
    received: received.records.filter((stored) => stored.status === 'live' && stored.share.state !== 'declined' && receivedShareIsLive(stored.share, now)).length,
  };
}

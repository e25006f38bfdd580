/** What processIncoming checks an envelope against, read fresh from the sealed tables (a few hundred small records). */
import type { VaultDb } from '../../db/vault-db';
import type { UnlockedVault } from '../../vault/keys/unlocked-vault';
import type { Identity } from '../identity/identity';
import { loadContacts, loadGrants, loadReceived } from '../store/sharing-records';
import { shareIdOf } from '../store/stored-received';
import type { IncomingState } from './process-incoming';

/** @param me - the opened identity (the caller wipes it) */
export async function loadIncomingState(db: VaultDb, vault: UnlockedVault, me: Identity): Promise<IncomingState> {
  const grants = await loadGrants(db, vault);
  const received = await loadReceived(db, vault);
  return {
    me,
    // A damaged contact record cannot be matched to its sender: their envelopes are treated as from someone new.
    contacts: (await loadContacts(db, vault)).records,
    grants: new Map(grants.records.map((stored) => [stored.grant.shareId, stored])),
    received: new Map(received.records.map((stored) => [shareIdOf(stored), stored])),
    damaged: new Set([...grants.damaged, ...received.damaged]),
    titleOf: (itemId) => {
      const row = vault.summaries.get(itemId);
      return row?.state === 'ok' ? row.title : undefined;
    },
  };
}

/**
 * "Propose update to the owner": a new password for a login shared with an edit grant goes back to its owner
 * through the recipient's edit-proposal path (lib/sharing/recipient/propose-edit), sealed to the owner's
 * pinned key. The recipient's copy changes only when the owner's client accepts it and sends a new version;
 * nothing is written to the recipient's own items (S3).
 */
import type { VaultDb } from '../../db/vault-db';
import { proposeEdit } from '../../sharing/recipient/propose-edit';
import { withIdentity } from '../../sharing/store/read-identity';
import { withSharingLock } from '../../sharing/store/sharing-lock';
import type { ItemInput } from '../../vault/model/item-schema';
import type { UnlockedVault } from '../../vault/keys/unlocked-vault';
import type { SaveDecision } from './decide-save';

/**
 * Sends the proposal from the version the decision saw.
 * @param decision - a `propose` decision of decideSave
 * @param now - ms since epoch
 * @throws VaultError as proposeEdit: `forbidden` (no edit grant any more), `conflict` (a newer version arrived
 *   meanwhile), `not-found` (the copy or the sharing identity is gone)
 */
export async function proposeSharedLogin(db: VaultDb, vault: UnlockedVault, decision: Extract<SaveDecision, { action: 'propose' }>, now: number): Promise<void> {
  const { content, id, rev } = decision.shared;
  // Every field as shared, so that the proposal changes the username and password only.
  const input: ItemInput = {
    type: 'login',
    title: content.title,
    notes: content.notes,
    fields: content.fields,
    folder: content.folder,
    tags: content.tags,
    favourite: content.favourite,
    username: decision.username,
    password: decision.password,
    urls: content.urls,
    totp: content.totp,
    match: content.match,
  };
  await withSharingLock(vault, () => withIdentity(db, vault, ({ identity }) => proposeEdit(db, vault, identity, id, input, rev, now)));
}

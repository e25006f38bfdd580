/**
 * The recipient accepts a request (an offer from a handle that was not a contact when it arrived, T02):
 * only once that handle is a VERIFIED contact (contact code, or a compared safety number), and never for
 * this vault's own handle (T06). The envelope is then opened with the pinned keys like any other: if it
 * does not open with them (the relay forged it with a key of its own) or is no longer valid, the request
 * is removed and the refusal shown; if it does, it becomes a received copy and is accepted at once, with
 * its receipts to the owner. Run it under withSharingLock.
 */
import type { VaultDb } from '../../db/vault-db';
import { VaultError } from '../../vault/model/vault-error';
import type { UnlockedVault } from '../../vault/keys/unlocked-vault';
import type { OpenedIdentity } from '../store/read-identity';
import { commitSharing } from '../store/commit-sharing';
import { requireRecord } from '../store/load-sealed-records';
import { receivedItemId } from '../store/received-item-id';
import { sealProfile, withRefusal } from '../store/sharing-profile';
import { getRequest, loadContacts } from '../store/sharing-records';
import { loadIncomingState } from '../sync/load-incoming-state';
import { processIncoming } from '../sync/process-incoming';
import { answerShare } from './answer-share';

/**
 * @param opened - my identity, its profile and its stored row (the caller wipes the keys)
 * @param id - the request's id
 * @param now - ms since epoch
 * @throws VaultError `not-found`, `corrupted` (the request record is damaged), `forbidden` (the sender is
 *   not a verified contact; or the envelope did not open with their keys or was refused: removed then)
 */
export async function acceptRequest(db: VaultDb, vault: UnlockedVault, opened: OpenedIdentity, id: string, now: number): Promise<void> {
  const request = requireRecord(await getRequest(db, vault, id), {
    absent: 'That request no longer exists.',
    damaged: 'This request is damaged and cannot be opened. Your other shares are fine.',
  });
  const { from } = request;
  const sender = (await loadContacts(db, vault)).records.find((c) => c.contact.handle === from);
  if (from === opened.identity.handle || sender?.contact.state !== 'verified') {
    throw new VaultError('forbidden', `Verify ${from} first: paste their contact code in Contacts, or add them there and compare safety numbers.`);
  }
  const outcome = processIncoming(await loadIncomingState(db, vault, opened.identity), request, now);
  if (outcome.refusal !== null || outcome.received === null) {
    const profile = withRefusal(opened.profile, now, outcome.refusal ?? 'not-permitted');
    await commitSharing(db, vault, { identity: { ...opened.record, profile: sealProfile(vault, profile) }, removeRequests: [id] }, now);
    throw new VaultError('forbidden', `This request was not signed with the verified keys of ${from}, or is no longer valid. It was removed.`);
  }
  await commitSharing(db, vault, { received: [outcome.received], outbox: outcome.outbox, audit: outcome.audit, removeRequests: [id] }, now);
  // A copy of this share may have come meanwhile from the same contact, and been answered already.
  if (outcome.received.status === 'live' && outcome.received.share.state === 'pending') {
    await answerShare(db, vault, opened.identity, receivedItemId(request.shareId), 'accept', false, now);
  }
}

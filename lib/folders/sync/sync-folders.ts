/**
 * One sync of every folder this vault is a member of (after sharing's sync, on the same alarm and on demand):
 * the log first (fork, rollback and refused entries become alerts, T24), then what the log says about me
 * (removed, left, access ended, folder deleted: the local copy's items go, as a single share's copy goes at
 * its end, and the record stays to say why), then a manager's automatic rotation (someone left, or an access
 * ended by date) and any folder key it still owes a member, then the messages with the apply rule, then "delivered" receipts for what others changed are queued and the
 * queued receipts (opened and filled too) go out as ONE batch message (post-receipt).
 * One folder failing (relay down, a damaged record) does not stop the others (S8).
 */
import { RelayError } from '../../relay-protocol/relay-error';
import type { RelayClient } from '../../relay-protocol/relay-client';
import { relayProblemText } from '../../sharing/profile/relay-problem-text';
import type { Identity } from '../../sharing/identity/identity';
import type { OutboxOp } from '../../sharing/store/outbox-op';
import type { UnlockedVault } from '../../vault/keys/unlocked-vault';
import { VaultError } from '../../vault/model/vault-error';
import type { AuditPayload } from '../../vault/records/audit-chain';
import { accessEndedAt } from '../format/log/folder-state-queries';
import { emptyAppliedFolder } from '../format/messages/applied-folder';
import type { FoldersContext } from '../folders-context';
import { withFolderSession } from '../member/folder-session';
import { myFingerprint } from '../member/my-fingerprint';
import { flushReceipts, queueReceipts } from '../member/post-receipt';
import { refreshLog } from '../member/refresh-log';
import { withAlert } from '../member/with-alert';
import { rotateIfNeeded } from '../owner/rotate-folder-key';
import { confirmFolderCreate } from '../owner/create-folder';
import { folderRelayFailure } from '../member/folder-relay-failure';
import { keysOwed } from '../owner/keys-owed';
import { keyEnvelopes } from '../owner/key-envelopes';
import { folderKeyAt } from '../member/folder-key-at';
import { wipe } from '../../crypto/wipe';
import { commitFolders } from '../store/commit-folders';
import { loadFolders } from '../store/folder-records';
import { requireFolder } from '../store/require-folder';
import type { StoredFolder } from '../store/stored-folder';
import { pullMessages } from '../member/pull-messages';

export interface FoldersSyncOutcome {
  synced: number;
  /** One line per folder that could not be synced, in words safe to show. */
  errors: string[];
}

/**
 * Syncs every folder where this vault is a member, in ONE relay session (one signed session opening, then
 * MAC'd calls) and one turn of the sharing lock for the whole run, rather than one per folder.
 */
export async function syncFolders(ctx: FoldersContext, vault: UnlockedVault): Promise<FoldersSyncOutcome> {
  const outcome: FoldersSyncOutcome = { synced: 0, errors: [] };
  const { records } = await loadFolders(ctx.db, vault);
  if (!records.some((listed) => listed.status === 'member')) return outcome;
  const problem = (error: unknown): string => {
    if (error instanceof RelayError) return relayProblemText(error);
    if (error instanceof VaultError && error.code !== 'locked') return error.message;
    throw error;
  };
  try {
    await withFolderSession(ctx, vault, async ({ me, relay }) => {
      for (const listed of records) {
        if (listed.status !== 'member') continue;
        try {
          await syncFolder(ctx, vault, me, relay, listed.folderId);
          outcome.synced++;
        } catch (error) {
          outcome.errors.push(`${listed.name}: ${problem(error)}`);
        }
      }
    });
  } catch (error) {
    // The session itself could not start (sharing not set up): no folder was synced.
    outcome.errors.push(problem(error));
  }
  return outcome;
}

/** Syncs one folder; run inside a folder session. @throws RelayError, VaultError */
export async function syncFolder(ctx: FoldersContext, vault: UnlockedVault, me: Identity, relay: RelayClient, folderId: string): Promise<void> {
  const now = ctx.now();
  let stored = await requireFolder(ctx.db, vault, folderId);
  if (stored.status !== 'member') return;
  if (stored.createPending) stored = await confirmPendingCreate(ctx, vault, relay, stored, now);
  let refresh;
  try {
    refresh = await refreshLog(relay, stored, now);
  } catch (error) {
    // The relay no longer lists me (removed, or the relay says so): nothing new can reach me either way.
    // Its word is not verified, so the copy is kept and the view says what happened.
    if (!(error instanceof RelayError) || error.details.code !== 'not-found') throw error;
    const detail = 'The relay no longer serves this folder to you: you were most likely removed. Nothing added or changed since can reach you.';
    return commitFolders(ctx.db, vault, { folders: [{ ...withAlert(stored, { kind: 'withheld', at: now, detail }), syncedAt: now }] }, now);
  }
  let folder = refresh.folder;
  if (refresh.problem) return commitFolders(ctx.db, vault, { folders: [{ ...folder, syncedAt: now }] }, now);
  const ended = endOf(folder, myFingerprint(me), now);
  if (ended) {
    const audit: (Omit<AuditPayload, 'at'>)[] = ended === 'deleted' ? [{ type: 'folder-deleted', itemTitle: folder.name }] : [];
    return commitFolders(ctx.db, vault, { folders: [{ ...folder, status: ended, applied: emptyAppliedFolder(), keys: [], syncedAt: now }], audit }, now);
  }
  const outbox: OutboxOp[] = [];
  const audit: Omit<AuditPayload, 'at'>[] = [];
  if (folder.state.members[myFingerprint(me)]?.role === 'manager') {
    try {
      const rotation = await rotateIfNeeded(me, relay, folder, now, (pending) => commitFolders(ctx.db, vault, { folders: [pending] }, now));
      folder = rotation.folder;
      outbox.push(...rotation.outbox);
      for (const handle of rotation.ended) audit.push({ type: 'folder-member-removed', itemTitle: folder.name, party: handle });
      if (rotation.rotated) audit.push({ type: 'folder-key-rotated', itemTitle: folder.name });
    } catch (error) {
      // Another manager got there first, or the log keeps moving: the next sync tries again; the messages still come in.
      if (!(error instanceof VaultError)) throw error;
      // A key stored as pending before a failed append stays stored, for the next refresh to adopt or drop.
      folder = { ...folder, pendingKey: (await requireFolder(ctx.db, vault, folderId)).pendingKey };
    }
  }
  const owed = keysOwed(folder, myFingerprint(me));
  const key = owed.length > 0 ? folderKeyAt(folder, folder.state.epoch) : null;
  if (key) {
    try {
      const delivery = keyEnvelopes(me, myFingerprint(me), folder, key, owed, now);
      folder = delivery.folder;
      outbox.push(...delivery.outbox);
    } finally {
      wipe(key);
    }
  }
  let pulled = await pullMessages(me, relay, folder, now, stored.state);
  folder = pulled.folder;
  folder = queueReceipts(folder, myFingerprint(me), pulled.changedByOthers.map(({ itemId, rev }) => ({ itemId, rev, event: 'delivered' as const, at: now })));
  // Best effort: receipts that cannot go out now stay queued for the next sync.
  const flushed = await flushReceipts(me, relay, folder, now);
  folder = flushed.folder;
  if (flushed.posted) {
    pulled = await pullMessages(me, relay, folder, now, folder.state);
    folder = pulled.folder;
  }
  await commitFolders(ctx.db, vault, { folders: [{ ...folder, syncedAt: now }], outbox, audit }, now);
}

/**
 * A folder whose creation answer was lost: asked again with the same entry (created now, or `created: false`
 * when the relay had stored it), and kept. A relay that refuses it outright (4xx) never stored it: the record
 * goes, and the sync reports why.
 * @returns the confirmed folder (committed)
 * @throws VaultError `internal` when the relay still does not answer (the record stays pending), or with the
 *   refusal's words once the record is removed
 */
async function confirmPendingCreate(ctx: FoldersContext, vault: UnlockedVault, relay: RelayClient, stored: StoredFolder, now: number): Promise<StoredFolder> {
  const outcome = await confirmFolderCreate(relay, stored);
  if (outcome === 'unknown') throw new VaultError('internal', 'The relay has not confirmed this new folder yet; the next sync asks again.');
  if ('refused' in outcome) {
    await commitFolders(ctx.db, vault, { remove: [stored.folderId] }, now);
    return folderRelayFailure(outcome.refused);
  }
  await commitFolders(ctx.db, vault, { folders: [outcome.folder], audit: [{ type: 'folder-created', itemTitle: stored.name }] }, now);
  return outcome.folder;
}

/** Why this member's copy ends now, or null while it lasts. */
function endOf(folder: StoredFolder, me: string, now: number): Exclude<StoredFolder['status'], 'member'> | null {
  const { state } = folder;
  if (state.deleted) return 'deleted';
  const mine = Object.hasOwn(state.members, me) ? state.members[me] : undefined;
  if (!mine) return 'removed';
  return accessEndedAt(mine.accessEndsAt, now) ? 'ended' : null;
}

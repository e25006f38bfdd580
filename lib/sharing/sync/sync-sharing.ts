/**
 * One sync with the relay (on the one-minute alarm and on demand): expire what is due, queue updates for
 * edited items, send the outbox, read the mailbox page by page (each envelope processed and committed
 * together with its mark in the profile, so an entry listed again after a crash or a failed
 * acknowledgement is skipped and nothing is lost), acknowledge what was read (the relay deletes it),
 * then send what the mailbox produced (receipts, updates after an applied edit), and count the sharing
 * records that do not open for the status (S8: each step skips them and goes on; an envelope for a share
 * whose record is damaged is refused, not applied over it). The mailbox is read from its start every time
 * rather than after a stored id: ids from a relay that lost its data, or committed out of order by several
 * PostgreSQL-backed processes, would otherwise be skipped.
 */
import type { VaultDb } from '../../db/vault-db';
import { VaultError } from '../../vault/model/vault-error';
import { RelayError } from '../../relay-protocol/relay-error';
import type { RelayClient } from '../../relay-protocol/relay-client';
import type { MailboxEntry } from '../../relay-protocol/envelope-schemas';
import { wipeIdentity } from '../identity/wipe-identity';
import type { SharingPlatform } from './sharing-platform';
import type { UnlockedVault } from '../../vault/keys/unlocked-vault';
import { applyProposedEdit } from '../owner/apply-proposed-edit';
import { commitSharing } from '../store/commit-sharing';
import type { AuditPayload } from '../../vault/records/audit-chain';
import { envelopeMark } from './envelope-mark';
import { expireShares } from './expire-shares';
import { flushOutbox } from './flush-outbox';
import { loadContacts, loadGrants, loadReceived, loadRequests } from '../store/sharing-records';
import { openRelayClient } from '../profile/open-relay-client';
import { loadIncomingState } from './load-incoming-state';
import { processIncoming } from './process-incoming';
import { queueRequest } from './queue-request';
import type { SharingHooks } from './sharing-hooks';
import { pushItemUpdates } from '../owner/push-item-updates';
import { readIdentity, type OpenedIdentity } from '../store/read-identity';
import { upgradeIdentity } from '../profile/upgrade-identity';
import { relayProblemText } from '../profile/relay-problem-text';
import { withSharingLock } from '../store/sharing-lock';
import { MAX_SEEN_KEPT, openProfile, sealProfile, withRefusal, type DamagedCounts, type SharingProfile } from '../store/sharing-profile';
import { shareIdOf } from '../store/stored-received';

/** Most mailbox pages read in one sync (100 envelopes each); the rest waits for the next one. */
export const MAX_PAGES_PER_SYNC = 10;

/** What a sync leaves for the UI. */
export interface SyncOutcome {
  /** Relay operations still waiting. */
  pendingOps: number;
  lastError: string | null;
  /** Envelopes refused in this sync. */
  refused: number;
  /** Envelopes that changed something. */
  applied: number;
  /** Sharing records that did not open, per table, as counted at the end of the sync. */
  damaged: DamagedCounts;
}

/**
 * @param now - the clock, ms since epoch (read at each step: a sync can take a while)
 * @param hooks - other features' part (folder-key envelopes), from the composition root
 * @returns null when the vault has no sharing identity yet
 */
export async function syncSharing(db: VaultDb, vault: UnlockedVault, platform: SharingPlatform, now: () => number, hooks: SharingHooks = {}): Promise<SyncOutcome | null> {
  const opened = await readUpgradedIdentity(db, vault, now);
  if (!opened) return null;
  const outcome: SyncOutcome = { pendingOps: 0, lastError: null, refused: 0, applied: 0, damaged: { contacts: 0, grants: 0, received: 0 } };
  // One relay session for the whole sync: one Ed25519 signature opens it, every call after is an HMAC.
  const relay = openRelayClient(opened, platform.fetch, now);
  try {
    await withSharingLock(vault, () => expireShares(db, vault, now()));
    await withSharingLock(vault, () => pushItemUpdates(db, vault, opened.identity, now()));
    const first = await flushOutbox(db, vault, relay, opened.profile.registered, now());
    // The registration is a security event (issue 17), recorded with the handle when the relay took it.
    if (first.registered) await updateProfile(db, vault, { registered: true }, now(), [{ type: 'sharing-registered', party: opened.identity.handle }]);
    outcome.lastError = first.error;
    const registered = opened.profile.registered || first.registered;
    if (registered) {
      try {
        await readMailbox(db, vault, opened, relay, now, outcome, hooks);
      } catch (error) {
        if (!(error instanceof RelayError)) throw error;
        outcome.lastError ??= `${relayProblemText(error)}; the mailbox will be read at the next sync.`;
      }
      await withSharingLock(vault, () => pushItemUpdates(db, vault, opened.identity, now()));
      const second = await flushOutbox(db, vault, relay, true, now());
      outcome.lastError ??= second.error;
    }
  } finally {
    relay.close();
    wipeIdentity(opened.identity);
  }
  outcome.pendingOps = await db.outbox.count();
  outcome.damaged = await countDamaged(db, vault);
  await updateProfile(db, vault, { lastSyncAt: now(), lastError: outcome.lastError, damaged: outcome.damaged }, now());
  return outcome;
}

/** The identity, given its X-Wing key first if it was made before bundle v2 (T27); the v2 bundle is queued then. */
async function readUpgradedIdentity(db: VaultDb, vault: UnlockedVault, now: () => number): Promise<OpenedIdentity | null> {
  const opened = await readIdentity(db, vault);
  if (!opened || opened.identity.xwingKey) return opened;
  wipeIdentity(opened.identity);
  await withSharingLock(vault, () => upgradeIdentity(db, vault, now()));
  return readIdentity(db, vault);
}

/** Opens every sharing record once to count those that do not (a few hundred small records at most). */
async function countDamaged(db: VaultDb, vault: UnlockedVault): Promise<DamagedCounts> {
  const [contacts, grants, received] = await Promise.all([loadContacts(db, vault), loadGrants(db, vault), loadReceived(db, vault)]);
  return { contacts: contacts.damaged.length, grants: grants.damaged.length, received: received.damaged.length };
}

/** Reads and processes the mailbox from its start, acknowledging each page once it is processed. */
async function readMailbox(db: VaultDb, vault: UnlockedVault, opened: OpenedIdentity, relay: RelayClient, now: () => number, outcome: SyncOutcome, hooks: SharingHooks): Promise<void> {
  let after = 0;
  for (let pages = 0; pages < MAX_PAGES_PER_SYNC; pages++) {
    const page = await relay.list(after === 0 ? {} : { after });
    const seen = new Set((await currentProfile(db, vault)).seen);
    // A post delivered twice in the same page is kept once: marks are added as they are met.
    const fresh = page.envelopes.filter((entry) => {
      const mark = envelopeMark(entry.postId, entry.envelope);
      if (seen.has(mark)) return false;
      seen.add(mark);
      return true;
    });
    const kept = await withSharingLock(vault, () => processPage(db, vault, opened, fresh, now, outcome, { ...hooks, relay }));
    // An entry a hook could not decide yet stays in the mailbox (unacknowledged, unmarked) for the next sync.
    const ids = page.envelopes.filter((entry) => !kept.has(entry.id)).map((entry) => entry.id);
    // Best effort: an entry left unacknowledged is listed again and skipped by its mark.
    if (ids.length > 0) await relay.ack(ids).catch(() => undefined);
    if (page.next === null || page.envelopes.length === 0) break;
    after = page.next;
  }
}

async function processPage(
  db: VaultDb,
  vault: UnlockedVault,
  opened: OpenedIdentity,
  entries: MailboxEntry[],
  now: () => number,
  outcome: SyncOutcome,
  hooks: SharingHooks & { relay: RelayClient },
): Promise<Set<number>> {
  const kept = new Set<number>();
  if (entries.length === 0) return kept;
  const state = await loadIncomingState(db, vault, opened.identity);
  // Damaged requests are left as they are; a new one for the same share is stored beside them.
  const requests = (await loadRequests(db, vault)).records;
  for (const entry of entries) {
    const at = now();
    let result = processIncoming(state, entry, at);
    if (result.folderKey) {
      const decided = hooks.onFolderKey ? await hooks.onFolderKey({ vault, ...result.folderKey, me: opened.identity, relay: hooks.relay, at }) : 'done';
      if (decided === 'retry') {
        kept.add(entry.id);
        continue;
      }
    }
    if (result.edit) {
      try {
        await applyProposedEdit(db, vault, result.edit.itemId, result.edit.item, at);
      } catch (error) {
        if (!(error instanceof VaultError)) throw error;
        result = { ...result, grant: null, received: null, outbox: [], audit: [], edit: null, refusal: 'not-permitted' };
      }
    }
    const queued = result.request ? queueRequest(requests, result.request, at) : { put: null, remove: [] };
    const refusal = result.request && !queued.put ? 'stale-version' : result.refusal;
    const profile = await currentProfile(db, vault);
    const refusals = refusal === null ? profile.refusals : withRefusal(profile, at, refusal).refusals;
    const record = await db.identity.get('me');
    if (!record) throw new VaultError('not-found', 'The sharing identity was removed during a sync.');
    await commitSharing(db, vault, {
      identity: { ...record, profile: sealProfile(vault, { ...profile, seen: [...profile.seen, envelopeMark(entry.postId, entry.envelope)].slice(-MAX_SEEN_KEPT), refusals }) },
      grants: result.grant ? [result.grant] : [],
      received: result.received ? [result.received] : [],
      requests: queued.put ? [queued.put] : [],
      removeRequests: queued.remove,
      outbox: result.outbox,
      audit: result.audit,
    }, at);
    if (result.grant) state.grants.set(result.grant.grant.shareId, result.grant);
    if (result.received) state.received.set(shareIdOf(result.received), result.received);
    if (queued.put) {
      const put = queued.put;
      const kept = requests.filter((r) => r.id !== put.id && !queued.remove.includes(r.id));
      requests.splice(0, requests.length, ...kept, put);
    }
    if (refusal === null) outcome.applied++;
    else outcome.refused++;
  }
  return kept;
}

async function currentProfile(db: VaultDb, vault: UnlockedVault): Promise<SharingProfile> {
  const record = await db.identity.get('me');
  if (!record) throw new VaultError('not-found', 'The sharing identity was removed during a sync.');
  try {
    return openProfile(vault, record.profile);
  } catch {
    throw new VaultError('corrupted', 'The sharing settings stored in this vault are damaged.');
  }
}

/** Read-modify-write of the profile, under the sharing lock, with audit events in the same commit. */
async function updateProfile(db: VaultDb, vault: UnlockedVault, patch: Partial<SharingProfile>, now: number, audit: Omit<AuditPayload, 'at'>[] = []): Promise<void> {
  await withSharingLock(vault, async () => {
    const profile = await currentProfile(db, vault);
    const record = await db.identity.get('me');
    if (!record) return;
    await commitSharing(db, vault, { identity: { ...record, profile: sealProfile(vault, { ...profile, ...patch }) }, audit }, now);
  });
}

/**
 * Runs one folder operation with the vault's sharing identity (whose key signs log entries and messages) and
 * a relay session for it, queued behind every other sharing and folder task of the vault (a sync applying
 * messages while the user edits could otherwise write back a stale folder). The identity's secret keys are
 * wiped and the session closed afterwards (S3). Relay operations the task queued in sharing's outbox (folder-key
 * envelopes) are sent before the session ends.
 */
import type { Identity } from '../../sharing/identity/identity';
import { openRelayClient } from '../../sharing/profile/open-relay-client';
import { withIdentity } from '../../sharing/store/read-identity';
import { withSharingLock } from '../../sharing/store/sharing-lock';
import { flushOutbox } from '../../sharing/sync/flush-outbox';
import type { RelayClient } from '../../relay-protocol/relay-client';
import type { UnlockedVault } from '../../vault/keys/unlocked-vault';
import type { FoldersContext } from '../folders-context';

/** What a folder task gets. */
export interface FolderSession {
  me: Identity;
  relay: RelayClient;
}

/**
 * @returns the task's result
 * @throws VaultError `not-found` when sharing is not set up; whatever the task throws
 */
export function withFolderSession<T>(ctx: FoldersContext, vault: UnlockedVault, task: (session: FolderSession) => Promise<T>): Promise<T> {
  return withSharingLock(vault, () =>
    withIdentity(ctx.db, vault, async (opened) => {
      const relay = openRelayClient(opened, ctx.fetch, ctx.now);
      try {
        const result = await task({ me: opened.identity, relay });
        // Folder keys the task queued (an added member, a rotation) go out now, not at the next minute's sync;
        // a relay that fails here keeps them in the outbox, as for shares.
        if ((await ctx.db.outbox.count()) > 0) await flushOutbox(ctx.db, vault, relay, opened.profile.registered, ctx.now()).catch(() => undefined);
        return result;
      } finally {
        relay.close();
      }
    }),
  );
}

/**
 * Tells every open extension page when a message changed what they show (issue 17 item 9): a vault made
 * or unlocked in the popup wakes a vault tab left on "Create your vault" or "Unlock", and an edit, delete,
 * import or share that arrived or ended in one place reloads the lists everywhere. Locking has its own
 * event, sent by the session itself (every lock path goes through it).
 */
import type { VaultChange } from '../messaging/vault-change-event';
import type { Handlers, MessageType } from '../protocol/protocol';

/** Which successful messages change what pages show, and whether a given answer really changed anything. */
const CHANGES: Partial<Record<MessageType, { change: VaultChange; when?: (response: unknown) => boolean }>> = {
  vaultCreate: { change: 'created' },
  vaultUnlock: { change: 'unlocked' },
  itemCreate: { change: 'items-changed' },
  itemUpdate: { change: 'items-changed' },
  itemDelete: { change: 'items-changed' },
  itemRestore: { change: 'items-changed' },
  itemFavourite: { change: 'items-changed' },
  itemImport: { change: 'items-changed' },
  exportRestore: { change: 'items-changed' },
  saveAccept: { change: 'items-changed' },
  healthSetPassword: { change: 'items-changed' },
  inboxAnswer: { change: 'items-changed' },
  shareCreate: { change: 'items-changed' },
  shareRevoke: { change: 'items-changed' },
  // A sync may bring a share, an update or a revoke; a poll while locked (null) brings nothing.
  sharingSync: { change: 'items-changed' },
  sharingPoll: { change: 'items-changed', when: (response) => response !== null },
  sharingExpire: { change: 'items-changed', when: (response) => ((response as { removed?: number }).removed ?? 0) > 0 },
  // A vault item moved into a shared folder leaves the vault's list.
  folderItemMove: { change: 'items-changed' },
};

/**
 * Wraps the handlers of the messages above so that each success is announced after it is done.
 * @param notify - broadcasts to open pages; its failure never fails the message
 * @returns the same handlers, the announcing ones replaced
 */
export function announceChanges(handlers: Handlers, notify: (change: VaultChange) => Promise<void>): Handlers {
  const wrapped: Record<string, (payload: never, sender: never) => Promise<unknown>> = { ...handlers };
  for (const [type, rule] of Object.entries(CHANGES)) {
    const handler = wrapped[type];
    if (handler === undefined || rule === undefined) continue;
    wrapped[type] = async (payload, sender) => {
      const response = await handler(payload, sender);
      if (rule.when === undefined || rule.when(response)) void notify(rule.change).catch(() => undefined);
      return response;
    };
  }
  return wrapped as unknown as Handlers;
}

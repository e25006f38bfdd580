/**
 * What other features add to a sharing sync, wired by the composition root (lib/vault-service): sharing
 * never imports them. Today: shared folders take the folder-key envelopes the mailbox brings (issue 13).
 */
import type { OpenedEnvelope } from '../envelope/envelope-schema';
import type { Identity } from '../identity/identity';
import type { RelayClient } from '../../relay-protocol/relay-client';
import type { UnlockedVault } from '../../vault/keys/unlocked-vault';
import type { StoredContact } from '../store/stored-contact';

/** A folder-key envelope, opened with the sender's pinned keys, and what the folder feature needs to check it. */
export interface FolderKeyDelivery {
  vault: UnlockedVault;
  envelope: OpenedEnvelope;
  sender: StoredContact;
  /** My identity (the caller wipes it) and the sync's relay session: the folder log is read to verify the key. */
  me: Identity;
  relay: RelayClient;
  /** ms since epoch. */
  at: number;
}

/**
 * `done`: taken or refused for good (the mailbox entry is acknowledged); `retry`: not decided now (the relay
 * could not be read), so the entry stays in the mailbox for the next sync.
 */
export type FolderKeyOutcome = 'done' | 'retry';

export interface SharingHooks {
  /** Runs under the sharing lock, inside the sync: it must not take the lock itself. */
  onFolderKey?: (delivery: FolderKeyDelivery) => Promise<FolderKeyOutcome>;
  /** Runs after each sync (on demand and on the alarm), outside the sharing lock; its failures are its own. */
  afterSync?: (vault: UnlockedVault) => Promise<void>;
}

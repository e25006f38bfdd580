/**
 * A manager's client rotates the folder key by itself when the verified state says `rotationNeeded`
 * (someone left) and removes members whose access ended by date (which rotates too), as single shares end
 * at their expiry: afterwards nothing new opens for them. Runs inside a folder session (sync).
 */
import { wipe } from '../../crypto/wipe';
import type { RelayClient } from '../../relay-protocol/relay-client';
import type { Identity } from '../../sharing/identity/identity';
import type { OutboxOp } from '../../sharing/store/outbox-op';
import { VaultError } from '../../vault/model/vault-error';
import type { RotatedEntry } from '../format/log/build-entry';
import { endedMembers } from '../format/log/folder-state-queries';
import type { FolderState } from '../format/log/folder-state';
import { removeMemberEntry } from '../format/log/remove-member-entry';
import { rotateFolderKeyEntry } from '../format/log/rotate-folder-key-entry';
import { folderKeyAt } from '../member/folder-key-at';
import { myFingerprint } from '../member/my-fingerprint';
import type { StoredFolder } from '../store/stored-folder';
import { appendEntry } from '../member/append-entry';
import { keyEnvelopes } from './key-envelopes';

/** The folder after the rotations, and the key envelopes to queue with it. */
export interface Rotation {
  folder: StoredFolder;
  outbox: OutboxOp[];
  /** Handles removed because their access ended. */
  ended: string[];
  rotated: boolean;
}

/**
 * @param folder - a folder whose state is current (refreshed in this sync) and where I am an active manager
 * @param now - ms since epoch
 * @param persist - stores the folder before each entry that starts an epoch is sent (its key must not be lost)
 * @throws VaultError / RelayError as appendEntry
 */
export async function rotateIfNeeded(me: Identity, relay: RelayClient, folder: StoredFolder, now: number, persist: (folder: StoredFolder) => Promise<void>): Promise<Rotation> {
  let current = folder;
  const outbox: OutboxOp[] = [];
  const ended: string[] = [];
  let rotated = false;
  const mine = myFingerprint(me);
  // Another manager rotated and their envelope has not reached this device yet: nothing to rotate from.
  const held = folderKeyAt(current, current.state.epoch);
  if (!held) return { folder: current, outbox, ended, rotated };
  wipe(held);
  const step = async (build: (state: FolderState, key: NonNullable<ReturnType<typeof folderKeyAt>>) => RotatedEntry, access: Parameters<typeof appendEntry>[3]) => {
    const keys = current.keys;
    const { folder: next, built } = await appendEntry(
      relay,
      current,
      (state) => {
        const key = folderKeyAt({ keys, state }, state.epoch);
        if (!key) throw new VaultError('corrupted', 'This device does not hold the folder’s current key.');
        try {
          return build(state, key);
        } finally {
          wipe(key);
        }
      },
      access,
      now,
      persist,
    );
    try {
      // The new key is in `next.keys` already (stored as pending before the append, adopted after it).
      const delivery = keyEnvelopes(me, mine, next, built.key, null, now);
      current = delivery.folder;
      outbox.push(...delivery.outbox);
      rotated = true;
    } finally {
      wipe(built.key);
    }
  };
  try {
    for (const member of endedMembers(current.state, now)) {
      if (member.fingerprint === mine || !Object.hasOwn(current.state.members, member.fingerprint)) continue;
      await step((state, key) => removeMemberEntry(me, state, member.fingerprint, key, current.applied.cursor, now), { remove: [member.handle] });
      ended.push(member.handle);
    }
    if (current.state.rotationNeeded) await step((state, key) => rotateFolderKeyEntry(me, state, key, current.applied.cursor, now), undefined);
  } catch (error) {
    // What was appended already must be kept (its key goes out with it); the rest waits for the next sync.
    if (!rotated) throw error;
  }
  return { folder: current, outbox, ended, rotated };
}

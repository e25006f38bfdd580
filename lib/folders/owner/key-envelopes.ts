/**
 * A manager's folder-key envelopes: FK of the folder's current epoch sealed to members named by the verified
 * state (never to anyone else: T23, T05), each through sharing's sealed outbox and the relay's mailbox, as
 * share envelopes travel. Members whose access ended by date and this vault's own keys get none (T06).
 */
import type { FolderKey } from '../../crypto/keys';
import { MAX_BATCH } from '../../relay-protocol/relay-limits';
import type { Identity } from '../../sharing/identity/identity';
import type { OutboxOp } from '../../sharing/store/outbox-op';
import { folderShareId } from '../format/folder-id';
import { accessEndedAt } from '../format/log/folder-state-queries';
import { sealFolderKeyEnvelope } from '../format/folder-key/seal-folder-key';
import type { StoredFolder } from '../store/stored-folder';

/** The envelopes to queue and the folder with them noted in `keysSent`. */
export interface KeyDelivery {
  folder: StoredFolder;
  outbox: OutboxOp[];
}

/**
 * @param key - FK of `folder.state.epoch` (the caller wipes it)
 * @param to - fingerprints to send it to; null = every active member but me who has not had it from me
 * @param now - ms since epoch
 */
export function keyEnvelopes(me: Identity, myFingerprint: string, folder: StoredFolder, key: FolderKey, to: readonly string[] | null, now: number): KeyDelivery {
  const { state } = folder;
  const sent = new Set(folder.keysSent.filter((s) => s.epoch === state.epoch).map((s) => s.fingerprint));
  const targets = Object.values(state.members).filter(
    (m) => m.fingerprint !== myFingerprint && !accessEndedAt(m.accessEndsAt, now) && (to === null ? !sent.has(m.fingerprint) : to.includes(m.fingerprint)),
  );
  const envelopes = targets.map((member) => ({
    to: member.handle,
    shareId: folderShareId(state.folderId),
    envelope: sealFolderKeyEnvelope(me, state, { recipient: member.fingerprint, epoch: state.epoch, key, name: folder.name, now }),
  }));
  const outbox: OutboxOp[] = [];
  for (let i = 0; i < envelopes.length; i += MAX_BATCH) outbox.push({ kind: 'post', envelopes: envelopes.slice(i, i + MAX_BATCH) });
  // One entry per member: the newest epoch sent to them.
  const keysSent = [...folder.keysSent.filter((s) => !targets.some((t) => t.fingerprint === s.fingerprint)), ...targets.map((t) => ({ fingerprint: t.fingerprint, epoch: state.epoch }))];
  return { folder: { ...folder, keysSent }, outbox };
}

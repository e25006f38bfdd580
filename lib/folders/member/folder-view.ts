/**
 * What the folder list and one folder's view show, built from the sealed record alone (no replay, no
 * signature check: that was done when entries and messages were taken in), so a 1,000-item folder opens
 * in a few milliseconds after its record is read. Handles come from the verified state.
 */
import type { FolderView } from '../folders-messages';
import { accessEndedAt, findMember } from '../format/log/folder-state-queries';
import type { StoredFolder } from '../store/stored-folder';
import { rotateNotices } from './rotate-notices';

/** The list row of a folder. */
export function folderSummary(folder: StoredFolder, me: string | null) {
  const role = me !== null && Object.hasOwn(folder.state.members, me) ? folder.state.members[me]!.role : null;
  return {
    folderId: folder.folderId,
    name: folder.name,
    status: folder.status,
    role: folder.status === 'member' ? role : null,
    members: Object.keys(folder.state.members).length,
    items: Object.values(folder.applied.items).filter((item) => item.item !== null).length,
    alerts: folder.alerts.length + folder.applied.alerts.length,
    rotate: rotateNotices(folder).length,
  };
}

/**
 * @param me - my key fingerprint (null without a sharing identity: nothing is "me")
 * @param now - ms since epoch (ended access)
 */
export function folderView(folder: StoredFolder, me: string | null, now: number): FolderView {
  const { state } = folder;
  const handleOf = (fingerprint: string) => findMember(state, fingerprint)?.handle ?? fingerprint;
  const mine = me !== null && Object.hasOwn(state.members, me) ? state.members[me] : undefined;
  return {
    folderId: folder.folderId,
    name: folder.name,
    status: folder.status,
    role: folder.status === 'member' ? (mine?.role ?? null) : null,
    autofillOnly: mine?.autofillOnly ?? false,
    epoch: state.epoch,
    members: Object.values(state.members)
      .map((m) => ({ handle: m.handle, fingerprint: m.fingerprint, role: m.role, autofillOnly: m.autofillOnly, accessEndsAt: m.accessEndsAt, addedAt: m.addedAt, ended: accessEndedAt(m.accessEndsAt, now), me: m.fingerprint === me }))
      .sort((a, b) => a.handle.localeCompare(b.handle)),
    items: Object.values(folder.applied.items)
      .flatMap((item) => {
        const content = item.item;
        if (!content) return [];
        return [{
          itemId: item.itemId,
          type: content.type,
          title: content.title,
          username: content.type === 'login' ? content.username : '',
          url: content.type === 'login' ? (content.urls[0] ?? '') : '',
          rev: item.rev,
          changedAt: item.at,
          changedBy: handleOf(item.author),
          conflict: item.conflict,
        }];
      })
      .sort((a, b) => a.title.localeCompare(b.title)),
    alerts: [...folder.alerts, ...appliedAlerts(folder, handleOf)].sort((a, b) => b.at - a.at).slice(0, 50),
    ignored: folder.applied.ignored.length,
    rotate: rotateNotices(folder),
    rotationNeeded: state.rotationNeeded,
    syncedAt: folder.syncedAt,
  };
}

/** The apply rule's alerts and its ignored messages in words (the relay seq stands in for a time it does not have). */
function appliedAlerts(folder: StoredFolder, handleOf: (fingerprint: string) => string): FolderView['alerts'] {
  const at = folder.syncedAt ?? 0;
  const alerts: FolderView['alerts'] = folder.applied.alerts.map((alert) => {
    if (alert.kind === 'fork') return { kind: 'fork', at, detail: `Message ${alert.seq} from ${handleOf(alert.author)} names a membership log the relay did not serve to this device.` };
    if (alert.kind === 'withheld') return { kind: 'withheld', at, detail: `Message ${alert.seq} from ${handleOf(alert.author)} names membership entry ${alert.headSeq}, which the relay has not served: later messages wait.` };
    return { kind: 'withheld', at, detail: `The relay skipped folder messages after ${alert.after} (next was ${alert.seq}).` };
  });
  for (const ignored of folder.applied.ignored) {
    if (ignored.reason !== 'role' && ignored.reason !== 'not-member' && ignored.reason !== 'access-ended' && ignored.reason !== 'stale-epoch') continue;
    const who = ignored.author === null ? 'someone' : handleOf(ignored.author);
    alerts.push({ kind: 'ignored', at, detail: `Message ${ignored.seq} from ${who} was ignored: ${IGNORED_WORDS[ignored.reason]}.` });
  }
  return alerts;
}

const IGNORED_WORDS = {
  role: 'their role does not allow it (a viewer cannot edit)',
  'not-member': 'they were not a member',
  'access-ended': 'their access had ended',
  'stale-epoch': 'it was written under a key replaced by a rotation',
} as const;

/**
 * "Rotate these N passwords: <person> could read them from … to …" (issue 13): for each person removed from
 * the folder (or who left), the logins whose current password was readable to them (core's
 * listPasswordsToRotate: set before their access ended and unchanged since). The links go to the site's change-password page (lib/quirks, the well-known URL otherwise).
 */
import { changePasswordUrl } from '../../quirks/change-password-url';
import { listPasswordsToRotate } from '../format/record/list-passwords-to-rotate';
import type { StoredFolder } from '../store/stored-folder';

/** One removed person's list. */
export interface RotateNotice {
  handle: string;
  fingerprint: string;
  /** ms since epoch: when they were first added, and when they were removed or left. */
  from: number;
  to: number;
  items: { itemId: string; title: string; url: string; changePasswordUrl: string | null }[];
}

/** @returns one notice per former member with at least one login to rotate, not dismissed, oldest removal first */
export function rotateNotices(folder: Pick<StoredFolder, 'state' | 'applied' | 'rotateDismissed'>): RotateNotice[] {
  const notices: RotateNotice[] = [];
  for (const former of Object.values(folder.state.formerMembers)) {
    if (folder.rotateDismissed.includes(former.fingerprint)) continue;
    const notice = rotateNoticeFor(folder, former.fingerprint);
    if (notice && notice.items.length > 0) notices.push(notice);
  }
  return notices.sort((a, b) => a.to - b.to);
}

/** The notice for one former member (with an empty list when nothing needs rotating), or null when they are not one. */
export function rotateNoticeFor(folder: Pick<StoredFolder, 'state' | 'applied'>, fingerprint: string): RotateNotice | null {
  const former = Object.hasOwn(folder.state.formerMembers, fingerprint) ? folder.state.formerMembers[fingerprint] : undefined;
  if (!former) return null;
  const items = listPasswordsToRotate(folder.state, folder.applied, fingerprint).map((item) => {
    const url = item.urls[0] ?? '';
    return { itemId: item.itemId, title: item.title, url, changePasswordUrl: url === '' ? null : changePasswordUrl(url) };
  });
  return { handle: former.handle, fingerprint, from: former.intervals[0]?.fromAt ?? former.addedAt, to: former.removedAt ?? former.intervals.at(-1)?.toAt ?? 0, items };
}

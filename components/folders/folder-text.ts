/** Words of the shared-folder views (issue 13): roles, statuses, times, errors. */
import type { ResponseOf } from '../../lib/protocol/protocol';

type View = ResponseOf<'folderGet'>;

export const ROLE_TEXT: Record<'viewer' | 'editor' | 'manager', string> = {
  viewer: 'Viewer (read and fill)',
  editor: 'Editor (also add, edit, delete items)',
  manager: 'Manager (also add and remove people)',
};

export const STATUS_TEXT: Record<View['status'], string> = {
  member: 'Member',
  left: 'You left this folder.',
  removed: 'You were removed from this folder. Nothing added or changed since reaches you.',
  ended: 'Your access to this folder ended.',
  deleted: 'This folder was deleted by a manager.',
};

export const ALERT_TEXT: Record<View['alerts'][number]['kind'], string> = {
  fork: 'Forked membership log',
  rollback: 'Rolled-back membership log',
  withheld: 'Withheld entries',
  ignored: 'Ignored change',
  'commitment-mismatch': 'Key mismatch',
  'refused-entry': 'Refused membership entry',
  'refused-key': 'Refused folder key',
};

/** The honest words about autofill-only, shown wherever it can be chosen. */
export const AUTOFILL_ONLY_NOTE =
  'Autofill only hides the password in this person’s Sealpass: it fills logins but never shows or copies them. It cannot stop a modified client: their device still receives the password.';

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** A time in the user's locale; "—" for none. */
export function folderTime(at: number | null): string {
  return at === null ? '—' : dateFormat.format(at);
}

/** The error words of a failed call (ours, from the background; never the relay's). */
export function folderErrorText(error: { code: string; message?: string } | null | undefined): string {
  if (error?.code === 'locked') return 'The vault is locked. Unlock it to continue.';
  return error?.message || 'Something went wrong inside Sealpass. Try again.';
}

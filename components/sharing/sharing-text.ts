/** Words and formats the sharing views share: permissions, expiries, contact states, and the background's sharing errors. */
import { errorText } from '../kit/error-text';

export type PermissionChoice = 'view' | 'edit' | 'autofill-only';

export const PERMISSION_TEXT: Record<PermissionChoice, string> = {
  view: 'Can view',
  edit: 'Can edit',
  'autofill-only': 'Autofill only',
};

/** Said wherever autofill-only is offered or shown, plainly (issue 4). */
export const AUTOFILL_ONLY_NOTE =
  'Autofill only hides the password in the recipient’s Sealpass, but the password still reaches their device and the page it fills. It is a convenience, not protection: share only with people you would trust with the password itself.';

/**
 * What a recipient of an autofill-only share is told (issue 17: they were shown the sharer's warning, twice):
 * what they can do with it, not what the sharer should have considered.
 */
export function recipientAutofillOnlyText(owner: string, sites: number): string {
  return `${owner} shared this for filling only: Sealpass fills it on ${sites === 1 ? 'its site' : 'its sites'} for you, but does not show or copy the password.`;
}

/**
 * The recipient's notice that a share ended (issue 17): "alice revoked your access to “Wiki” on 7 Dec, 10:02."
 * @param ended - from receivedEndedList
 */
export function endedText(ended: { title: string; by: string; reason: 'revoked' | 'expired'; at: number }): string {
  const title = ended.title === '' ? 'a shared item' : `“${ended.title}”`;
  const by = ended.by === '' ? 'Its owner' : ended.by;
  return ended.reason === 'revoked'
    ? `${by} revoked your access to ${title} on ${formatTime(ended.at)}. It is no longer in your vault; ask ${ended.by || 'them'} if you still need it.`
    : `Your access to ${title} from ${ended.by || 'its owner'} expired on ${formatTime(ended.at)}. It is no longer in your vault.`;
}

/** Said where a contact was pinned from a pasted code or an invite link: as trustworthy as the way it came. */
export const CHANNEL_NOTE =
  'Added with the keys in the invite or code you pasted. That is only as trustworthy as the way it reached you: if it came by email or chat, whoever could change that message could have swapped the keys. Compare the safety number in person or on a call to be sure.';

const relative = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' });

/** "just now", "2 minutes ago", "3 hours ago", or "never". */
export function agoText(at: number | null, now: number): string {
  if (at === null) return 'never';
  const seconds = Math.round((at - now) / 1000);
  if (seconds > -45) return 'just now';
  const minutes = Math.round(seconds / 60);
  if (minutes > -60) return relative.format(minutes, 'minute');
  const hours = Math.round(minutes / 60);
  if (hours > -24) return relative.format(hours, 'hour');
  return relative.format(Math.round(hours / 24), 'day');
}

export const STATE_TEXT: Record<'unverified' | 'verified' | 'changed' | 'unknown', string> = {
  unverified: 'not verified',
  verified: 'verified',
  changed: 'key changed',
  unknown: 'not in your contacts',
};

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** A time for the sharing views, or the given fallback when there is none. */
export function formatTime(at: number | null | undefined, none = '—'): string {
  return at === null || at === undefined ? none : dateTime.format(at);
}

/**
 * Why a contact's safety number changed when they upgraded to post-quantum keys (issue 16: bundle v2 adds
 * an X-Wing key signed by their pinned Ed25519 key, so the number, which covers every key, changes without
 * a key change); null when they have not upgraded since they were pinned.
 */
export function upgradedText(contact: { handle: string; state: 'unverified' | 'verified' | 'changed'; upgradedAt: number | null }): string | null {
  if (contact.upgradedAt === null) return null;
  const trust = contact.state === 'verified' ? 'they stay verified' : 'nothing else changed';
  return `${contact.handle}’s safety number changed on ${formatTime(contact.upgradedAt)} because they upgraded to post-quantum keys. Their other keys are the same and the new key is signed by them, so ${trust}; compare the new number with them when you next can.`;
}

/** Which suite shares with a contact are sealed on (issue 16, T27). */
export function suiteText(postQuantum: boolean): string {
  return postQuantum ? 'Shares with them are sealed post-quantum (X-Wing: ML-KEM-768 + X25519).' : 'Shares with them are sealed with X25519 until they upgrade to post-quantum keys.';
}

/** "until 3 Feb 2027, 10:00" or "no expiry". */
export function expiryText(at: number | null): string {
  return at === null ? 'no expiry' : `until ${dateTime.format(at)}`;
}

/**
 * The sentence for a failed sharing call: the background's own message (written for people, naming a
 * contact's handle at most, never a secret) for sharing errors, the usual words otherwise.
 */
export function sharingErrorText(error: { code: string; message?: string }): string {
  if (error.code === 'locked' || (error.code === 'internal' && !error.message)) return errorText(error);
  return error.message && error.message !== '' ? error.message : errorText(error);
}

/** Which stored sharing records a notice is about. */
export type DamagedKind = 'contacts' | 'received' | 'grants';

const DAMAGED_TEXT: Record<DamagedKind, { one: string; many: string }> = {
  contacts: {
    one: '1 contact record could not be opened and is not shown; your other contacts are fine. If someone is missing, add them again.',
    many: '# contact records could not be opened and are not shown; your other contacts are fine. If someone is missing, add them again.',
  },
  received: {
    one: '1 share sent to you could not be opened and is not shown; your own items and your other shares are fine. If you miss an item, ask its sender to share it again.',
    many: '# shares sent to you could not be opened and are not shown; your own items and your other shares are fine. If you miss an item, ask its sender to share it again.',
  },
  grants: {
    one: '1 record of what you shared could not be opened, so someone may be missing from this list; your item and your other shares are fine.',
    many: '# records of what you shared could not be opened, so someone may be missing from this list; your item and your other shares are fine.',
  },
};

/**
 * The S8 notice for stored records that could not be opened and were left out of a list: how many, what
 * that means, and that nothing else is affected. Never an id or a secret.
 * @returns null when `count` is 0
 */
export function damagedText(kind: DamagedKind, count: number): string | null {
  if (count <= 0) return null;
  const words = DAMAGED_TEXT[kind];
  return count === 1 ? words.one : words.many.replace('#', String(count));
}

/** The sync's count of damaged sharing records, for Settings → Sharing; null when there are none. */
export function damagedSyncText(damaged: { contacts: number; grants: number; received: number }): string | null {
  const parts = [
    damaged.contacts === 1 ? '1 contact' : damaged.contacts > 1 ? `${damaged.contacts} contacts` : null,
    damaged.grants === 1 ? '1 share you made' : damaged.grants > 1 ? `${damaged.grants} shares you made` : null,
    damaged.received === 1 ? '1 share sent to you' : damaged.received > 1 ? `${damaged.received} shares sent to you` : null,
  ].filter((part): part is string => part !== null);
  if (parts.length === 0) return null;
  const total = damaged.contacts + damaged.grants + damaged.received;
  return `${total === 1 ? 'A sharing record' : `${total} sharing records`} in this vault could not be opened (${parts.join(', ')}). ${total === 1 ? 'It is' : 'They are'} skipped and not shown; everything else syncs normally.`;
}

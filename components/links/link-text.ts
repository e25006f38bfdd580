/** Words of the links views (issue 14): states, expiry choices, and errors in the background's own safe words. */
import type { LinkExpiry } from '../../lib/links/links-messages';

/** The expiry choices, 1 hour … 30 days. */
export const EXPIRY_CHOICES: { value: LinkExpiry; label: string }[] = [
  { value: '1h', label: '1 hour' },
  { value: '1d', label: '1 day' },
  { value: '7d', label: '7 days' },
  { value: '30d', label: '30 days' },
];

export const LINK_STATE_TEXT = { active: 'active', spent: 'used up', expired: 'expired', revoked: 'revoked' } as const;
export const REQUEST_STATE_TEXT = { active: 'waiting', answered: 'answered', expired: 'expired', revoked: 'withdrawn' } as const;

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** A date and time in the user's locale. */
export function linkTime(at: number): string {
  return dateTime.format(at);
}

/**
 * The sentence for a failed link call: the background's message (it never contains user data, and link
 * errors say what happened, e.g. a wrong passphrase), or a generic one.
 */
export function linkErrorText(error: { code: string; message?: string } | null | undefined): string {
  if (error?.code === 'locked') return 'The vault is locked. Unlock it to continue.';
  return error?.message || 'Something went wrong inside Sealpass. Try again.';
}

/**
 * Invite links (issue 17): "Invite a colleague" gives a link that carries the inviter's relay and contact
 * code, `<relay origin>/invite/#<contact code without its prefix>`. The code rides in the fragment, which
 * browsers never send to the relay. Opened in Sealpass (pasted into Contacts or the Inbox), it sets up
 * sharing on that relay if needed and pins the inviter's keys from the code, exactly as a pasted contact
 * code does: as trustworthy as the channel the link came through, which the UI says, with the safety number
 * to compare in person or by voice. A v2 contact code (with the hash of an X-Wing key, issue 16) rides as
 * `#2.<code without its prefix>`: `.` is not in base64url, so the two forms cannot be confused.
 */
import { CONTACT_CODE_PREFIX, CONTACT_CODE_V2_PREFIX } from './contact-code';
import { parseRelayPageUrl } from '../../relay-protocol/parse-relay-page-url';

/** The path of an invite link on the relay's origin. */
export const INVITE_PATH = '/invite/';

/** What an invite link carries. */
export interface ParsedInvite {
  /** The inviter's relay origin, e.g. `https://relay.example`. */
  relayOrigin: string;
  /** `sealpass:contact:v1:…` or `sealpass:contact:v2:…`, still to be decoded (decode-contact-code.ts checks every byte). */
  contactCode: string;
}

/**
 * @param relayUrl - the inviter's relay (its origin is used)
 * @param contactCode - the inviter's `sealpass:contact:v1:…` or `sealpass:contact:v2:…` code
 * @example inviteLink('http://127.0.0.1:8787', 'sealpass:contact:v1:BWFsaWNl…') // 'http://127.0.0.1:8787/invite/#BWFsaWNl…'
 */
export function inviteLink(relayUrl: string, contactCode: string): string {
  const origin = new URL(relayUrl).origin;
  if (contactCode.startsWith(CONTACT_CODE_V2_PREFIX)) return `${origin}${INVITE_PATH}#2.${contactCode.slice(CONTACT_CODE_V2_PREFIX.length)}`;
  if (!contactCode.startsWith(CONTACT_CODE_PREFIX)) throw new RangeError('inviteLink: not a contact code');
  return `${origin}${INVITE_PATH}#${contactCode.slice(CONTACT_CODE_PREFIX.length)}`;
}

/**
 * @param text - untrusted; surrounding spaces are ignored
 * @returns null unless it is an http(s) URL with path `/invite/`, no query or credentials, and a fragment
 */
export function parseInviteLink(text: string): ParsedInvite | null {
  const url = parseRelayPageUrl(text);
  if (!url) return null;
  const fragment = url.hash.slice(1);
  const v2 = fragment.startsWith('2.');
  const body = v2 ? fragment.slice(2) : fragment;
  if (url.pathname !== INVITE_PATH || !/^[A-Za-z0-9_-]{1,400}$/.test(body)) return null;
  return { relayOrigin: url.origin, contactCode: `${v2 ? CONTACT_CODE_V2_PREFIX : CONTACT_CODE_PREFIX}${body}` };
}

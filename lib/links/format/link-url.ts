/** A link's URL: the relay's origin, `/l/` (a one-time link) or `/r/` (a secret request), and the secret as fragment. */
import { LINK_PAGE_PATH, REQUEST_PAGE_PATH } from '../../relay-protocol/link-paths';
import { decodeLinkSecret, encodeLinkSecret } from './link-secret';
import { parseRelayPageUrl } from '../../relay-protocol/parse-relay-page-url';

/** `link`: a one-time link someone sent; `request`: a request someone made for a secret. */
export type LinkKind = 'link' | 'request';

/** What a link URL carries. */
export interface ParsedLinkUrl {
  kind: LinkKind;
  /** The relay's origin, e.g. `https://relay.example`. */
  relayOrigin: string;
  secret: Uint8Array;
}

/**
 * @param relayUrl - the relay's base URL (its origin is used)
 * @example linkUrl('https://relay.example', 'link', secret) // 'https://relay.example/l/#…'
 */
export function linkUrl(relayUrl: string, kind: LinkKind, secret: Uint8Array): string {
  return `${new URL(relayUrl).origin}${kind === 'link' ? LINK_PAGE_PATH : REQUEST_PAGE_PATH}#${encodeLinkSecret(secret)}`;
}

/**
 * Reads a pasted or opened link.
 * @param text - untrusted; surrounding spaces are ignored
 * @returns null unless it is an http(s) URL with path `/l/` or `/r/`, no query, and a secret as fragment
 */
export function parseLinkUrl(text: string): ParsedLinkUrl | null {
  const url = parseRelayPageUrl(text);
  if (!url) return null;
  const kind: LinkKind | null = url.pathname === LINK_PAGE_PATH ? 'link' : url.pathname === REQUEST_PAGE_PATH ? 'request' : null;
  const secret = decodeLinkSecret(url.hash.slice(1));
  if (!kind || !secret) return null;
  return { kind, relayOrigin: url.origin, secret };
}

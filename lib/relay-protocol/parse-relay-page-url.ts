/** Reads a pasted or opened link to one of the relay's pages (one-time links, requests, invites). */

/**
 * The pasted text as a URL, if it can be a link to a relay page: http(s), no query and no credentials (the
 * secret of such a link travels in its fragment, which never reaches the relay).
 * @param text - untrusted; surrounding spaces are ignored
 * @returns the URL, or null; the caller checks the path and the fragment
 */
export function parseRelayPageUrl(text: string): URL | null {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    return null;
  }
  if ((url.protocol !== 'https:' && url.protocol !== 'http:') || url.search !== '' || url.username !== '' || url.password !== '') return null;
  return url;
}

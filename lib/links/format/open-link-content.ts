/**
 * Opens a one-time link's content (issue 14), on the relay's page or in the extension: the terms the relay
 * reported are bound into the associated data, so changed terms fail like a wrong key (T25).
 */
import type { LinkContentKey } from '../../crypto/keys';
import { linkContentContext, linkContentSchema, type LinkContent, type LinkTerms } from './link-content';
import { openJsonText } from './sealed-text';

/**
 * @param key - the content key from deriveLinkKeys (with the passphrase, if the link has one)
 * @param id - the link id the content was revealed under
 * @param sealed - the relay's answer, untrusted
 * @param terms - expiry, view limit and passphrase flag as the relay reported them
 * @throws DecryptError when anything differs from what the owner sealed
 */
export function openLinkContent(key: LinkContentKey, id: string, sealed: string, terms: LinkTerms): LinkContent {
  return openJsonText(key, sealed, linkContentContext(id, terms), linkContentSchema);
}

/**
 * Reveals a one-time link in the background for the extension's link page (issue 14, T25): spends one
 * view, opens the content with the terms the relay reported (bound into the associated data), refuses it
 * past its authentic expiry, and posts the "opened" proof. The values go back to the page to show and,
 * if the reader wants, to save as an item.
 */
import { DecryptError } from '../../crypto/sealed';
import { wipe } from '../../crypto/wipe';
import { VaultError } from '../../vault/model/vault-error';
import { deriveLinkKeys, linkIdOf } from '../format/derive-link-keys';
import type { LinkContent } from '../format/link-content';
import { openLinkContent } from '../format/open-link-content';
import { signOpenedProof } from '../format/sign-opened-proof';
import type { LinksContext } from '../links-context';
import { relayFailure } from '../relay-failure';
import { parseOrRefuse, publicClientFor } from './inspect-link';

/** What a reveal shows. */
export interface RevealedLink {
  title: string;
  fields: LinkContent['fields'];
  viewsLeft: number;
}

/**
 * @param passphrase - the link's passphrase, or null when it has none
 * @throws VaultError forbidden (wrong passphrase: nothing spent), not-found (gone), corrupted (the relay
 *   changed the content or its terms), or a relay failure
 */
export async function revealLink(ctx: LinksContext, url: string, passphrase: string | null): Promise<RevealedLink> {
  const parsed = parseOrRefuse(url);
  if (parsed.kind !== 'link') throw new VaultError('invalid-request', 'This is a request for a secret, not a link to open.');
  const relay = publicClientFor(ctx, parsed.relayOrigin);
  const id = linkIdOf(parsed.secret);
  const meta = await relay.linkMeta(id).catch(relayFailure);
  const keys = await deriveLinkKeys(parsed.secret, meta.passphrase ? (passphrase ?? '') || null : null);
  try {
    if (meta.passphrase && !passphrase) throw new VaultError('invalid-request', 'This link needs its passphrase.');
    const answer = await relay.reveal(id, keys.token).catch(relayFailure);
    let content: LinkContent;
    try {
      content = openLinkContent(keys.contentKey, id, answer.content, { expiresAt: meta.expiresAt, maxViews: meta.maxViews, passphrase: meta.passphrase });
    } catch (error) {
      if (error instanceof DecryptError) throw new VaultError('corrupted', 'This link’s content does not open with the terms its sender set: the relay changed something.');
      throw error;
    }
    if (ctx.now() >= meta.expiresAt) throw new VaultError('not-found', 'This link has expired.');
    await relay.opened(id, signOpenedProof(content.receiptSeed, id, ctx.now())).catch(() => undefined);
    return { title: content.title, fields: content.fields, viewsLeft: answer.viewsLeft };
  } finally {
    wipe(keys.contentKey);
  }
}

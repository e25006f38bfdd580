/**
 * Reads a link someone sent (issue 14), in the background, for the extension's own link page: the relay's
 * code is not involved (DESIGN §11). Nothing is spent: a one-time link's state, or a request's
 * descriptor, opened and checked against its owner's signature (T26).
 */
import { createLinkPublicClient } from '../../relay-protocol/link-public-client';
import { ownerSafetyCode } from '../page/owner-safety-code';
import { VaultError } from '../../vault/model/vault-error';
import { linkIdOf } from '../format/derive-link-keys';
import { deriveRequestKeys } from '../format/derive-request-keys';
import { parseLinkUrl, type ParsedLinkUrl } from '../format/link-url';
import { openRequestDescriptor } from '../format/open-request-descriptor';
import type { LinksContext } from '../links-context';
import { relayFailure } from '../relay-failure';

/** What the link page shows before anything is spent or sent. */
export type LinkInspection =
  | { kind: 'link'; relayOrigin: string; state: 'active' | 'spent' | 'expired' | 'revoked'; expiresAt: number; viewsLeft: number; maxViews: number; passphrase: boolean }
  | { kind: 'request'; relayOrigin: string; state: 'active' | 'answered' | 'expired' | 'revoked'; label: string; owner: string; safetyCode: string; expiresAt: number };

/** @throws VaultError invalid-request for something that is not a Sealpass link */
export function parseOrRefuse(url: string): ParsedLinkUrl {
  const parsed = parseLinkUrl(url);
  if (!parsed) throw new VaultError('invalid-request', 'That is not a Sealpass link: it should look like https://relay…/l/#… or …/r/#…');
  return parsed;
}

export function publicClientFor(ctx: LinksContext, relayOrigin: string) {
  return createLinkPublicClient({ baseUrl: relayOrigin, fetch: (url, init) => ctx.fetch(url, init) });
}

/**
 * @throws VaultError invalid-request (not a link), not-found (gone), forbidden (a request whose descriptor
 *   does not open or is not signed by the person it names: tampered), or a relay failure
 */
export async function inspectLink(ctx: LinksContext, url: string): Promise<LinkInspection> {
  const parsed = parseOrRefuse(url);
  const relay = publicClientFor(ctx, parsed.relayOrigin);
  if (parsed.kind === 'link') {
    const meta = await relay.linkMeta(linkIdOf(parsed.secret)).catch(relayFailure);
    return { kind: 'link', relayOrigin: parsed.relayOrigin, state: meta.state, expiresAt: meta.expiresAt, viewsLeft: meta.viewsLeft, maxViews: meta.maxViews, passphrase: meta.passphrase };
  }
  const meta = await relay.requestMeta(deriveRequestKeys(parsed.secret).id).catch(relayFailure);
  if (meta.state !== 'active' || meta.descriptor === null) {
    return { kind: 'request', relayOrigin: parsed.relayOrigin, state: meta.state === 'active' ? 'answered' : meta.state, label: '', owner: '', safetyCode: '', expiresAt: meta.expiresAt };
  }
  let descriptor;
  try {
    descriptor = openRequestDescriptor(parsed.secret, meta.descriptor);
  } catch {
    throw new VaultError('forbidden', 'This request was changed after its owner made it. Do not send anything; tell the person who sent you the link.');
  }
  const owner = descriptor.owner;
  return {
    kind: 'request',
    relayOrigin: parsed.relayOrigin,
    state: descriptor.expiresAt <= ctx.now() ? 'expired' : 'active',
    label: descriptor.label,
    owner: owner.handle,
    safetyCode: ownerSafetyCode(owner),
    expiresAt: descriptor.expiresAt,
  };
}

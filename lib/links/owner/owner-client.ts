/** The signed link client for the vault's sharing identity and relay. */
import { createEd25519Signer } from '../../relay-protocol/create-ed25519-signer';
import { createLinkOwnerClient, type LinkOwnerClient } from '../../relay-protocol/link-owner-client';
import type { OpenedIdentity } from '../../sharing/store/read-identity';
import type { LinksContext } from '../links-context';

/** The signer holds the identity's key by reference: the client stops signing once withIdentity wipes it. */
export function ownerClient(opened: OpenedIdentity, ctx: LinksContext): LinkOwnerClient {
  return createLinkOwnerClient({
    baseUrl: opened.profile.relayUrl,
    signer: createEd25519Signer(opened.identity.handle, opened.identity.signingSecretKey),
    fetch: (url, init) => ctx.fetch(url, init),
    now: ctx.now,
  });
}

/** A relay client for the vault's identity: its relay URL, requests signed with its Ed25519 key. */
import { createEd25519Signer } from '../../relay-protocol/create-ed25519-signer';
import { createRelayClient, type RelayClient } from '../../relay-protocol/relay-client';
import type { OpenedIdentity } from '../store/read-identity';

/**
 * The signer holds the identity's key by reference, so the client stops signing once withIdentity wipes it.
 * @param fetchFn - the platform's fetch
 * @param now - the local clock, ms since epoch
 */
export function openRelayClient(opened: OpenedIdentity, fetchFn: typeof fetch, now: () => number): RelayClient {
  return createRelayClient({
    baseUrl: opened.profile.relayUrl,
    signer: createEd25519Signer(opened.identity.handle, opened.identity.signingSecretKey),
    fetch: fetchFn,
    now,
  });
}

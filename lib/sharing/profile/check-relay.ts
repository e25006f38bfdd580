/**
 * Asks a relay whether it is there before anything is registered on it (issue 17: registering against a
 * relay that was not running "succeeded" and left the vault stuck). GET /v1/health is unsigned and carries
 * nothing about the user. The error names the address tried and what went wrong, in our own words (a relay's
 * message text is never shown, S6).
 */
import { createRelayClient } from '../../relay-protocol/relay-client';
import { RelayError } from '../../relay-protocol/relay-error';
import { VaultError } from '../../vault/model/vault-error';
import { relayUrlSchema } from '../store/sharing-profile';

/** How long the check waits for an answer: a person is waiting on it. */
const CHECK_TIMEOUT_MS = 8_000;

/**
 * @param relayUrl - what the user typed; only its origin is used
 * @param fetchFn - the platform's fetch
 * @returns the relay's origin, e.g. `http://127.0.0.1:8787`
 * @throws VaultError `invalid-request` for an address that is not http(s), `not-found` when no Sealpass relay
 *   answered there (both messages name the address)
 */
export async function checkRelay(relayUrl: string, fetchFn: typeof fetch): Promise<string> {
  const typed = relayUrl.trim();
  if (!relayUrlSchema.safeParse(typed).success) {
    throw new VaultError('invalid-request', 'The relay address must be an http:// or https:// address, like https://relay.example.com.');
  }
  const origin = new URL(typed).origin;
  try {
    await createRelayClient({ baseUrl: origin, fetch: fetchFn, timeoutMs: CHECK_TIMEOUT_MS }).health();
  } catch (error) {
    if (!(error instanceof RelayError)) throw error;
    const why =
      error.kind === 'offline'
        ? 'nothing answered there (the relay is not running, or the address or port is wrong)'
        : error.kind === 'invalid-response' || error.details.status === 404
          ? 'something answered, but it is not a Sealpass relay'
          : 'the relay answered with an error; it may be starting or overloaded';
    throw new VaultError('not-found', `No Sealpass relay at ${origin}: ${why}. Nothing was registered. Check the address, or start the relay, and try again.`);
  }
  return origin;
}

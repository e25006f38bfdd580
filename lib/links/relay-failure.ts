/**
 * Turns a failed relay call into a VaultError whose words are ours, never the relay's (S6), with the one
 * refusal a person can act on named: a wrong passphrase, a spent or expired link.
 */
import { RelayError } from '../relay-protocol/relay-error';
import { relayProblemText } from '../sharing/profile/relay-problem-text';
import { VaultError } from '../vault/model/vault-error';

/** Rethrows `error` as a VaultError when it is a RelayError; anything else unchanged. */
export function relayFailure(error: unknown): never {
  if (!(error instanceof RelayError)) throw error;
  if (error.details.code === 'not-found') throw new VaultError('not-found', 'No such link on the relay: it has expired, or the address is incomplete.');
  if (error.details.code === 'gone') throw new VaultError('not-found', 'This link was opened as often as allowed, has expired, or was revoked.');
  if (error.details.code === 'forbidden') throw new VaultError('forbidden', 'The relay refused this link’s token: a wrong passphrase? No view was spent.');
  if (error.details.code === 'too-many-links') throw new VaultError('conflict', 'You have as many live links and requests on this relay as it allows. Revoke some first.');
  throw new VaultError('internal', `${relayProblemText(error)}. Try again later.`);
}

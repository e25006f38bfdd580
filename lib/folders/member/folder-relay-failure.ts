/**
 * Turns a failed relay call about a folder into a VaultError whose words are ours, never the relay's (S6):
 * nothing was changed in the vault, and the user can try again when the relay is back.
 */
import { RelayError } from '../../relay-protocol/relay-error';
import { relayProblemText } from '../../sharing/profile/relay-problem-text';
import { VaultError } from '../../vault/model/vault-error';

/** Rethrows `error` as a VaultError when it is a RelayError; anything else unchanged. */
export function folderRelayFailure(error: unknown): never {
  if (!(error instanceof RelayError)) throw error;
  const code = error.details.code;
  if (code === 'gone') throw new VaultError('not-found', 'This shared folder was deleted on the relay.');
  if (code === 'not-found') throw new VaultError('not-found', 'The relay does not list you in this shared folder (you were removed, or it was deleted).');
  if (code === 'forbidden') throw new VaultError('forbidden', 'The relay refused: only a manager of this folder may do that.');
  if (code === 'too-many-folders') throw new VaultError('conflict', 'You have created as many shared folders as the relay allows.');
  if (code === 'relay-full') throw new VaultError('conflict', 'The relay is out of storage for shared folders; nothing was sent. Try again later.');
  if (code === 'folder-full') throw new VaultError('conflict', 'This shared folder is full on the relay.');
  throw new VaultError('internal', `${relayProblemText(error)}. Nothing was changed; try again later.`);
}

/** Runs a relay call, turning its failure into folderRelayFailure's VaultError. */
export async function onRelay<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    return folderRelayFailure(error);
  }
}

/** Answers a secret request from the extension's link page (issue 14, T26): sealed to the request's key, in the background. */
import { VaultError } from '../../vault/model/vault-error';
import { deriveRequestKeys } from '../format/derive-request-keys';
import { openRequestDescriptor } from '../format/open-request-descriptor';
import type { RequestAnswerInput } from '../format/request-answer';
import { sealRequestAnswer } from '../format/seal-request-answer';
import type { LinksContext } from '../links-context';
import { relayFailure } from '../relay-failure';
import { parseOrRefuse, publicClientFor } from './inspect-link';

/**
 * @throws VaultError invalid-request (not a request, or nothing to send), forbidden (tampered request),
 *   not-found (answered, expired or withdrawn), or a relay failure
 */
export async function sendAnswer(ctx: LinksContext, url: string, answer: RequestAnswerInput): Promise<{ owner: string }> {
  const parsed = parseOrRefuse(url);
  if (parsed.kind !== 'request') throw new VaultError('invalid-request', 'This is a one-time link, not a request for a secret.');
  const relay = publicClientFor(ctx, parsed.relayOrigin);
  const keys = deriveRequestKeys(parsed.secret);
  const meta = await relay.requestMeta(keys.id).catch(relayFailure);
  if (meta.descriptor === null) throw new VaultError('not-found', 'This request already has its answers, has expired, or was withdrawn.');
  let descriptor;
  try {
    descriptor = openRequestDescriptor(parsed.secret, meta.descriptor);
  } catch {
    throw new VaultError('forbidden', 'This request was changed after its owner made it. Nothing was sent.');
  }
  let sealed: string;
  try {
    sealed = sealRequestAnswer(descriptor, answer);
  } catch {
    throw new VaultError('invalid-request', 'Type at least one value to send (each at most 10,000 characters).');
  }
  await relay.answer(keys.id, keys.token, sealed).catch(relayFailure);
  return { owner: descriptor.owner.handle };
}

/** Client side of the protocol: typed requests from the popup and vault page to the background. */
import { sendToBackground } from '../messaging/runtime-channel';
import { messageErrorSchema, type MessageError } from '../vault/model/vault-error';
import { protocol, type MessageType, type RequestOf, type Result } from './protocol';

/**
 * Sends one message and validates the reply against the protocol's response schema.
 * Never throws: transport failures become `{ ok: false, error: { code: 'internal' } }`.
 * @example const r = await sendMessage('itemList', {}); if (r.ok) show(r.items);
 */
export async function sendMessage<T extends MessageType>(type: T, payload: RequestOf<T>): Promise<Result<T>> {
  let reply: unknown;
  try {
    reply = await sendToBackground(type, payload);
  } catch {
    return failure({ code: 'internal', message: 'The Sealpass background is not answering. Try again.' });
  }
  const r = reply as { ok?: unknown; error?: unknown } | undefined;
  if (r?.ok === false) {
    const error = messageErrorSchema.safeParse(r.error);
    return failure(error.success ? error.data : { code: 'internal', message: 'Something went wrong.' });
  }
  if (r?.ok !== true) return failure({ code: 'internal', message: 'The Sealpass background gave no answer.' });
  const { ok: _ok, ...rest } = r as Record<string, unknown>;
  const parsed = protocol[type].response.safeParse(rest);
  if (!parsed.success) return failure({ code: 'internal', message: 'The Sealpass background gave a malformed answer.' });
  return { ok: true, ...(parsed.data as object) } as Result<T>;
}

function failure<T extends MessageType>(error: MessageError): Result<T> {
  return { ok: false, error };
}

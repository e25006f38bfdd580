/**
 * Server side of the protocol, run in the background: checks the sender rule, validates the request,
 * runs the handler and turns any failure into a safe `{ ok: false, error }`.
 */
import { VaultError, type MessageError } from '../vault/model/vault-error';
import type { SenderKind } from '../messaging/define-message';
import { envelopeSchema, protocol, type Handlers, type MessageType } from './protocol';

/**
 * Handles one raw runtime message.
 * @param raw - the message exactly as received; untrusted
 * @param kind - the sender's kind from `senderKind`, or null when unknown
 * @param onUnexpected - called with unexpected errors (never with the request), for diagnostics
 */
export async function dispatchMessage(
  handlers: Handlers,
  raw: unknown,
  sender: { kind: SenderKind | null; tabId?: number; frameId?: number; url?: string },
  onUnexpected: (error: unknown) => void = () => {},
): Promise<{ ok: true } & object | { ok: false; error: MessageError }> {
  const envelope = envelopeSchema.safeParse(raw);
  if (!envelope.success || !Object.hasOwn(protocol, envelope.data.type)) {
    return { ok: false, error: { code: 'invalid-request', message: 'Unknown request.' } };
  }
  const type = envelope.data.type as MessageType;
  const spec = protocol[type];
  if (sender.kind === null || !(spec.senders as readonly SenderKind[]).includes(sender.kind)) {
    return { ok: false, error: { code: 'forbidden', message: 'This request is not allowed from here.' } };
  }
  const request = spec.request.safeParse(envelope.data.payload);
  if (!request.success) {
    return { ok: false, error: { code: 'invalid-request', message: describeIssue(request.error.issues[0]) } };
  }
  try {
    const handler = handlers[type] as (p: unknown, s: typeof sender & { kind: SenderKind }) => Promise<object>;
    const response = await handler(request.data, { ...sender, kind: sender.kind });
    return { ok: true, ...response };
  } catch (error) {
    if (error instanceof VaultError) return { ok: false, error: { code: error.code, message: error.message } };
    onUnexpected(error);
    return { ok: false, error: { code: 'internal', message: 'Something went wrong. Your vault is unchanged.' } };
  }
}

/** Names the field that failed validation without echoing its value (it may be a password). */
function describeIssue(issue: { path: PropertyKey[]; message: string } | undefined): string {
  if (!issue) return 'Invalid request.';
  const path = issue.path.map(String).join('.');
  return path ? `Invalid request: ${path} is not valid.` : 'Invalid request.';
}

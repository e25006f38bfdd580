/**
 * The building block of every feature's message map: a request schema, a response schema and the allowed
 * senders (DESIGN §6). Features define their maps with `message()`; lib/protocol spreads them into the one
 * protocol map. The types here are generic over a map, so a feature's handlers are typed by its own map.
 */
import type { z } from 'zod';

/** Who may send a message: extension pages (popup, vault page) or content scripts in web pages. */
export type SenderKind = 'extension-page' | 'content-script';

/** Extension pages only: the popup and the vault page. */
export const pages: SenderKind[] = ['extension-page'];

/** Sent by no one: the background calls these handlers itself (alarms, start-up). */
export const internal: SenderKind[] = [];

/**
 * One message type of a map.
 * @param senders - who may send it; checked before validation and before the handler (DESIGN §6)
 */
export function message<Req extends z.ZodType, Res extends z.ZodType>(request: Req, response: Res, senders: SenderKind[]) {
  return { request, response, senders };
}

/** What `message()` returns. */
export interface MessageSpec {
  request: z.ZodType;
  response: z.ZodType;
  senders: SenderKind[];
}

/** A map of message types (a feature's, or the whole protocol). */
export type MessageMap = Record<string, MessageSpec>;

/** The request of message `T` of map `M`, as the sender writes it. */
export type RequestIn<M extends MessageMap, T extends keyof M> = z.input<M[T]['request']>;
/** The response of message `T` of map `M`, as the receiver reads it. */
export type ResponseIn<M extends MessageMap, T extends keyof M> = z.output<M[T]['response']>;

/** Who sent a message, as the background saw it in `runtime.MessageSender` (never from the message). */
export interface MessageSender {
  kind: SenderKind;
  tabId?: number;
  frameId?: number;
  url?: string;
}

/** One handler per message type of `M`: a validated request and its sender in, the response out. */
export type HandlersOf<M extends MessageMap> = {
  [T in keyof M]: (payload: RequestIn<M, T> & object, sender: MessageSender) => Promise<ResponseIn<M, T>>;
};

/** The building block of the protocol map: a request schema, a response schema and the allowed senders. */
import type { z } from 'zod';

/** Who may send a message: extension pages (popup, vault page) or content scripts in web pages. */
export type SenderKind = 'extension-page' | 'content-script';

/** Extension pages only: the popup and the vault page. */
export const pages: SenderKind[] = ['extension-page'];

/**
 * One message type of the protocol map.
 * @param senders - who may send it; checked before validation and before the handler (DESIGN §6)
 */
export function message<Req extends z.ZodType, Res extends z.ZodType>(request: Req, response: Res, senders: SenderKind[]) {
  return { request, response, senders };
}

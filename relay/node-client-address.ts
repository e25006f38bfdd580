/** The caller's address on Node (@hono/node-server), directly or through a trusted reverse proxy. */
import type { Context } from 'hono';
import { getConnInfo } from '@hono/node-server/conninfo';
import { addressKey } from './address-key';

/**
 * Makes the RelayDeps.clientAddress function for the Node server.
 * @param trustProxy - use the last X-Forwarded-For entry, the one the proxy in front of us appended; a
 *   client can forge every earlier one. Only safe when nothing reaches the relay except through that proxy.
 */
export function nodeClientAddress(trustProxy: boolean): (c: Context) => string {
  return (c) => {
    if (trustProxy) {
      const last = c.req.header('x-forwarded-for')?.split(',').at(-1)?.trim();
      if (last) return addressKey(last);
    }
    return addressKey(getConnInfo(c).remote.address ?? 'unknown');
  };
}

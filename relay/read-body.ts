/**
 * Reads a request body with the relay's size cap. Used instead of Hono's bodyLimit, which touches
 * `c.req.raw.body` on every request and so makes @hono/node-server build a full web Request and stream
 * (about 130 µs a request here, more than the rest of an unsigned call); this reads through the
 * server's direct path and only streams a chunked body, the one case without a declared length.
 */
import type { Context } from 'hono';
import { RelayHttpError } from './relay-http-error';

const tooLarge = (maxBytes: number) => new RelayHttpError('body-too-large', `the request body is larger than ${maxBytes} bytes`);

/**
 * The raw body, at most `maxBytes`; empty for GET and HEAD, whose bodies the relay never uses.
 * @param maxBytes - what the route needs at most (lib/relay-protocol/relay-limits: MAX_BODY_BYTES for a
 *   post, MAX_SMALL_BODY_BYTES for the rest)
 * @throws RelayHttpError 413 body-too-large, before reading when the declared Content-Length is over the cap
 */
export async function readBody(c: Context, maxBytes: number): Promise<Uint8Array> {
  if (c.req.method === 'GET' || c.req.method === 'HEAD') return new Uint8Array();
  const declared = c.req.header('content-length');
  if (declared !== undefined && !(Number(declared) <= maxBytes)) throw tooLarge(maxBytes);
  const stream = c.req.header('transfer-encoding') !== undefined ? c.req.raw.body : null;
  if (stream) return readCapped(stream, maxBytes);
  const body = new Uint8Array(await c.req.arrayBuffer());
  if (body.length > maxBytes) throw tooLarge(maxBytes);
  return body;
}

/** Reads a stream, stopping as soon as it passes the cap rather than after buffering all of it. */
async function readCapped(stream: ReadableStream<Uint8Array>, maxBytes: number): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = stream.getReader();
  for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
    size += chunk.value.length;
    if (size > maxBytes) {
      await reader.cancel();
      throw tooLarge(maxBytes);
    }
    chunks.push(chunk.value);
  }
  const body = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.length;
  }
  return body;
}

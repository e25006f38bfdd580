/**
 * The app's error handler: a deliberate refusal keeps its status and code; an HTTP error Hono raised
 * while reading the request (a malformed or cut-off body) is a 400; only a fault of the relay itself is
 * a 500, logged by name and message, never with the request body.
 */
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { RelayErrorBody } from '../lib/relay-protocol/relay-error-body';
import { RelayHttpError } from './relay-http-error';

/** Maps any thrown value to a JSON error response. */
export function handleError(error: unknown, c: Context): Response {
  if (error instanceof RelayHttpError) {
    if (error.details.retryAfterSeconds !== undefined) c.header('Retry-After', String(error.details.retryAfterSeconds));
    return c.json(error.toBody(), error.status);
  }
  if (error instanceof HTTPException && error.status < 500) {
    return c.json({ error: 'invalid-request', message: 'the request could not be read' } satisfies RelayErrorBody, 400);
  }
  console.error(`relay: ${c.req.method} ${new URL(c.req.url).pathname} failed: ${error instanceof Error ? `${error.name}: ${error.message}` : 'unknown error'}`);
  return c.json({ error: 'internal', message: 'the relay failed to handle this request' } satisfies RelayErrorBody, 500);
}

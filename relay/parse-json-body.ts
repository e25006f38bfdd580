/** Turns raw request bytes into a validated value, or a 4xx that says which field was wrong. */
import type { z } from 'zod';
import { ENVELOPE_TOO_LARGE } from '../lib/relay-protocol/envelope-schemas';
import { ENTRY_TOO_LARGE, MESSAGE_TOO_LARGE } from '../lib/relay-protocol/folder-schemas';
import { RelayHttpError } from './relay-http-error';

const decoder = new TextDecoder('utf-8', { fatal: true });

/**
 * Decodes UTF-8, parses JSON and validates with `schema`.
 * @throws RelayHttpError 413 envelope-too-large when an envelope is over 64 KiB (entry-too-large, message-too-large
 *   for a folder's log entry over 16 KiB or message over 64 KiB), else 400 invalid-request
 *   naming the first bad field (never its value)
 */
export function parseJsonBody<S extends z.ZodType>(body: Uint8Array, schema: S): z.output<S> {
  let json: unknown;
  try {
    json = JSON.parse(decoder.decode(body));
  } catch {
    throw new RelayHttpError('invalid-request', 'the body is not UTF-8 JSON');
  }
  const parsed = schema.safeParse(json);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues;
  if (issues.some((issue) => issue.code === 'custom' && issue.params?.code === ENVELOPE_TOO_LARGE)) {
    throw new RelayHttpError('envelope-too-large', 'an envelope is larger than 64 KiB');
  }
  const tooLarge = (code: string) => issues.some((issue) => issue.code === 'custom' && issue.params?.code === code);
  if (tooLarge(ENTRY_TOO_LARGE)) throw new RelayHttpError('entry-too-large', 'a folder log entry is larger than 16 KiB');
  if (tooLarge(MESSAGE_TOO_LARGE)) throw new RelayHttpError('message-too-large', 'a folder message is larger than 64 KiB');
  const where = issues[0]?.path.join('.') || 'body';
  throw new RelayHttpError('invalid-request', `invalid request: ${where}`);
}

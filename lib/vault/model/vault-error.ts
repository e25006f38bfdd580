/**
 * Error codes that cross the message boundary. The UI turns each into words (components/error-text);
 * messages never carry a stack trace or a secret.
 */
import { z } from 'zod';

export const errorCodeSchema = z.enum([
  'locked',
  'no-vault',
  'vault-exists',
  'wrong-password',
  'weak-password',
  'not-found',
  'conflict',
  'corrupted',
  'invalid-request',
  'forbidden',
  'internal',
]);
export type ErrorCode = z.infer<typeof errorCodeSchema>;

/** The error half of every result. `message` is safe to show: it never contains user data. */
export const messageErrorSchema = z.object({ code: errorCodeSchema, message: z.string() });
export type MessageError = z.infer<typeof messageErrorSchema>;

/** An error a handler throws on purpose; its code and message reach the caller unchanged. */
export class VaultError extends Error {
  override name = 'VaultError';
  constructor(readonly code: ErrorCode, message: string) {
    super(message);
  }
}

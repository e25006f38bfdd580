/** Signs a log entry with its author's Ed25519 key (over logEntrySigningBytes). */
import { toBase64 } from '../../../crypto/base64';
import { signEd25519 } from '../../../crypto/sign-ed25519';
import type { Identity } from '../../../sharing/identity/identity';
import { MAX_FOLDER_ENTRY_BYTES } from '../folder-limits';
import { logEntrySchema, unsignedLogEntrySchema, type LogEntry, type UnsignedLogEntry } from './log-entry';
import { logEntrySigningBytes } from './log-entry-bytes';

/**
 * @param author - my identity; `unsigned.author` must name its handle and key fingerprint (replay checks that)
 * @param unsigned - every field but `sig`, validated here
 * @returns the entry with a 64-byte signature, at most 16 KiB as JSON
 * @throws ZodError for invalid fields; RangeError when the entry would exceed 16 KiB
 */
export function signLogEntry(author: Identity, unsigned: UnsignedLogEntry): LogEntry {
  const fields = unsignedLogEntrySchema.parse(unsigned);
  const entry = logEntrySchema.parse({ ...fields, sig: toBase64(signEd25519(author.signingSecretKey, logEntrySigningBytes(fields))) });
  if (JSON.stringify(entry).length > MAX_FOLDER_ENTRY_BYTES) throw new RangeError('signLogEntry: entry exceeds 16 KiB');
  return entry;
}

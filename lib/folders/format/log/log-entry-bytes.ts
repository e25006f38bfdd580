/**
 * The canonical bytes of a log entry: what its author signs and what its hash covers. Every field in a fixed
 * order as a (name, value) pair, each length-prefixed (encodeLengthPrefixed); absent optional fields are left
 * out, so present and absent never encode alike. Numbers are decimal text, booleans and null their JSON
 * words, base64 fields their exact text (the schema admits one spelling only).
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { fromBase64 } from '../../../crypto/base64';
import { encodeLengthPrefixed } from '../../../crypto/encode-length-prefixed';
import type { LogEntry, UnsignedLogEntry } from './log-entry';

/** Domain label of the signature. */
const SIGN_LABEL = 'sealpass/v1/folder-log';
/** Domain label of the entry hash. */
const HASH_LABEL = 'sealpass/v1/folder-log-hash';

function fields(entry: UnsignedLogEntry): string[] {
  const out: string[] = [
    'v', String(entry.v),
    'folderId', entry.folderId,
    'seq', String(entry.seq),
    'prev', entry.prev,
    'op', entry.op,
    'author.handle', entry.author.handle,
    'author.fingerprint', entry.author.fingerprint,
  ];
  const s = entry.subject;
  if (s) {
    out.push('subject.handle', s.handle, 'subject.fingerprint', s.fingerprint, 'subject.encryptionKey', s.encryptionKey, 'subject.signingKey', s.signingKey);
    if (s.xwingKey !== undefined) out.push('subject.xwingKey', s.xwingKey);
  }
  if (entry.role !== undefined) out.push('role', entry.role);
  if (entry.autofillOnly !== undefined) out.push('autofillOnly', String(entry.autofillOnly));
  if (entry.accessEndsAt !== undefined) out.push('accessEndsAt', entry.accessEndsAt === null ? 'null' : String(entry.accessEndsAt));
  out.push('epoch', String(entry.epoch), 'keyCommitment', entry.keyCommitment);
  const w = entry.prevKeyWrap;
  if (w) out.push('prevKeyWrap.v', String(w.v), 'prevKeyWrap.alg', w.alg, 'prevKeyWrap.nonce', w.nonce, 'prevKeyWrap.ct', w.ct);
  if (entry.cursor !== undefined) out.push('cursor', String(entry.cursor));
  out.push('at', String(entry.at));
  return out;
}

/**
 * @param entry - every field but `sig` (a whole entry's `sig` is ignored)
 * @returns `lp("sealpass/v1/folder-log") ‖ lp(name) ‖ lp(value) …`: what the author's Ed25519 key signs
 */
export function logEntrySigningBytes(entry: UnsignedLogEntry | LogEntry): Uint8Array {
  return encodeLengthPrefixed([SIGN_LABEL, ...fields(entry)]);
}

/**
 * The entry hash the next entry's `prev` and the folder's head name.
 * @returns `SHA-256(lp("sealpass/v1/folder-log-hash") ‖ lp(signing bytes) ‖ lp(signature))`, 32 bytes
 */
export function logEntryHash(entry: LogEntry): Uint8Array {
  return sha256(encodeLengthPrefixed([HASH_LABEL, logEntrySigningBytes(entry), fromBase64(entry.sig)]));
}

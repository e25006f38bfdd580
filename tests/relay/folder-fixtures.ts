/**
 * Shared folders at the relay (issue 13): folder and message ids in the wire format, and log entries and
 * messages as opaque JSON text carrying the fields the relay compares (folderId, seq, id). Their other
 * fields stand in for the signed content, which the relay never reads.
 */

/** A fresh folder or message id: 16 random bytes, base64url (22 characters). */
export function randomId(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString('base64url');
}

/** A log entry's JSON text for `seq` of `folder`; `pad` makes it that many characters longer. */
export function entryText(folder: string, seq: number, note = 'entry', pad = 0): string {
  return JSON.stringify({ v: 1, folderId: folder, seq, op: seq === 1 ? 'create' : 'add', note, sig: 's'.repeat(pad) });
}

/** A message's JSON text with its own id; `pad` makes it that many characters longer. */
export function messageText(folder: string, id: string, note = 'message', pad = 0): string {
  return JSON.stringify({ v: 1, folderId: folder, id, content: note, sig: 's'.repeat(pad) });
}

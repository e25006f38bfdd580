/** The canonical bytes a folder message's author signs: every field but `sig`, as (name, value) pairs, length-prefixed. */
import { encodeLengthPrefixed } from '../../../crypto/encode-length-prefixed';
import type { SealedWire } from '../sealed-wire';
import type { FolderMessage, UnsignedFolderMessage } from './folder-message';

function sealedFields(name: string, s: SealedWire): string[] {
  return [`${name}.v`, String(s.v), `${name}.alg`, s.alg, `${name}.nonce`, s.nonce, `${name}.ct`, s.ct];
}

/** @returns `lp("sealpass/v1/folder-message") ‖ lp(name) ‖ lp(value) …` */
export function folderMessageSigningBytes(message: UnsignedFolderMessage | FolderMessage): Uint8Array {
  const m = message;
  return encodeLengthPrefixed([
    'sealpass/v1/folder-message',
    'v', String(m.v),
    'folderId', m.folderId,
    'id', m.id,
    'epoch', String(m.epoch),
    'author', m.author,
    'head.seq', String(m.head.seq),
    'head.hash', m.head.hash,
    ...sealedFields('wrappedKey', m.wrappedKey),
    ...sealedFields('content', m.content),
  ]);
}

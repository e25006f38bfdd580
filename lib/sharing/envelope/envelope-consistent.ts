/** Checks that an envelope's header and body agree, on sealing (a bug) and on opening (a forgery or a broken sender). */
import { toBase64 } from '../../crypto/base64';
import { fromBase64Url } from '../../crypto/base64url';
import type { EnvelopeBody, EnvelopeHeader } from './envelope-schema';

/** The header fields a folder-key envelope's body fixes: share id = the folder id's bytes in base64, item `folder`, version = epoch (T03). */
function folderKeyConsistent(header: EnvelopeHeader, body: Extract<EnvelopeBody, { kind: 'folder-key' }>): boolean {
  try {
    return header.itemId === 'folder' && header.version === body.epoch && header.shareId === toBase64(fromBase64Url(body.folderId));
  } catch {
    return false;
  }
}

/**
 * True when the body's kind is the header's, an offer or update repeats the header's expiry, and any
 * expiry lies after the creation time; a folder key's header names its folder and epoch.
 */
export function envelopeConsistent(header: EnvelopeHeader, body: EnvelopeBody): boolean {
  if (header.kind !== body.kind) return false;
  if (header.expiresAt !== undefined && header.expiresAt <= header.created) return false;
  if (body.kind === 'share-offer' || body.kind === 'share-update') return body.expiresAt === (header.expiresAt ?? null);
  if (body.kind === 'folder-key') return folderKeyConsistent(header, body);
  return true;
}

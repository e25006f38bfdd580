/**
 * A shared folder's id (issue 13): 16 random bytes, base64url without padding (22 characters), so it can
 * go in relay paths as is. The folder-key envelope's header names it as a share id, in standard base64.
 */
import { z } from 'zod';
import { toBase64 } from '../../crypto/base64';
import { fromBase64Url, toBase64Url } from '../../crypto/base64url';
import { randomBytes } from '../../crypto/random-bytes';

/** Length of a folder id in bytes. */
export const FOLDER_ID_BYTES = 16;

/** Canonical unpadded base64url of 16 bytes: 22 characters, the last one a multiple of 16 in the alphabet (folder and message ids). */
export const folderIdSchema = z
  .string()
  .regex(/^[A-Za-z0-9_-]{22}$/, 'not a folder id')
  .refine((text) => {
    try {
      return fromBase64Url(text).length === FOLDER_ID_BYTES;
    } catch {
      return false;
    }
  }, 'not a folder id');

/** @returns a fresh folder id: 16 bytes from the CSPRNG, 22 characters of base64url */
export function newFolderId(): string {
  return toBase64Url(randomBytes(FOLDER_ID_BYTES));
}

/**
 * The share id a folder-key envelope's signed header carries for this folder: the same 16 bytes in standard
 * padded base64 (24 characters), as envelope-schema's `shareId` wants.
 * @param folderId - a valid folder id (22 characters of base64url)
 * @throws SyntaxError when `folderId` is not canonical base64url
 */
export function folderShareId(folderId: string): string {
  return toBase64(fromBase64Url(folderId));
}

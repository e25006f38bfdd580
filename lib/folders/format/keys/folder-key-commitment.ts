/**
 * The key commitment every log entry carries (issue 13): a member who receives a folder key checks it
 * against the log, so a key that is not the one the managers committed to is refused
 * (`commitment-mismatch`), whoever sealed it.
 */
import { toBase64 } from '../../../crypto/base64';
import { encodeLengthPrefixed } from '../../../crypto/encode-length-prefixed';
import { hmacSha256 } from '../../../crypto/hmac-sha256';
import type { FolderKey } from '../../../crypto/keys';

/**
 * `HMAC-SHA256(FK_e, lp("sealpass/v1/folder-key-commitment") ‖ lp(folderId) ‖ lp(u32be epoch))`.
 * @param key - the epoch's 32-byte folder key
 * @param folderId - the folder id (22 characters)
 * @param epoch - 1..1,000,000
 * @returns base64 of the 32-byte tag
 */
export function folderKeyCommitment(key: FolderKey, folderId: string, epoch: number): string {
  const epochBytes = new Uint8Array(4);
  new DataView(epochBytes.buffer).setUint32(0, epoch);
  return toBase64(hmacSha256(key, encodeLengthPrefixed(['sealpass/v1/folder-key-commitment', folderId, epochBytes])));
}

/**
 * The owner's safety code as a request page shows it: from the keys in the signed descriptor, the X-Wing key
 * included when the owner has one, so it is the same 30 digits as their own code in Settings (issue 16).
 */
import { fromBase64 } from '../../crypto/base64';
import { ownSafetyCode } from '../../sharing/identity/own-safety-code';
import type { RequestDescriptor } from '../format/request-descriptor';

/**
 * @param owner - the descriptor's owner (handle, 32-byte X25519 and Ed25519 keys, optional 1,216-byte X-Wing key, base64)
 * @returns 30 digits as 6 groups of 5
 */
export function ownerSafetyCode(owner: RequestDescriptor['owner']): string {
  return ownSafetyCode({
    handle: owner.handle,
    encryptionKey: fromBase64(owner.encryptionKey),
    signingKey: fromBase64(owner.signingKey),
    ...(owner.xwingKey === undefined ? {} : { xwingKey: fromBase64(owner.xwingKey) }),
  });
}

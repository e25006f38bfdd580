/**
 * The id a received item has in the item list and the fill lookup: "shared-" and the share id in hex.
 * Vault item ids are 32 hex digits, so the two kinds can never collide.
 */
import { bytesToHex, hexToBytes } from '@noble/hashes/utils.js';
import { fromBase64, toBase64 } from '../../crypto/base64';
import { isReceivedItemId } from '../is-received-item-id';

const PREFIX = 'shared-';

/** @param shareId - base64 of 16 bytes @returns 39 characters */
export function receivedItemId(shareId: string): string {
  return PREFIX + bytesToHex(fromBase64(shareId));
}

/** @returns the share id, or null when `id` is not a received item's */
export function shareIdOfReceivedItem(id: string): string | null {
  return isReceivedItemId(id) ? toBase64(hexToBytes(id.slice(PREFIX.length))) : null;
}

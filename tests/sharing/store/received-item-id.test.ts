/** Received items get ids of their own, derived from the share id. */
import { describe, expect, it } from 'vitest';
import { newShareId } from '../../../lib/sharing/envelope/new-share-id';
import { isReceivedItemId } from '../../../lib/sharing/is-received-item-id';
import { receivedItemId, shareIdOfReceivedItem } from '../../../lib/sharing/store/received-item-id';

describe('received item ids', () => {
  it('round-trip a share id and never look like a vault item id', () => {
    const shareId = newShareId();
    const id = receivedItemId(shareId);
    expect(id).toMatch(/^shared-[0-9a-f]{32}$/);
    expect(isReceivedItemId(id)).toBe(true);
    expect(shareIdOfReceivedItem(id)).toBe(shareId);
    expect(isReceivedItemId('0123456789abcdef0123456789abcdef')).toBe(false);
    expect(shareIdOfReceivedItem('shared-xyz')).toBeNull();
  });
});

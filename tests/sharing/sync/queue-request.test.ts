/** queueRequest (T02): one waiting request per sender and share, the newest version kept, at most MAX_REQUESTS. */
import { describe, expect, it } from 'vitest';
import { MAX_REQUESTS, type StoredRequest } from '../../../lib/sharing/store/stored-request';
import { queueRequest } from '../../../lib/sharing/sync/queue-request';
import { T0 } from '../../vault/fixtures';

const waiting = (n: number): StoredRequest[] =>
  Array.from({ length: n }, (_, i) => ({ id: i.toString(16).padStart(32, '0'), from: `h${i}`, shareId: 'AAAAAAAAAAAAAAAAAAAAAA==', version: 1, receivedAt: T0 + i, envelope: '{}' }));

describe('queueRequest', () => {
  it('a new sender and share: stored with a fresh id and the time it came', () => {
    const { put, remove } = queueRequest(waiting(2), { from: 'carol', shareId: 'BBBBBBBBBBBBBBBBBBBBBB==', version: 1, envelope: '{"v":1}' }, T0 + 99);
    expect(put).toMatchObject({ from: 'carol', receivedAt: T0 + 99, envelope: '{"v":1}' });
    expect(put?.id).toMatch(/^[0-9a-f]{32}$/);
    expect(remove).toEqual([]);
  });

  it('the same sender and share: a newer version replaces it under the same id; an equal or older one changes nothing', () => {
    const [first] = waiting(1);
    expect(queueRequest([first!], { from: first!.from, shareId: first!.shareId, version: 2, envelope: 'new' }, T0 + 5)).toEqual({ put: { ...first!, version: 2, envelope: 'new', receivedAt: T0 + 5 }, remove: [] });
    expect(queueRequest([first!], { from: first!.from, shareId: first!.shareId, version: 1, envelope: 'replay' }, T0 + 5)).toEqual({ put: null, remove: [] });
  });

  it('a full list drops its oldest to make room (the relay could flood it either way)', () => {
    const full = waiting(MAX_REQUESTS);
    const { put, remove } = queueRequest(full, { from: 'late', shareId: 'CCCCCCCCCCCCCCCCCCCCCC==', version: 1, envelope: '{}' }, T0 + 1000);
    expect(put?.from).toBe('late');
    expect(remove).toEqual([full[0]!.id]);
  });
});

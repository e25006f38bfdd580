/**
 * Where an incoming request goes among those already waiting (T02): one per sender and share, the newest
 * version kept; at most MAX_REQUESTS, the oldest dropped first.
 */
import { bytesToHex } from '@noble/hashes/utils.js';
import { randomBytes } from '../../crypto/random-bytes';
import { MAX_REQUESTS, type StoredRequest } from '../store/stored-request';
import type { IncomingRequest } from './process-incoming';

/**
 * @param waiting - the requests stored now, oldest first
 * @param now - ms since epoch
 * @returns the request to store (null when an equal or newer one waits already) and the ids to remove
 */
export function queueRequest(waiting: readonly StoredRequest[], incoming: IncomingRequest, now: number): { put: StoredRequest | null; remove: string[] } {
  const same = waiting.find((r) => r.from === incoming.from && r.shareId === incoming.shareId);
  if (same && same.version >= incoming.version) return { put: null, remove: [] };
  const put: StoredRequest = { id: same?.id ?? bytesToHex(randomBytes(16)), ...incoming, receivedAt: now };
  const others = waiting.filter((r) => r !== same);
  const remove = others.slice(0, Math.max(0, others.length + 1 - MAX_REQUESTS)).map((r) => r.id);
  return { put, remove };
}

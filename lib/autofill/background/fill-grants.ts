/**
 * One-time fill grants (S3, T16): when the user asks to fill from outside the page (keyboard shortcut,
 * context menu, popup), the background issues a grant bound to that tab, and to the frame and login when it
 * knows them, and releases a credential to the content script only against it. Background memory only: a
 * service-worker restart drops them, and the user presses again.
 */
import { bytesToHex } from '@noble/hashes/utils.js';
import { randomBytes } from '../../crypto/random-bytes';

/** How long a grant waits for its content script, in milliseconds. A fill takes a few. */
export const FILL_GRANT_TTL_MS = 10_000;

/** What a grant is bound to; null = any frame of the tab / any login matching the frame. */
export interface GrantScope {
  tabId: number;
  frameId: number | null;
  id: string | null;
}

/** The grants issued and not yet claimed. */
export class FillGrants {
  private readonly grants = new Map<string, GrantScope & { issuedAt: number }>();

  /**
   * @param now - ms since epoch
   * @returns the grant: 16 random bytes as hex
   */
  issue(scope: GrantScope, now: number): string {
    for (const [token, grant] of this.grants) if (!fresh(grant.issuedAt, now)) this.grants.delete(token);
    const token = bytesToHex(randomBytes(16));
    this.grants.set(token, { ...scope, issuedAt: now });
    return token;
  }

  /**
   * Uses a grant up: true when it exists, is fresh and covers this frame and login. Any attempt consumes it,
   * so a wrong frame cannot try again and the right one cannot fill twice.
   */
  claim(token: string, claim: { tabId: number; frameId: number; id: string }, now: number): boolean {
    const grant = this.grants.get(token);
    this.grants.delete(token);
    if (!grant || !fresh(grant.issuedAt, now)) return false;
    return grant.tabId === claim.tabId && (grant.frameId === null || grant.frameId === claim.frameId) && (grant.id === null || grant.id === claim.id);
  }
}

function fresh(issuedAt: number, now: number): boolean {
  return now >= issuedAt && now - issuedAt < FILL_GRANT_TTL_MS;
}

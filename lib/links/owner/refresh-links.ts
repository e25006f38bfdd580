/**
 * Brings the owner's link records up to date with the relay (issue 14): views left, state, and the
 * "opened" proofs, each checked again here with the receipt key the vault kept, so a relay cannot report
 * an opening that did not happen. A newly proven opening goes into the audit log.
 */
import { verifyOpenedProof } from '../../relay-protocol/opened-proof';
import type { OwnedLink } from '../../relay-protocol/link-schemas';
import { withIdentity } from '../../sharing/store/read-identity';
import type { UnlockedVault } from '../../vault/keys/unlocked-vault';
import type { AuditPayload } from '../../vault/records/audit-chain';
import type { LinksContext } from '../links-context';
import { commitLinks } from '../store/commit-links';
import { loadLinks } from '../store/load-link-records';
import { sealLink, type StoredLink } from '../store/stored-link';
import { ownerClient } from './owner-client';

/** Applies the relay's report to one record; returns the updated record and the events for new openings. */
export function applyLinkReport(stored: StoredLink, report: OwnedLink | undefined, now: number): { link: StoredLink; audit: Omit<AuditPayload, 'at'>[] } {
  if (!report) {
    // Purged by the relay: only an expiry explains that; anything else keeps its last known state.
    return { link: stored.expiresAt <= now ? { ...stored, state: stored.state === 'active' ? 'expired' : stored.state, checkedAt: now } : stored, audit: [] };
  }
  const known = new Set(stored.opens.map((open) => open.nonce));
  const fresh = report.opens.filter((open) => !known.has(open.nonce) && verifyOpenedProof(stored.receiptKey, stored.id, open));
  const link: StoredLink = {
    ...stored,
    // Views only go down and an ended link stays ended, whatever a relay says later.
    state: stored.state === 'active' ? report.state : stored.state,
    viewsLeft: Math.min(stored.viewsLeft, report.viewsLeft),
    opens: [...stored.opens, ...fresh.map((open) => ({ nonce: open.nonce, at: open.at }))],
    checkedAt: now,
  };
  return { link, audit: fresh.map(() => ({ type: 'link-opened' as const, ...(stored.itemId ? { itemId: stored.itemId } : {}), itemTitle: stored.title })) };
}

/**
 * @returns the links (newest first) and, when the relay could not be asked, why
 */
export async function refreshLinks(ctx: LinksContext, vault: UnlockedVault): Promise<{ links: StoredLink[]; damaged: number; relayError: string | null }> {
  const loaded = await loadLinks(ctx.db, vault);
  let reports: OwnedLink[] | null = null;
  let relayError: string | null = null;
  if (loaded.records.length > 0) {
    try {
      reports = await withIdentity(ctx.db, vault, (opened) => ownerClient(opened, ctx).listLinks());
    } catch {
      relayError = 'The relay could not be asked for the links’ state; what is shown is the last known.';
    }
  }
  let links = loaded.records;
  if (reports !== null) {
    const now = ctx.now();
    const byId = new Map(reports.map((report) => [report.id, report]));
    const updates = links.map((stored) => applyLinkReport(stored, byId.get(stored.id), now));
    links = updates.map((update) => update.link);
    await commitLinks(ctx.db, vault, { links: { put: links.map((link) => sealLink(vault, link)) }, audit: updates.flatMap((update) => update.audit) }, now);
  }
  return { links: [...links].sort((a, b) => b.createdAt - a.createdAt), damaged: loaded.damaged.length, relayError };
}

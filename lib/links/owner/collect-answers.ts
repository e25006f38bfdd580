/**
 * Brings the owner's requests up to date and collects their answers (issue 14): each answer is opened with
 * its request's secret key (an answer moved to another request, or forged without the key, does not open
 * and is dropped), kept sealed under the vault key until the owner accepts or discards it, and only then
 * acknowledged, so the relay deletes it. The inbox lists them as from "the holder of link '<label>'".
 */
import { fromBase64 } from '../../crypto/base64';
import { asKey, type HpkeSecretKey } from '../../crypto/keys';
import { wipe } from '../../crypto/wipe';
import type { OwnedRequests } from '../../relay-protocol/link-schemas';
import { withIdentity } from '../../sharing/store/read-identity';
import type { UnlockedVault } from '../../vault/keys/unlocked-vault';
import type { AuditPayload } from '../../vault/records/audit-chain';
import type { LinkRecord } from '../../db/vault-db';
import { openRequestAnswer } from '../format/open-request-answer';
import type { LinksContext } from '../links-context';
import { commitLinks } from '../store/commit-links';
import { loadAnswers, loadRequests } from '../store/load-link-records';
import { sealAnswer, type StoredAnswer } from '../store/stored-answer';
import { sealRequest, type StoredRequest } from '../store/stored-request';
import { ownerClient } from './owner-client';

/** What a collection found. */
export interface Collected {
  requests: StoredRequest[];
  answers: StoredAnswer[];
  damaged: number;
  relayError: string | null;
}

/** Opens `sealed` with the request's key; null when it does not open (dropped: nobody but the relay could have changed it). */
function openWith(request: StoredRequest, text: string) {
  const key = asKey<HpkeSecretKey>(fromBase64(request.secretKey));
  try {
    return openRequestAnswer(key, request.id, text);
  } catch {
    return null;
  } finally {
    wipe(key);
  }
}

/**
 * @param withRelay - false to list what is stored without asking the relay (offline, or a quick redraw)
 */
export async function collectAnswers(ctx: LinksContext, vault: UnlockedVault, withRelay = true): Promise<Collected> {
  const requests = await loadRequests(ctx.db, vault);
  let report: OwnedRequests | null = null;
  let relayError: string | null = null;
  if (withRelay && requests.records.length > 0) {
    try {
      report = await withIdentity(ctx.db, vault, (opened) => ownerClient(opened, ctx).listRequests());
    } catch {
      relayError = 'The relay could not be asked for answers; what is shown is what arrived before.';
    }
  }
  let current = requests.records;
  if (report !== null) {
    const now = ctx.now();
    const known = new Set((await ctx.db.requestAnswers.toCollection().primaryKeys()).map(String));
    const byId = new Map(current.map((request) => [request.id, request]));
    const puts: LinkRecord[] = [];
    const audit: Omit<AuditPayload, 'at'>[] = [];
    const received = new Map<string, number>();
    const dropped: number[] = [];
    for (const entry of report.answers) {
      const request = byId.get(entry.requestId);
      const id = `${entry.requestId}.${entry.id}`;
      if (!request || known.has(id)) continue;
      const answer = openWith(request, entry.answer);
      if (!answer) {
        dropped.push(entry.id);
        continue;
      }
      puts.push(sealAnswer(vault, { id, requestId: request.id, label: request.label, receivedAt: entry.receivedAt, answer: { username: answer.username, password: answer.password, url: answer.url, note: answer.note } }));
      received.set(request.id, (received.get(request.id) ?? 0) + 1);
      audit.push({ type: 'request-answered', itemTitle: request.label });
    }
    const states = new Map(report.requests.map((each) => [each.id, each]));
    current = current.map((request) => {
      const seen = states.get(request.id);
      const ended = request.state !== 'active';
      return {
        ...request,
        state: ended ? request.state : (seen?.state ?? (request.expiresAt <= now ? 'expired' : request.state)),
        answersLeft: Math.min(request.answersLeft, seen?.answersLeft ?? request.answersLeft),
        received: request.received + (received.get(request.id) ?? 0),
        checkedAt: now,
      };
    });
    await commitLinks(ctx.db, vault, { requests: { put: current.map((request) => sealRequest(vault, request)) }, answers: { put: puts }, audit }, now);
    // Answers that do not open are the relay's doing (T26): nothing to keep, so they go at once.
    if (dropped.length > 0) await withIdentity(ctx.db, vault, (opened) => ownerClient(opened, ctx).ackAnswers(dropped)).catch(() => undefined);
  }
  const answers = await loadAnswers(ctx.db, vault);
  return {
    requests: [...current].sort((a, b) => b.createdAt - a.createdAt),
    answers: answers.records.sort((a, b) => a.receivedAt - b.receivedAt),
    damaged: requests.damaged.length + answers.damaged.length,
    relayError,
  };
}

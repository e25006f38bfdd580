/**
 * Password health over the decrypted vault, in the background: weak (zxcvbn-ts score < 3), reused on different
 * sites, older than their rotation period, and listed in a breach list the user loaded or known to the opt-in
 * online check (lib/health/check-pwned-ranges, whose findings come in as `online`). Passwords are compared
 * through HMAC-SHA256 under a random key made for this one analysis and dropped after it, so no comparable
 * hash outlives the call or is stored; nothing is sent anywhere from here.
 */
import { changePasswordUrl } from '../quirks/change-password-url';
import { passwordRulesFor } from '../quirks/password-rules-for';
import { estimateStrength } from '../strength/estimate-strength';
import { siteOf } from '../vault/records/blind-index';
import type { Item, ItemContent } from '../vault/model/item-schema';
import type {
  BreachedFinding, HealthItem, HealthReport, OldFinding, OnlineCheckSummary, ReuseGroup, WeakFinding,
} from './health-report-schema';
import { createPasswordTagger } from './create-password-tagger';
import type { BreachList } from './parse-breach-list';
import { passwordSha1 } from './password-sha1';
import { rotationStatus } from './rotation-status';

type Login = Extract<ItemContent, { type: 'login' }>;

/** Score from which a password counts as strong enough (zxcvbn-ts: ≥ 10^8 guesses). */
export const MIN_HEALTHY_SCORE = 3;
/** Strength estimates between two yields to the event loop (each takes ~2–10 ms). */
const ESTIMATES_PER_SLICE = 16;

export interface HealthOptions {
  /** ms since epoch. */
  now: number;
  /** Global rotation period in days (Settings). */
  defaultRotationDays: number;
  /** A parsed breach list, or null to skip that check. */
  breachList: BreachList | null;
  /** The online range check's findings (SHA-1 → count) and summary, or null when it is off. */
  online?: { counts: ReadonlyMap<string, number>; summary: OnlineCheckSummary } | null;
  /** Records that did not decrypt, for the report's count. */
  quarantined?: number;
  /**
   * Scores from earlier analyses by `id#rev` (a new revision is a new key, so an edited password is scored
   * again); read and filled here. The caller keeps it only while the vault is unlocked.
   */
  scoreCache?: Map<string, number>;
  /** Lets other work run between slices of strength estimates; default: a zero-delay timer. */
  yieldNow?: () => Promise<void>;
}

/**
 * Analyses every live login that has a password; notes and empty passwords are skipped.
 * Cost: one HMAC per login, one zxcvbn-ts estimate per distinct password not in `scoreCache` (2–10 ms each,
 * the bulk of a cold run), one SHA-1 per login when a breach list is given.
 *
 * @param items - decrypted live items (lib/vault/open-live-items)
 * @returns findings by item, never a password or hash
 * @example const report = await analyzeHealth(items, { now: Date.now(), defaultRotationDays: 90, breachList: null });
 */
export async function analyzeHealth(items: readonly Item[], options: HealthOptions): Promise<HealthReport> {
  const yieldNow = options.yieldNow ?? (() => new Promise<void>((resolve) => setTimeout(resolve, 0)));
  const logins = items.filter((item): item is Item & { content: Login } => item.content.type === 'login' && item.content.password !== '');
  const tagger = createPasswordTagger();
  const described = new Map<string, HealthItem>();
  const itemOf = (item: Item & { content: Login }): HealthItem => {
    let found = described.get(item.id);
    if (!found) described.set(item.id, (found = healthItem(item)));
    return found;
  };

  const weak: WeakFinding[] = [];
  const old: OldFinding[] = [];
  const snoozed: OldFinding[] = [];
  const breached: BreachedFinding[] = [];
  const byPassword = new Map<string, (Item & { content: Login })[]>();
  const scoreOfPassword = new Map<string, number>();
  let estimated = 0;
  try {
    for (const item of logins) {
      const { content } = item;
      const tag = tagger.tag(content.password);
      const group = byPassword.get(tag);
      if (group) group.push(item);
      else byPassword.set(tag, [item]);

      const cacheKey = `${item.id}#${item.rev}`;
      let score = options.scoreCache?.get(cacheKey) ?? scoreOfPassword.get(tag);
      if (score === undefined) {
        score = estimateStrength(content.password).score;
        if (++estimated % ESTIMATES_PER_SLICE === 0) await yieldNow();
      }
      scoreOfPassword.set(tag, score);
      options.scoreCache?.set(cacheKey, score);
      if (score < MIN_HEALTHY_SCORE) weak.push({ ...itemOf(item), score });

      const status = rotationStatus(content, options.now, options.defaultRotationDays);
      if (status.due) {
        const finding: OldFinding = {
          ...itemOf(item),
          passwordSetAt: status.passwordSetAt,
          rotationDays: status.rotationDays,
          dueAt: status.dueAt,
          snoozedUntil: status.snoozed ? (content.rotationSnoozedUntil ?? null) : null,
        };
        (status.snoozed ? snoozed : old).push(finding);
      }

      if (options.breachList || options.online) {
        const sha1 = passwordSha1(content.password);
        const match = (options.breachList ? lookUpBreach(options.breachList, sha1) : null) ?? lookUpOnline(options.online, sha1);
        if (match) breached.push({ ...itemOf(item), ...match });
      }
    }
  } finally {
    tagger.dispose();
  }

  const reused: ReuseGroup[] = [];
  for (const group of byPassword.values()) {
    if (group.length < 2) continue;
    // Two accounts on one site with the same password are not reuse across sites; a login without an
    // address cannot be placed, so it counts as a site of its own.
    const sites = new Set(group.map((item) => siteOf(item.content.urls[0] ?? '') ?? `#${item.id}`)).size;
    if (sites >= 2) reused.push({ sites, items: group.map(itemOf).sort(byTitle) });
  }

  weak.sort((a, b) => a.score - b.score || byTitle(a, b));
  old.sort((a, b) => a.dueAt - b.dueAt || byTitle(a, b));
  snoozed.sort((a, b) => a.dueAt - b.dueAt || byTitle(a, b));
  reused.sort((a, b) => b.items.length - a.items.length || byTitle(a.items[0]!, b.items[0]!));
  breached.sort((a, b) => (b.count ?? 0) - (a.count ?? 0) || byTitle(a, b));
  return {
    analyzedAt: options.now,
    defaultRotationDays: options.defaultRotationDays,
    counts: {
      logins: logins.length,
      weak: weak.length,
      reused: reused.reduce((n, group) => n + group.items.length, 0),
      old: old.length,
      breached: breached.length,
      snoozed: snoozed.length,
      quarantined: options.quarantined ?? 0,
    },
    weak,
    reused,
    old,
    snoozed,
    breached,
    breachList: options.breachList?.summary ?? null,
    onlineCheck: options.online?.summary ?? null,
  };
}

/** The finding's item: who it is and where to fix it, from its first address. */
function healthItem(item: Item & { content: Login }): HealthItem {
  const url = item.content.urls[0] ?? '';
  return {
    id: item.id,
    title: item.content.title,
    username: item.content.username,
    url,
    passwordRules: url === '' ? null : passwordRulesFor(url),
    changePasswordUrl: url === '' ? null : changePasswordUrl(url),
  };
}

/** A full-hash match first (it carries the count), else the first listed prefix that matches. */
function lookUpBreach(list: BreachList, sha1: string): Pick<BreachedFinding, 'matchedBy' | 'count'> | null {
  const count = list.hashes.get(sha1);
  if (count !== undefined) return { matchedBy: 'hash', count };
  for (const [length, prefixes] of list.prefixes) if (prefixes.has(sha1.slice(0, length))) return { matchedBy: 'prefix', count: null };
  return null;
}

/** The online check's count for this hash, when it knows it. */
function lookUpOnline(online: HealthOptions['online'], sha1: string): Pick<BreachedFinding, 'matchedBy' | 'count'> | null {
  const count = online?.counts.get(sha1);
  return count === undefined ? null : { matchedBy: 'online', count };
}

/** One collator for every comparison: `localeCompare` would set up the locale's rules on each call. */
const collator = new Intl.Collator();

function byTitle(a: HealthItem, b: HealthItem): number {
  return collator.compare(a.title, b.title) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

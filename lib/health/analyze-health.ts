/**
 * Password health from the overview rows the unlocked vault holds (issue 15): weak (stored zxcvbn-ts score < 3),
 * reused on different sites, older than their rotation period, and listed in a breach list the user loaded or
 * known to the opt-in online check (lib/health/check-pwned-ranges, whose findings come in as `online`). Each
 * login's row carries its health sealed with it (lib/vault/model/overview-row: score, SHA-1 of the password,
 * rotation dates), so no item is opened and no password is looked at here; nothing is sent anywhere from here.
 */
import { changePasswordUrl } from '../quirks/change-password-url';
import { passwordRulesFor } from '../quirks/password-rules-for';
import { siteOf } from '../vault/records/blind-index';
import type { LoginHealth, OkSummary } from '../vault/model/overview-row';
import type {
  BreachedFinding, HealthItem, HealthReport, OldFinding, OnlineCheckSummary, ReuseGroup, WeakFinding,
} from './health-report-schema';
import type { BreachList } from './parse-breach-list';
import { rotationStatus } from './rotation-status';

/** Score from which a password counts as strong enough (zxcvbn-ts: ≥ 10^8 guesses). */
export const MIN_HEALTHY_SCORE = 3;

/** One live login with a password, as its overview row holds it. */
export interface HealthRow {
  summary: OkSummary;
  /** Its health; `score` null while the background has not scored it yet. */
  health: LoginHealth;
}

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
  /** Live logins whose health is not known yet (rows of an older build the background has not filled in). */
  unknown?: number;
  /** Background scoring in progress (rows scored so far in this run, of how many), or null. */
  scoring?: HealthReport['scoring'];
}

/**
 * Analyses live logins with a password from their stored health. Cost: a few µs per login (no decryption, no
 * strength estimate): about 30 ms for 10,000 logins, plus a map lookup per login when a breach list is given.
 *
 * @param rows - live logins with a password and known health (lib/health/background/health-rows)
 * @returns findings by item, never a password or hash; logins not scored yet are counted as `unscored`
 * @example const report = analyzeHealth(rows, { now: Date.now(), defaultRotationDays: 90, breachList: null });
 */
export function analyzeHealth(rows: readonly HealthRow[], options: HealthOptions): HealthReport {
  const described = new Map<string, HealthItem>();
  const itemOf = (row: HealthRow): HealthItem => {
    let found = described.get(row.summary.id);
    if (!found) described.set(row.summary.id, (found = healthItem(row.summary)));
    return found;
  };

  const weak: WeakFinding[] = [];
  const old: OldFinding[] = [];
  const snoozed: OldFinding[] = [];
  const breached: BreachedFinding[] = [];
  const byPassword = new Map<string, HealthRow[]>();
  let unscored = 0;
  for (const row of rows) {
    const { health } = row;
    const group = byPassword.get(health.sha1);
    if (group) group.push(row);
    else byPassword.set(health.sha1, [row]);

    if (health.score === null) unscored++;
    else if (health.score < MIN_HEALTHY_SCORE) weak.push({ ...itemOf(row), score: health.score });

    const status = rotationStatus(
      { passwordChangedAt: health.passwordSetAt, passwordHistory: [], createdAt: health.passwordSetAt, rotationDays: health.rotationDays, rotationSnoozedUntil: health.snoozedUntil },
      options.now,
      options.defaultRotationDays,
    );
    if (status.due) {
      const finding: OldFinding = {
        ...itemOf(row),
        passwordSetAt: status.passwordSetAt,
        rotationDays: status.rotationDays,
        dueAt: status.dueAt,
        snoozedUntil: status.snoozed ? health.snoozedUntil : null,
      };
      (status.snoozed ? snoozed : old).push(finding);
    }

    if (options.breachList || options.online) {
      const match = (options.breachList ? lookUpBreach(options.breachList, health.sha1) : null) ?? lookUpOnline(options.online, health.sha1);
      if (match) breached.push({ ...itemOf(row), ...match });
    }
  }

  const reused: ReuseGroup[] = [];
  for (const group of byPassword.values()) {
    if (group.length < 2) continue;
    // Two accounts on one site with the same password are not reuse across sites; a login without an
    // address cannot be placed, so it counts as a site of its own.
    const sites = new Set(group.map((row) => siteOf(row.summary.url) ?? `#${row.summary.id}`)).size;
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
      logins: rows.length,
      weak: weak.length,
      reused: reused.reduce((n, group) => n + group.items.length, 0),
      old: old.length,
      breached: breached.length,
      snoozed: snoozed.length,
      quarantined: options.quarantined ?? 0,
      unscored,
      unknown: options.unknown ?? 0,
    },
    weak,
    reused,
    old,
    snoozed,
    breached,
    breachList: options.breachList?.summary ?? null,
    onlineCheck: options.online?.summary ?? null,
    scoring: options.scoring ?? null,
  };
}

/** The finding's item: who it is and where to fix it, from its first address. */
function healthItem(summary: OkSummary): HealthItem {
  const { url } = summary;
  return {
    id: summary.id,
    title: summary.title,
    username: summary.username,
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

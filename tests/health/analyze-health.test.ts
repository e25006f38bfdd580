/**
 * analyzeHealth on crafted vaults, from the health their overview rows hold (scored here with zxcvbn-ts as the
 * background would): weak (score < 3), reused across sites but not same-site duplicates, old with per-item and
 * global periods, snooze, breach list by full hash and by prefix, links for each finding, unscored logins, and
 * no password or hash of one in the report.
 */
import { describe, expect, it } from 'vitest';
import { analyzeHealth as analyzeRows, type HealthOptions, type HealthRow } from '../../lib/health/analyze-health';
import { estimateStrength } from '../../lib/strength/estimate-strength';
import { overviewRow } from '../../lib/vault/records/overview-bucket';
import { parseBreachList } from '../../lib/health/parse-breach-list';
import { passwordSha1 } from '../../lib/vault/records/password-sha1';
import { DAY_MS } from '../../lib/health/rotation-status';
import { itemContentSchema, type Item, type ItemContent } from '../../lib/vault/model/item-schema';
import { T0 } from '../vault/fixtures';

type Login = Extract<ItemContent, { type: 'login' }>;

const NOW = T0 + 100 * DAY_MS;
/** Every login here is fresh unless a test says otherwise. */
const FRESH = NOW - DAY_MS;
const STRONG = ['Qz8!mW3#rT6$yU1p', 'vK7#pQ2!zR9@xL4$', 'Ub3$kd9!Lq2@Wm5#', 'Fj4%Tn8^Hs1&Rc6*', 'Zx9!Pv2@Nb7#Mq4$', 'Gh5^Jk8&Ld3*Sa6!'] as const;

function item(id: string, overrides: Partial<Login> = {}, rev = 1): Item {
  const content = itemContentSchema.parse({
    type: 'login', title: id, username: `${id}@example.com`, password: STRONG[0], urls: [`https://${id}.example.com/login`],
    createdAt: FRESH, updatedAt: FRESH, ...overrides,
  });
  return { id, rev, content };
}

const options = (overrides: Partial<HealthOptions> = {}): HealthOptions => ({
  now: NOW, defaultRotationDays: 90, breachList: null, ...overrides,
});

/** The rows the unlocked vault would hold for `items` once the background scored them (or not, `scored: false`). */
function rowsOf(items: readonly Item[], scored = true): HealthRow[] {
  return items.flatMap(({ id, rev, content }) => {
    const row = overviewRow(id, rev, content, false);
    if (!row.health || content.type !== 'login') return [];
    return [{ summary: row.summary, health: { ...row.health, score: scored ? estimateStrength(content.password).score : null } }];
  });
}

const analyzeHealth = (items: readonly Item[], opts: HealthOptions) => analyzeRows(rowsOf(items), opts);

const ids = (findings: readonly { id: string }[]) => findings.map((f) => f.id);

describe('analyzeHealth: weak', () => {
  it('reports passwords scoring below 3 with their score, weakest first; strong ones, notes and empty passwords are not analysed as weak', async () => {
    const items = [
      item('strong', { password: STRONG[1] }),
      item('summer', { password: 'Summer2024!', urls: ['https://summer.example.org/'] }),
      item('common', { password: 'password1', urls: ['https://common.example.net/'] }),
      item('empty', { password: '' }),
      { id: 'note', rev: 1, content: itemContentSchema.parse({ type: 'note', title: 'PIN', notes: '1234', createdAt: FRESH, updatedAt: FRESH }) },
    ];
    const report = await analyzeHealth(items, options());
    expect(report.weak.map((f) => [f.id, f.score])).toEqual([['common', 0], ['summer', 2]]);
    expect(report.counts).toMatchObject({ logins: 3, weak: 2 });
  });
});

describe('analyzeHealth: reused', () => {
  it('groups the same password on different sites; two accounts on one site with one password are not reuse', async () => {
    const items = [
      item('mail', { password: STRONG[2], urls: ['https://mail.example.org/'] }),
      item('shop', { password: STRONG[2], urls: ['https://www.shop.example.net/cart'] }),
      item('gh-work', { password: STRONG[3], urls: ['https://github.com/login'] }),
      item('gh-home', { password: STRONG[3], urls: ['https://gist.github.com/'] }),
      item('solo', { password: STRONG[4] }),
    ];
    const report = await analyzeHealth(items, options());
    expect(report.reused).toHaveLength(1);
    expect(report.reused[0]).toMatchObject({ sites: 2 });
    expect(ids(report.reused[0]!.items)).toEqual(['mail', 'shop']);
    expect(report.counts.reused).toBe(2);
  });

  it('a group spanning one site plus another reports every member; logins without an address count as sites of their own', async () => {
    const items = [
      item('a', { password: STRONG[5], urls: ['https://a.github.com/'] }),
      item('b', { password: STRONG[5], urls: ['https://github.com/'] }),
      item('c', { password: STRONG[5], urls: ['https://gitlab.com/'] }),
      item('x', { password: STRONG[1], urls: [] }),
      item('y', { password: STRONG[1], urls: [] }),
    ];
    const report = await analyzeHealth(items, options());
    expect(report.reused.map((g) => [g.sites, ids(g.items)])).toEqual([[2, ['a', 'b', 'c']], [2, ['x', 'y']]]);
    expect(report.counts.reused).toBe(5);
  });
});

describe('analyzeHealth: old and snoozed', () => {
  it('global period for logins without their own, the login’s own otherwise; snoozed ones listed apart', async () => {
    const items = [
      item('ancient', { password: STRONG[1], passwordChangedAt: T0 }), // 100 days ≥ 90 global
      item('weekly', { password: STRONG[2], rotationDays: 7, passwordChangedAt: NOW - 8 * DAY_MS }), // own 7 days
      item('yearly', { password: STRONG[3], rotationDays: 365, passwordChangedAt: T0 }), // own 365 > 100 days
      item('history', { password: STRONG[4], passwordHistory: [{ password: 'was', changedAt: T0 + DAY_MS }] }), // 99 days via history
      item('snoozed', { password: STRONG[5], passwordChangedAt: T0, rotationSnoozedUntil: NOW + 7 * DAY_MS }),
      item('snooze-over', { password: STRONG[0], passwordChangedAt: T0, rotationSnoozedUntil: NOW - 1 }),
    ];
    const report = await analyzeHealth(items, options());
    expect(ids(report.old)).toEqual(['ancient', 'snooze-over', 'history', 'weekly']);
    expect(report.old[0]).toMatchObject({ passwordSetAt: T0, rotationDays: 90, dueAt: T0 + 90 * DAY_MS, snoozedUntil: null });
    expect(report.old.find((f) => f.id === 'weekly')).toMatchObject({ rotationDays: 7, dueAt: NOW - DAY_MS });
    expect(report.snoozed).toEqual([expect.objectContaining({ id: 'snoozed', snoozedUntil: NOW + 7 * DAY_MS })]);
    expect(report.counts).toMatchObject({ old: 4, snoozed: 1 });

    const stricter = await analyzeHealth(items, options({ defaultRotationDays: 30 }));
    expect(ids(stricter.old)).toEqual(ids(report.old));
    const lenient = await analyzeHealth(items, options({ defaultRotationDays: 365 }));
    expect(ids(lenient.old)).toEqual(['weekly']);
    expect(lenient.defaultRotationDays).toBe(365);
  });
});

describe('analyzeHealth: breach list', () => {
  it('matches full hashes (with the HIBP count) and prefixes ≥ 5 hex; reports the list summary with malformed lines', async () => {
    const items = [
      item('full', { password: 'password1', urls: ['https://full.example.org/'] }),
      item('prefix', { password: STRONG[1], urls: ['https://prefix.example.org/'] }),
      item('clean', { password: STRONG[2], urls: ['https://clean.example.org/'] }),
    ];
    const list = parseBreachList([
      `${passwordSha1('password1')}:2413945`,
      passwordSha1(STRONG[1]).slice(0, 7).toLowerCase(),
      'garbage line',
      passwordSha1(STRONG[2]).slice(0, 4), // too short to be a prefix: malformed, and no match
    ].join('\n'));
    const report = await analyzeHealth(items, options({ breachList: list }));
    expect(report.breached.map((f) => [f.id, f.matchedBy, f.count])).toEqual([['full', 'hash', 2413945], ['prefix', 'prefix', null]]);
    expect(report.breachList).toEqual({ hashes: 1, prefixes: 1, malformed: 2, malformedLines: [3, 4] });
    expect(report.counts.breached).toBe(2);
  });

  it('without a list there are no breach findings and no summary', async () => {
    const report = await analyzeHealth([item('full', { password: 'password1' })], options());
    expect(report.breached).toEqual([]);
    expect(report.breachList).toBeNull();
  });
});

describe('analyzeHealth: links and privacy', () => {
  it('each finding carries the site’s password rules and change-password page', async () => {
    const report = await analyzeHealth([
      item('netease', { password: 'password1', urls: ['https://mail.163.com/login'] }),
      item('github', { password: 'letmein', urls: ['https://github.com/login'] }),
      item('nourl', { password: 'Summer2024!', urls: [] }),
    ], options());
    const byId = new Map(report.weak.map((f) => [f.id, f]));
    expect(byId.get('netease')).toMatchObject({ url: 'https://mail.163.com/login', passwordRules: 'minlength: 6; maxlength: 16;', changePasswordUrl: 'https://mail.163.com/.well-known/change-password' });
    expect(byId.get('github')).toMatchObject({ passwordRules: null, changePasswordUrl: 'https://github.com/settings/security' });
    expect(byId.get('nourl')).toMatchObject({ url: '', passwordRules: null, changePasswordUrl: null });
  });

  it('the report holds no password and no SHA-1 of one', async () => {
    const passwords = ['password1', 'Summer2024!', STRONG[1]];
    const items = passwords.map((password, i) => item(`i${i}`, { password, passwordChangedAt: T0 - DAY_MS }));
    items.push(item('dup', { password: STRONG[1], urls: ['https://other.example.net/'] }));
    const list = parseBreachList(passwords.map(passwordSha1).join('\n'));
    const report = await analyzeHealth(items, options({ breachList: list }));
    expect(report.counts).toMatchObject({ weak: 2, reused: 2, old: 3, breached: 4 });
    const json = JSON.stringify(report);
    for (const password of passwords) {
      expect(json).not.toContain(password);
      expect(json.toUpperCase()).not.toContain(passwordSha1(password));
    }
  });
});

describe('analyzeHealth: logins not scored yet', () => {
  it('are counted as unscored and listed as weak by none, while reused, old and breached still find them', () => {
    const items = [
      item('p1', { password: 'password1', passwordChangedAt: T0 - DAY_MS, urls: ['https://one.example.org/'] }),
      item('p2', { password: 'password1', urls: ['https://two.example.net/'] }),
    ];
    const report = analyzeRows(rowsOf(items, false), options({ breachList: parseBreachList(passwordSha1('password1')), unknown: 3, scoring: { done: 1, total: 7, stalled: false } }));
    expect(report.weak).toEqual([]);
    expect(report.counts).toMatchObject({ logins: 2, unscored: 2, unknown: 3, reused: 2, old: 1, breached: 2 });
    expect(report.scoring).toEqual({ done: 1, total: 7, stalled: false });
  });
});

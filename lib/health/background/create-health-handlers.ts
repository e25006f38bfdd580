/**
 * The background's half of password health and rotation reminders: analysis over the decrypted vault,
 * snoozing, and the rotation count on the toolbar badge (refreshed by each analysis, each snooze and the
 * daily alarm).
 */
import { analyzeHealth } from '../analyze-health';
import type { HealthReport } from '../health-report-schema';
import { countRotationDue } from '../count-rotation-due';
import { parseBreachList } from '../parse-breach-list';
import { DAY_MS, DEFAULT_ROTATION_DAYS } from '../rotation-status';
import { snoozeRotation } from '../snooze-rotation';
import type { healthMessages } from '../health-messages';
import { checkPwnedRanges, type RangeCache } from '../check-pwned-ranges';
import { passwordSha1 } from '../password-sha1';
import { getItem } from '../../vault/items/get-item';
import { openLiveItems } from '../../vault/items/open-live-items';
import { updateItem } from '../../vault/items/update-item';
import { inputFromContent } from '../../vault/model/item-fields';
import type { Item } from '../../vault/model/item-schema';
import type { Settings } from '../../vault/model/settings';
import { VaultError } from '../../vault/model/vault-error';
import type { UnlockedVault } from '../../vault/keys/unlocked-vault';
import type { HandlersOf } from '../../messaging/define-message';
import type { HandlerContext } from '../../vault-service/context/handler-context';

/** The online breach check's setting (Settings → breachCheck). */
type BreachCheck = NonNullable<Settings['breachCheck']>;

/**
 * Builds the health handlers. Strength scores are cached per unlocked vault by item id and revision, so
 * only new or edited passwords are estimated again; the cache goes with the vault object at lock.
 * @returns healthReport, healthSetPassword, healthSnooze, healthRotationCheck
 */
export function createHealthHandlers(ctx: HandlerContext): HandlersOf<typeof healthMessages> {
  const { db, badge } = ctx.deps;
  const scoreCaches = new WeakMap<UnlockedVault, Map<string, number>>();
  // Range answers (public data: suffixes and counts) while the vault stays unlocked, so reopening Health asks again only for new prefixes.
  const rangeCaches = new WeakMap<UnlockedVault, RangeCache>();
  const defaultDays = async () => (await ctx.deps.settings.get()).rotationDays ?? DEFAULT_ROTATION_DAYS;

  const refreshBadge = async (vault: UnlockedVault): Promise<number> => {
    const count = countRotationDue((await openLiveItems(db, vault)).items, ctx.deps.now(), await defaultDays());
    await badge.setBadgeCount('rotation', count);
    return count;
  };

  /** The opt-in online check over the live logins' passwords: only 5-hex SHA-1 prefixes are sent (check-pwned-ranges). */
  const checkOnline = async (vault: UnlockedVault, items: readonly Item[], rangeUrl: string) => {
    let cache = rangeCaches.get(vault);
    if (!cache) rangeCaches.set(vault, (cache = new Map()));
    const hashes = items.flatMap((item) => (item.content.type === 'login' && item.content.password !== '' ? [passwordSha1(item.content.password)] : []));
    const check = await checkPwnedRanges(hashes, rangeUrl, cache);
    return { counts: check.counts, summary: { host: new URL(rangeUrl).host, asked: check.asked, failed: check.failed, error: check.error } };
  };

  const analyse = async (vault: UnlockedVault, breachList: string | undefined, defaultRotationDays: number, online: BreachCheck | undefined): Promise<HealthReport> => {
    let scoreCache = scoreCaches.get(vault);
    if (!scoreCache) scoreCaches.set(vault, (scoreCache = new Map()));
    const { items, quarantined } = await openLiveItems(db, vault);
    const report = await analyzeHealth(items, {
      now: ctx.deps.now(),
      defaultRotationDays,
      breachList: breachList === undefined ? null : parseBreachList(breachList),
      online: online?.enabled ? await checkOnline(vault, items, online.rangeUrl) : null,
      quarantined: quarantined.length,
      scoreCache,
    });
    await badge.setBadgeCount('rotation', report.counts.old);
    return report;
  };

  // A first analysis of a large vault takes a while (zxcvbn-ts); a popup opened again meanwhile asks again.
  // Such a request joins the running one while the vault and the period are unchanged (every write replaces
  // `vault.manifest`).
  const running = new WeakMap<UnlockedVault, { manifest: Map<string, number>; days: number; online: string; report: Promise<HealthReport> }>();

  return {
    async healthReport({ breachList }) {
      const vault = await ctx.unlocked();
      const settings = await ctx.deps.settings.get();
      const days = settings.rotationDays ?? DEFAULT_ROTATION_DAYS;
      const online = settings.breachCheck;
      if (breachList !== undefined) return { report: await analyse(vault, breachList, days, online) };
      const onlineKey = online?.enabled ? online.rangeUrl : '';
      const pending = running.get(vault);
      if (pending && pending.manifest === vault.manifest && pending.days === days && pending.online === onlineKey) return { report: await pending.report };
      const report = analyse(vault, undefined, days, online);
      const entry = { manifest: vault.manifest, days, online: onlineKey, report };
      running.set(vault, entry);
      try {
        return { report: await report };
      } finally {
        if (running.get(vault) === entry) running.delete(vault);
      }
    },
    async healthSetPassword({ id, password }) {
      const vault = await ctx.unlocked();
      const item = await getItem(db, vault, id);
      const input = inputFromContent(item.content);
      if (input.type !== 'login') throw new VaultError('invalid-request', 'Only a login has a password to change.');
      await updateItem(db, vault, id, { ...input, password }, ctx.deps.now(), item.rev);
      await refreshBadge(vault);
      return {};
    },
    async healthSnooze({ id, days }) {
      const vault = await ctx.unlocked();
      const now = ctx.deps.now();
      await snoozeRotation(db, vault, id, days === 0 ? null : now + days * DAY_MS, now);
      await refreshBadge(vault);
      return {};
    },
    async healthRotationCheck() {
      // Not ctx.unlocked(): a background check is not the user's activity and must not postpone auto-lock.
      if (!(await ctx.session.isUnlocked())) return { count: null };
      return { count: await refreshBadge(await ctx.session.require()) };
    },
  };
}

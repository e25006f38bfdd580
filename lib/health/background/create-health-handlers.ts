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
import { openLiveItems } from '../../vault/items/open-live-items';
import type { UnlockedVault } from '../../vault/keys/unlocked-vault';
import type { HandlersOf } from '../../messaging/define-message';
import type { HandlerContext } from '../../vault-service/context/handler-context';

/**
 * Builds the health handlers. Strength scores are cached per unlocked vault by item id and revision, so
 * only new or edited passwords are estimated again; the cache goes with the vault object at lock.
 * @returns healthReport, healthSnooze, healthRotationCheck
 */
export function createHealthHandlers(ctx: HandlerContext): HandlersOf<typeof healthMessages> {
  const { db, badge } = ctx.deps;
  const scoreCaches = new WeakMap<UnlockedVault, Map<string, number>>();
  const defaultDays = async () => (await ctx.deps.settings.get()).rotationDays ?? DEFAULT_ROTATION_DAYS;

  const refreshBadge = async (vault: UnlockedVault): Promise<number> => {
    const count = countRotationDue((await openLiveItems(db, vault)).items, ctx.deps.now(), await defaultDays());
    await badge.setBadgeCount('rotation', count);
    return count;
  };

  const analyse = async (vault: UnlockedVault, breachList: string | undefined, defaultRotationDays: number): Promise<HealthReport> => {
    let scoreCache = scoreCaches.get(vault);
    if (!scoreCache) scoreCaches.set(vault, (scoreCache = new Map()));
    const { items, quarantined } = await openLiveItems(db, vault);
    const report = await analyzeHealth(items, {
      now: ctx.deps.now(),
      defaultRotationDays,
      breachList: breachList === undefined ? null : parseBreachList(breachList),
      quarantined: quarantined.length,
      scoreCache,
    });
    await badge.setBadgeCount('rotation', report.counts.old);
    return report;
  };

  // A first analysis of a large vault takes a while (zxcvbn-ts); a popup opened again meanwhile asks again.
  // Such a request joins the running one while the vault and the period are unchanged (every write replaces
  // `vault.manifest`).
  const running = new WeakMap<UnlockedVault, { manifest: Map<string, number>; days: number; report: Promise<HealthReport> }>();

  return {
    async healthReport({ breachList }) {
      const vault = await ctx.unlocked();
      const days = await defaultDays();
      if (breachList !== undefined) return { report: await analyse(vault, breachList, days) };
      const pending = running.get(vault);
      if (pending && pending.manifest === vault.manifest && pending.days === days) return { report: await pending.report };
      const report = analyse(vault, undefined, days);
      const entry = { manifest: vault.manifest, days, report };
      running.set(vault, entry);
      try {
        return { report: await report };
      } finally {
        if (running.get(vault) === entry) running.delete(vault);
      }
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

/**
 * The background's half of password health and rotation reminders: reports from the stored health in the
 * overview rows (no item is opened, issue 15), the strength-scoring queue that fills in missing scores, snoozing,
 * and the rotation count on the toolbar badge (refreshed by each report, each snooze and the daily alarm).
 */
import { analyzeHealth } from '../analyze-health';
import { countRotationDue } from '../count-rotation-due';
import { parseBreachList } from '../parse-breach-list';
import { DAY_MS, DEFAULT_ROTATION_DAYS } from '../rotation-status';
import { snoozeRotation } from '../snooze-rotation';
import type { healthMessages } from '../health-messages';
import { createInlineScorer } from '../scoring/score-passwords';
import type { PasswordScorer } from '../scoring/password-scorer';
import { healthRows } from './health-rows';
import { createScoreQueue, type ScoreQueue } from './score-queue';
import type { UnlockedVault } from '../../vault/keys/unlocked-vault';
import type { HandlersOf } from '../../messaging/define-message';
import type { CoreDeps } from '../../vault-service/context/core-deps';
import type { HandlerContext } from '../../vault-service/context/handler-context';

/** What the health feature needs of the platform beyond the core. */
export interface HealthDeps {
  /**
   * Scores passwords off the service worker (an offscreen document's worker, lib/browser/offscreen-scorer);
   * absent where there is none (Node tests, Firefox): the queue then scores in time-boxed slices.
   */
  healthScorer?: PasswordScorer;
}

/**
 * Builds the health handlers and starts the scoring queue of every vault that becomes the unlocked one (unlock,
 * creation, resume after a service-worker restart); every commit kicks it, so a save or an import is scored
 * without waiting for the Health view. The queue goes with the vault object at lock.
 * @returns healthReport, healthProgress, healthSnooze, healthRotationCheck
 */
export function createHealthHandlers(ctx: HandlerContext<CoreDeps & HealthDeps>): HandlersOf<typeof healthMessages> {
  const { db, badge } = ctx.deps;
  const queues = new WeakMap<UnlockedVault, ScoreQueue>();
  const inline = createInlineScorer();
  const queueOf = (vault: UnlockedVault): ScoreQueue => {
    let queue = queues.get(vault);
    if (!queue) {
      queues.set(vault, (queue = createScoreQueue(db, vault, { worker: ctx.deps.healthScorer ?? null, inline })));
      vault.onCommitted = () => queue!.kick();
    }
    return queue;
  };
  ctx.session.onStart((vault) => queueOf(vault).kick());
  const defaultDays = async () => (await ctx.deps.settings.get()).rotationDays ?? DEFAULT_ROTATION_DAYS;

  const refreshBadge = async (vault: UnlockedVault): Promise<number> => {
    const count = countRotationDue(healthRows(vault).rows, ctx.deps.now(), await defaultDays());
    await badge.setBadgeCount('rotation', count);
    return count;
  };

  return {
    async healthReport({ breachList }) {
      const vault = await ctx.unlocked();
      const queue = queueOf(vault);
      queue.kick();
      const { rows, unknown, quarantined } = healthRows(vault);
      const report = analyzeHealth(rows, {
        now: ctx.deps.now(),
        defaultRotationDays: await defaultDays(),
        breachList: breachList === undefined ? null : parseBreachList(breachList),
        quarantined,
        unknown,
        scoring: queue.progress(),
      });
      await badge.setBadgeCount('rotation', report.counts.old);
      return { report };
    },
    async healthProgress() {
      // Not ctx.unlocked(): a view polling progress is not the user's activity and must not postpone auto-lock.
      if (!(await ctx.session.isUnlocked())) return { scoring: null };
      const queue = queueOf(await ctx.session.require());
      queue.kick();
      return { scoring: queue.progress() };
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

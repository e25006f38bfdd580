/**
 * The background's half of password health and rotation reminders: reports from the stored health in the
 * overview rows (no item is opened, issue 15), the strength-scoring queue that fills in missing scores, the
 * opt-in online breach check, saving a new password into a login, snoozing, and the rotation count on the
 * toolbar badge (refreshed by each report, each snooze and the daily alarm).
 */
import { analyzeHealth, type HealthRow } from '../analyze-health';
import { checkPwnedRanges, type RangeCache } from '../check-pwned-ranges';
import { countRotationDue } from '../count-rotation-due';
import { parseBreachList } from '../parse-breach-list';
import { DAY_MS, DEFAULT_ROTATION_DAYS } from '../rotation-status';
import { snoozeRotation } from '../snooze-rotation';
import type { healthMessages } from '../health-messages';
import { createInlineScorer } from '../scoring/score-passwords';
import type { PasswordScorer } from '../scoring/password-scorer';
import { healthRows } from './health-rows';
import { createScoreQueue, type ScoreQueue } from './score-queue';
import { getItem } from '../../vault/items/get-item';
import { updateItem } from '../../vault/items/update-item';
import { inputFromContent } from '../../vault/model/item-fields';
import { VaultError } from '../../vault/model/vault-error';
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
 * without waiting for the Health view. The queue and the online check's range cache go with the vault object
 * at lock.
 * @returns healthReport, healthProgress, healthSetPassword, healthSnooze, healthRotationCheck
 */
export function createHealthHandlers(ctx: HandlerContext<CoreDeps & HealthDeps>): HandlersOf<typeof healthMessages> {
  const { db, badge } = ctx.deps;
  const queues = new WeakMap<UnlockedVault, ScoreQueue>();
  // Range answers (public data: suffixes and counts) while the vault stays unlocked, so reopening Health asks again only for new prefixes.
  const rangeCaches = new WeakMap<UnlockedVault, RangeCache>();
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

  /** The opt-in online check over the live logins' stored hashes: only 5-hex SHA-1 prefixes are sent (check-pwned-ranges). */
  const checkOnline = async (vault: UnlockedVault, rows: readonly HealthRow[], rangeUrl: string) => {
    let cache = rangeCaches.get(vault);
    if (!cache) rangeCaches.set(vault, (cache = new Map()));
    const check = await checkPwnedRanges(rows.map((row) => row.health.sha1), rangeUrl, cache);
    return { counts: check.counts, summary: { host: new URL(rangeUrl).host, asked: check.asked, failed: check.failed, error: check.error } };
  };

  return {
    async healthReport({ breachList }) {
      const vault = await ctx.unlocked();
      const settings = await ctx.deps.settings.get();
      const queue = queueOf(vault);
      queue.kick();
      const { rows, unknown, quarantined } = healthRows(vault);
      const online = settings.breachCheck?.enabled ? await checkOnline(vault, rows, settings.breachCheck.rangeUrl) : null;
      const report = analyzeHealth(rows, {
        now: ctx.deps.now(),
        defaultRotationDays: settings.rotationDays ?? DEFAULT_ROTATION_DAYS,
        breachList: breachList === undefined ? null : parseBreachList(breachList),
        online,
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

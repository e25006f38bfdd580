/**
 * The background's strength-scoring queue (issue 15): logins whose stored health has no score yet (an import,
 * an edit, rows of an older build) are scored in batches and their scores sealed into their overview rows, so
 * a Health report never waits for zxcvbn-ts. Equal passwords are scored once. The scoring itself runs in a
 * worker when one is given (lib/browser/offscreen-scorer: an offscreen document's worker, so the service worker
 * stays responsive), else — or once that fails — in time-boxed slices in place (lib/health/scoring).
 *
 * Nothing is lost when scoring fails: rows keep their null score until a score is committed, a failed batch
 * is scored in place, and a failure of the queue itself leaves it `stalled` until the next kick resumes it.
 */
import type { VaultDb } from '../../db/vault-db';
import type { UnlockedVault } from '../../vault/keys/unlocked-vault';
import type { LoginHealth, StrengthScore } from '../../vault/model/overview-row';
import { commitChanges } from '../../vault/records/commit-changes';
import { loginHealth } from '../../vault/records/login-health';
import { openCurrentItem } from '../../vault/records/open-item';
import { overviewBucketOf } from '../../vault/records/overview-bucket';
import { passwordSha1 } from '../../vault/records/password-sha1';
import type { ScoringProgress } from '../health-report-schema';
import { MAX_SCORE_BATCH, type PasswordScorer } from '../scoring/password-scorer';

/** Rows of an older build opened per step to fill in their health (about 0.1 ms each). */
const UNKNOWN_BATCH = 200;
/** Scored rows kept in memory before one commit re-seals their buckets (a commit re-seals up to 32 buckets). */
const COMMIT_EVERY = 1000;

export interface ScoreQueue {
  /** Starts scoring if anything waits and it is not running; cheap to call often (after every commit). */
  kick(): void;
  /** Progress of the current or last failed run; null when nothing waits. */
  progress(): ScoringProgress | null;
  /** Resolves when the current run ends (tests, the bench); at once when idle. */
  idle(): Promise<void>;
}

export interface ScoreQueueOptions {
  /** Tried first; dropped for the rest of the run when it rejects. */
  worker?: PasswordScorer | null;
  /** Scores in place: when there is no worker or it failed. */
  inline: PasswordScorer;
  /** Lets messages run between steps; default a zero-delay timer. */
  yieldNow?: () => Promise<void>;
}

interface Waiting {
  /** Live rows whose health is unknown (older build). */
  unknown: string[];
  /** SHA-1 → live rows with that password and no score. */
  unscored: Map<string, { id: string; rev: number }[]>;
  /** SHA-1 → the score another row with that password already has (a password reused, or moved to a new item). */
  known: Map<string, StrengthScore>;
  rows: number;
}

/**
 * @param db - the vault's database
 * @param vault - the unlocked vault; a locked one (closed) stops the queue at its next step
 * @example const queue = createScoreQueue(db, vault, { inline: createInlineScorer() }); queue.kick(); await queue.idle();
 */
export function createScoreQueue(db: VaultDb, vault: UnlockedVault, options: ScoreQueueOptions): ScoreQueue {
  const yieldNow = options.yieldNow ?? (() => new Promise<void>((resolve) => setTimeout(resolve, 0)));
  let running: Promise<void> | null = null;
  let done = 0;
  let total = 0;
  let stalled = false;

  // Rows scored or read in this run whose result is not committed yet, and items that did not open (shown as
  // damaged elsewhere; not retried in this run).
  const pending = new Map<string, { rev: number; health: LoginHealth | null }>();
  const skipped = new Set<string>();

  const waiting = (): Waiting => {
    const unknown: string[] = [];
    const unscored = new Map<string, { id: string; rev: number }[]>();
    const known = new Map<string, StrengthScore>();
    let rows = 0;
    for (const bucket of vault.overviewRows.values()) {
      for (const [id, row] of bucket) {
        if (row.deleted) continue;
        if (row.health?.score != null) known.set(row.health.sha1, row.health.score);
        if (skipped.has(id) || pending.get(id)?.rev === row.rev) continue;
        if (row.health === undefined) {
          unknown.push(id);
          rows++;
        } else if (row.health !== null && row.health.score === null) {
          const group = unscored.get(row.health.sha1);
          if (group) group.push({ id, rev: row.rev });
          else unscored.set(row.health.sha1, [{ id, rev: row.rev }]);
          rows++;
        }
      }
    }
    return { unknown, unscored, known, rows };
  };

  const commit = async () => {
    if (pending.size === 0) return;
    const health = [...pending].map(([id, { rev, health: value }]) => ({ id, rev, health: value }));
    await commitChanges(db, vault, { health });
    pending.clear();
  };

  let workerFailed = false;
  const score = async (passwords: string[]): Promise<StrengthScore[]> => {
    if (options.worker && !workerFailed) {
      try {
        const scores = await options.worker.score(passwords);
        if (scores.length === passwords.length) return scores;
      } catch {
        // Its document could not be created, or the worker died: score in place from here on.
      }
      workerFailed = true;
    }
    return options.inline.score(passwords);
  };

  /** Reads the health of rows an older build sealed without it. */
  const fillUnknown = async (ids: string[]) => {
    const records = await db.items.bulkGet(ids);
    records.forEach((record, i) => {
      const id = ids[i]!;
      try {
        if (!record || record.rev !== vault.manifest.get(id)) throw new Error('moved on meanwhile');
        pending.set(id, { rev: record.rev, health: loginHealth(openCurrentItem(vault, record)) });
      } catch {
        skipped.add(id);
      }
    });
  };

  /** Opens one item per password for its text, scores the batch, and keeps the scores for every row sharing it. */
  const scoreGroups = async (groups: [string, { id: string; rev: number }[]][]) => {
    const records = await db.items.bulkGet(groups.map(([, rows]) => rows[0]!.id));
    const passwords: string[] = [];
    const scored: typeof groups = [];
    records.forEach((record, i) => {
      const [sha1, rows] = groups[i]!;
      try {
        if (!record || record.rev !== rows[0]!.rev) throw new Error('moved on meanwhile');
        const content = openCurrentItem(vault, record);
        if (content.type !== 'login' || passwordSha1(content.password) !== sha1) throw new Error('not the password of its row');
        passwords.push(content.password);
        scored.push(groups[i]!);
      } catch {
        // This row is skipped; the others with the same password are tried again in the next step.
        skipped.add(rows[0]!.id);
      }
    });
    if (passwords.length === 0) return;
    const scores = await score(passwords);
    scored.forEach(([, rows], i) => {
      for (const { id, rev } of rows) {
        const row = vault.overviewRows.get(overviewBucketOf(id))?.get(id);
        if (row?.rev !== rev || !row.health) continue;
        pending.set(id, { rev, health: { ...row.health, score: scores[i]! } });
        done++;
      }
    });
  };

  /** Rows whose password another row already has a score for take it: nothing is opened or estimated. */
  const takeKnown = (groups: [string, { id: string; rev: number }[]][], known: Map<string, StrengthScore>) => {
    for (const [sha1, rows] of groups) {
      for (const { id, rev } of rows) {
        const row = vault.overviewRows.get(overviewBucketOf(id))?.get(id);
        if (row?.rev !== rev || !row.health) continue;
        pending.set(id, { rev, health: { ...row.health, score: known.get(sha1)! } });
        done++;
      }
    }
  };

  const run = async () => {
    for (;;) {
      if (vault.closed) return;
      const work = waiting();
      total = done + work.rows;
      if (work.rows === 0) break;
      if (work.unknown.length > 0) await fillUnknown(work.unknown.slice(0, UNKNOWN_BATCH));
      else {
        const groups = [...work.unscored];
        const reused = groups.filter(([sha1]) => work.known.has(sha1));
        if (reused.length > 0) takeKnown(reused, work.known);
        else await scoreGroups(groups.slice(0, MAX_SCORE_BATCH));
      }
      if (pending.size >= COMMIT_EVERY) await commit();
      await yieldNow();
    }
    await commit();
  };

  const queue: ScoreQueue = {
    kick() {
      // Idle when nothing waits (about 1 ms over 10,000 rows): a progress poll must not look like a run.
      if (running || vault.closed || waiting().rows === 0) return;
      // Counted afresh: what an earlier run committed is no longer waiting, what a failed one had not is again.
      stalled = false;
      done = 0;
      running = run()
        .catch(() => {
          stalled = true;
          pending.clear();
        })
        .finally(() => {
          running = null;
          skipped.clear();
        });
    },
    progress() {
      if (vault.closed) return null;
      if (running || stalled) return { done, total, stalled };
      return null;
    },
    idle: () => running ?? Promise.resolve(),
  };
  return queue;
}

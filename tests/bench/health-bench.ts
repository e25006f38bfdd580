/**
 * Password health over a 10,000-item vault with stored scores (issue 15): the background's scoring queue after an
 * import (every login scored once, equal passwords once), then the first report after a fresh unlock, which reads
 * the sealed overview rows only (no item opened, no estimate), and reading a 100,000-line breach list. The password
 * mix is meant to look like a real vault: mostly generated passwords, human-made ones with duplicates, passphrases
 * and a few shared across sites. Node only (process.cpuUsage): besides wall-clock time it reports this process's
 * CPU time, since the 2 cores are shared.
 */
import { createItems } from '../../lib/vault/items/create-item';
import { createVault } from '../../lib/vault/lifecycle/create-vault';
import { VaultDb } from '../../lib/db/vault-db';
import { analyzeHealth } from '../../lib/health/analyze-health';
import { parseBreachList } from '../../lib/health/parse-breach-list';
import { passwordSha1 } from '../../lib/vault/records/password-sha1';
import { DAY_MS } from '../../lib/health/rotation-status';
import { generatePassphrase, DEFAULT_PASSPHRASE_OPTIONS } from '../../lib/generator/generate-passphrase';
import { DEFAULT_PASSWORD_OPTIONS, generatePassword } from '../../lib/generator/generate-password';
import type { ItemInput } from '../../lib/vault/model/item-schema';
import { closeVault } from '../../lib/vault/keys/unlocked-vault';
import { unlockVault } from '../../lib/vault/lifecycle/unlock-vault';
import { healthRows } from '../../lib/health/background/health-rows';
import { createScoreQueue } from '../../lib/health/background/score-queue';
import { createInlineScorer } from '../../lib/health/scoring/score-passwords';
import { median, round, timeRuns } from './stats';

const PASSWORD = 'bench master password 1';
const WORDS = ['summer', 'monkey', 'dragon', 'sunshine', 'football', 'princess', 'welcome', 'shadow', 'master', 'freedom'];
const SHARED = Array.from({ length: 50 }, (_, i) => `Shared-${i}-${generatePassword({ ...DEFAULT_PASSWORD_OPTIONS, length: 12 })}`);

/** 60 % generated, 20 % human-made (many repeats, mostly weak), 10 % passphrases, 10 % one of 50 shared passwords. */
function samplePassword(i: number): string {
  const kind = i % 10;
  if (kind < 6) return generatePassword(DEFAULT_PASSWORD_OPTIONS);
  if (kind < 8) return `${WORDS[i % WORDS.length]}${1960 + (i % 60)}${i % 3 === 0 ? '!' : ''}`;
  if (kind < 9) return generatePassphrase(DEFAULT_PASSPHRASE_OPTIONS);
  return SHARED[i % SHARED.length]!;
}

function sampleItem(i: number): ItemInput {
  return {
    type: 'login',
    title: `Service ${i}`,
    username: `user${i}@example.org`,
    password: samplePassword(i),
    urls: [`https://login.site${i}.com/signin`],
    ...(i % 7 === 0 ? { rotationDays: 30 } : {}),
  };
}

/**
 * @param count - items in the vault
 * @returns the figures in ms; `firstReportMs` is the first report after unlock (median of 5 unlocks)
 */
export async function benchHealth(count = 10_000) {
  const name = `bench-health-${crypto.randomUUID()}`;
  const db = new VaultDb(name);
  const vault = await createVault(db, PASSWORD);
  const now = Date.now();
  const inputs = Array.from({ length: count }, (_, i) => sampleItem(i));
  // Half the vault was saved 200 days ago, so rotation findings are real work too.
  await createItems(db, vault, inputs.slice(0, count / 2), now - 200 * DAY_MS);
  await createItems(db, vault, inputs.slice(count / 2), now);

  // 100,000 lines: every 1000th is the SHA-1 of one of the vault's human-made passwords (kind 6), the rest unrelated.
  const breachText = Array.from({ length: 100_000 }, (_, i) => {
    const human = inputs[(i / 1000) * 10 + 6];
    return i % 1000 === 0 && human?.type === 'login' ? `${passwordSha1(human.password ?? '')}:${i + 1}` : `${passwordSha1(`breached-${i}`)}:${i % 97}`;
  }).join('\n');
  const [breachParseMs] = await timeRuns(1, () => parseBreachList(breachText));
  const breachList = parseBreachList(breachText);
  const distinctPasswords = new Set(inputs.map((input) => (input.type === 'login' ? (input.password ?? '') : ''))).size;

  // The import's scoring, as the background runs it when no offscreen worker is available (in place, in slices).
  const queue = createScoreQueue(db, vault, { inline: createInlineScorer() });
  const scoreCpu = process.cpuUsage();
  const scoreStart = performance.now();
  queue.kick();
  await queue.idle();
  const scoringMs = performance.now() - scoreStart;
  const scoringCpuMs = process.cpuUsage(scoreCpu).user / 1000;
  closeVault(vault);

  // A fresh unlock (the KDF excluded: it is the same with or without health), then the first report.
  const options = { now, defaultRotationDays: 90, breachList };
  const reportSamples: number[] = [];
  let counts: ReturnType<typeof analyzeHealth>['counts'] | null = null;
  let unscored = 0;
  for (let run = 0; run < 5; run++) {
    const { vault: unlocked } = await unlockVault(db, PASSWORD);
    const start = performance.now();
    const { rows } = healthRows(unlocked);
    const report = analyzeHealth(rows, options);
    reportSamples.push(performance.now() - start);
    counts = report.counts;
    unscored = report.counts.unscored;
    closeVault(unlocked);
  }
  db.close();
  return {
    items: count,
    distinctPasswords,
    findings: counts,
    /** Scoring every login once after the import, in the background in time-boxed slices (Node: no worker). */
    scoringAllMs: round(scoringMs),
    scoringAllCpuMs: round(scoringCpuMs),
    scoringPerDistinctPasswordMs: round(scoringMs / distinctPasswords),
    /** The figure of issue 15: the first `healthReport` after unlock, from the stored rows (median of 5). */
    firstReportMs: round(median(reportSamples)),
    unscoredAfterScoring: unscored,
    breachList100kParseMs: round(breachParseMs ?? Number.NaN),
    target: { reportMs: 1000 },
  };
}

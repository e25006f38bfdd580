/**
 * Password health over a 10,000-item vault: decrypting every item, the analysis cold (every distinct password
 * estimated by zxcvbn-ts) and warm (strength scores cached by item id and revision, as the background keeps them
 * while the vault is unlocked), and reading a 100,000-line breach list. The password mix is meant to look like a
 * real vault: mostly generated passwords, human-made ones with duplicates, passphrases and a few shared across sites.
 * Node only (process.cpuUsage): besides wall-clock time it reports this process's CPU time, since the 2 cores are shared.
 */
import { createItems } from '../../lib/vault/items/create-item';
import { createVault } from '../../lib/vault/lifecycle/create-vault';
import { VaultDb } from '../../lib/db/vault-db';
import { analyzeHealth } from '../../lib/health/analyze-health';
import { parseBreachList } from '../../lib/health/parse-breach-list';
import { passwordSha1 } from '../../lib/health/password-sha1';
import { DAY_MS } from '../../lib/health/rotation-status';
import { generatePassphrase, DEFAULT_PASSPHRASE_OPTIONS } from '../../lib/generator/generate-passphrase';
import { DEFAULT_PASSWORD_OPTIONS, generatePassword } from '../../lib/generator/generate-password';
import type { ItemInput } from '../../lib/vault/model/item-schema';
import { openLiveItems } from '../../lib/vault/items/open-live-items';
import { closeVault } from '../../lib/vault/keys/unlocked-vault';
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
 * @returns the figures in ms; `coldMs` is one run (it fills the cache), `warmMs` the median of 5
 */
export async function benchHealth(count = 10_000) {
  const db = new VaultDb(`bench-health-${crypto.randomUUID()}`);
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

  const decryptSamples = await timeRuns(5, () => openLiveItems(db, vault));
  const { items } = await openLiveItems(db, vault);
  const distinctPasswords = new Set(inputs.map((input) => (input.type === 'login' ? (input.password ?? '') : ''))).size;
  const options = { now, defaultRotationDays: 90, breachList, yieldNow: async () => {} };

  const scoreCache = new Map<string, number>();
  const coldStart = performance.now();
  const coldCpu = process.cpuUsage();
  const report = await analyzeHealth(items, { ...options, scoreCache });
  const coldCpuMs = process.cpuUsage(coldCpu).user / 1000;
  const coldMs = performance.now() - coldStart;
  const warmCpu = process.cpuUsage();
  const warm = await timeRuns(5, () => analyzeHealth(items, { ...options, scoreCache }));
  const warmCpuMs = process.cpuUsage(warmCpu).user / 1000 / warm.length;

  closeVault(vault);
  db.close();
  const decryptMs = median(decryptSamples);
  return {
    items: count,
    distinctPasswords,
    findings: report.counts,
    decryptAllMs: round(decryptMs),
    coldAnalysisMs: round(coldMs),
    /** The figure of issue 15: the first `healthReport` after unlock, decrypting every item and the cold analysis. */
    firstReportMs: round(decryptMs + coldMs),
    /** CPU time of this process: on a shared machine the wall-clock figures also count waiting for a core. */
    coldAnalysisCpuMs: round(coldCpuMs),
    coldPerDistinctPasswordMs: round(coldMs / distinctPasswords),
    warmAnalysisMs: round(median(warm)),
    warmAnalysisCpuMs: round(warmCpuMs),
    /** What a repeated `healthReport` costs in the background: decrypt every item, then the warm analysis. */
    warmReportMs: round(decryptMs + median(warm)),
    breachList100kParseMs: round(breachParseMs ?? Number.NaN),
    target: { reportMs: 1000 },
  };
}

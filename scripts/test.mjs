/**
 * `npm test`: type check, layer guard, unit tests, then the end-to-end suite in real Chromium, failing fast.
 * Prints each step's wall time and a summary.
 */
import { formatSeconds, localBin, runCommand } from './run-command.mjs';

/** @type {{ label: string, command: () => string, args: string[] }[]} */
const steps = [
  { label: 'Type check (tsc --noEmit -p .)', command: () => localBin('tsc'), args: ['--noEmit', '-p', '.'] },
  // The layer rules of README.md's Architecture table, and no file that only tests use.
  {
    label: 'Layer guard (npm run check:layers)',
    command: () => (process.platform === 'win32' ? 'npm.cmd' : 'npm'),
    args: ['run', '--silent', 'check:layers'],
  },
  // Some unit tests (in-page overlays, trusted events) run in real Chromium, so it must be there first.
  { label: 'Chromium present (scripts/ensure-chromium.mjs)', command: () => process.execPath, args: ['scripts/ensure-chromium.mjs'] },
  { label: 'Unit tests (vitest run)', command: () => localBin('vitest'), args: ['run'] },
  {
    label: 'End-to-end tests (npm run test:e2e)',
    command: () => (process.platform === 'win32' ? 'npm.cmd' : 'npm'),
    args: ['run', 'test:e2e'],
  },
];

/** @type {{ label: string, seconds: number }[]} */
const done = [];
for (const [index, step] of steps.entries()) {
  const heading = `[${index + 1}/${steps.length}] ${step.label}`;
  console.log(`\n=== ${heading}`);
  let command;
  try {
    command = step.command();
  } catch (error) {
    console.error(`\n✗ ${heading} could not start: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
  const result = await runCommand(command, step.args);
  if (result.code !== 0 || result.signal) {
    const how = result.signal ? `killed by ${result.signal}` : `exit code ${result.code}`;
    console.error(`\n✗ FAILED: ${heading} (${how}) after ${formatSeconds(result.seconds)}`);
    process.exit(result.code || 1);
  }
  console.log(`✓ ${heading} passed in ${formatSeconds(result.seconds)}`);
  done.push({ label: step.label, seconds: result.seconds });
}

console.log('\nAll steps passed:');
for (const step of done) console.log(`  ${formatSeconds(step.seconds).padStart(12)}  ${step.label}`);
const total = done.reduce((sum, step) => sum + step.seconds, 0);
console.log(`  ${formatSeconds(total).padStart(12)}  total`);

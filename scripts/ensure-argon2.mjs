/**
 * Makes sure the native Argon2id anchor of `npm run bench` exists: Debian's `argon2` CLI (the reference
 * implementation, threaded), installed with apt-get when it is missing and we are root, as ensure-chromium
 * does for the browser. Exit 0 when `/usr/bin/argon2` is there, 1 otherwise with the command to run, so the
 * bench fails with a message instead of printing `nativeCliMs: null` (issue 15, item 7).
 */
import { accessSync, constants } from 'node:fs';
import { spawnSync } from 'node:child_process';

const ARGON2_CLI = '/usr/bin/argon2';
const MISSING = 'The native Argon2 CLI (the bench\'s anchor) is missing. Run: sudo apt-get update && sudo apt-get install -y argon2';

/**
 * @param {string} path
 * @returns {boolean} whether `path` is an executable file
 */
function isExecutable(path) {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

if (isExecutable(ARGON2_CLI)) process.exit(0);

if (typeof process.getuid !== 'function' || process.getuid() !== 0) {
  console.error(MISSING);
  process.exit(1);
}

console.error(`${ARGON2_CLI} not found; installing Debian's argon2 with apt-get.`);
/**
 * Runs apt-get with its output on stderr: the bench's stdout is its JSON.
 * @param {string[]} args
 * @returns {number} exit code (1 when it could not start or was killed)
 */
function aptGet(args) {
  const result = spawnSync('apt-get', args, { env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' }, stdio: ['ignore', 2, 2] });
  return result.status ?? 1;
}

const started = Date.now();
for (const args of [['update'], ['install', '-y', 'argon2']]) {
  const code = aptGet(args);
  if (code !== 0) {
    console.error(`apt-get ${args.join(' ')} failed (exit ${code}). ${MISSING}`);
    process.exit(1);
  }
}
if (!isExecutable(ARGON2_CLI)) {
  console.error(`apt-get installed argon2 but ${ARGON2_CLI} is not there. ${MISSING}`);
  process.exit(1);
}
console.error(`Installed ${ARGON2_CLI} in ${((Date.now() - started) / 1000).toFixed(1)} s.`);

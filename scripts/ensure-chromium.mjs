/**
 * Makes sure a Chromium for the end-to-end tests exists (docs: ../../shared/chromium-e2e.md).
 * `CHROMIUM_PATH` wins when set; otherwise Debian's `/usr/bin/chromium`, installed with apt-get when we are root.
 * Exit 0 when a browser is there, 1 otherwise with the command to run.
 */
import { accessSync, constants } from 'node:fs';
import { formatSeconds, runCommand } from './run-command.mjs';

const DEBIAN_CHROMIUM = '/usr/bin/chromium';
const MISSING = 'Chromium is missing. Run: sudo apt-get update && sudo apt-get install -y chromium';

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

const override = process.env.CHROMIUM_PATH;
if (override) {
  if (isExecutable(override)) process.exit(0);
  console.error(`CHROMIUM_PATH is set to ${override}, but no executable is there. Fix it or unset it.`);
  process.exit(1);
}

if (isExecutable(DEBIAN_CHROMIUM)) process.exit(0);

if (typeof process.getuid !== 'function' || process.getuid() !== 0) {
  console.error(MISSING);
  process.exit(1);
}

console.log(`${DEBIAN_CHROMIUM} not found; installing Debian's chromium with apt-get (about 35 s, 113 MB).`);
const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
const update = await runCommand('apt-get', ['update'], { env });
if (update.code !== 0) {
  console.error(`apt-get update failed (exit ${update.code}) after ${formatSeconds(update.seconds)}.`);
  process.exit(1);
}
const install = await runCommand('apt-get', ['install', '-y', 'chromium'], { env });
if (install.code !== 0) {
  console.error(`apt-get install -y chromium failed (exit ${install.code}) after ${formatSeconds(install.seconds)}.`);
  process.exit(1);
}
// Debian's wrapper script may print a harmless "[: unexpected operator" line here.
const version = await runCommand(DEBIAN_CHROMIUM, ['--version']);
if (!isExecutable(DEBIAN_CHROMIUM) || version.code !== 0) {
  console.error(`chromium was installed but ${DEBIAN_CHROMIUM} does not run. ${MISSING}`);
  process.exit(1);
}
console.log(`Installed ${DEBIAN_CHROMIUM} in ${formatSeconds(update.seconds + install.seconds)}.`);

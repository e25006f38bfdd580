/**
 * `npm start`: builds the Chromium extension and explains how to load it by hand.
 */
import { resolve } from 'node:path';
import { formatSeconds, localBin, repoRoot, runCommand } from './run-command.mjs';

const build = await runCommand(localBin('wxt'), ['build']);
if (build.code !== 0) {
  console.error(`\n✗ wxt build failed (exit code ${build.code}) after ${formatSeconds(build.seconds)}`);
  process.exit(build.code || 1);
}

const extensionDir = resolve(repoRoot, '.output', 'chrome-mv3');
console.log(`
✓ Built in ${formatSeconds(build.seconds)}.

Load Sealpass in Chrome or Chromium:
  1. Open chrome://extensions
  2. Turn on "Developer mode" (top right)
  3. Click "Load unpacked" and choose:
       ${extensionDir}
  After a rebuild, press the reload icon on the Sealpass card.

Firefox:
  npm run build:firefox   (output in .output/firefox-mv2; load it from about:debugging → This Firefox →
                           Load Temporary Add-on… → manifest.json)
`);

// The sharing relay (relay/) will be started from here, beside the build, once it exists; it is a later issue.
// Until then `npm start` only builds, and sharing features have no server to talk to.

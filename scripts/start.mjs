/**
 * `npm start`: builds the Chromium extension, explains how to load it by hand, then runs the sharing relay.
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

// The sharing relay, in the foreground until Ctrl-C (which reaches it too, as part of the same process
// group). PORT, HOST, DATA_DIR and DATABASE_URL pass through; by default 127.0.0.1:8787 with SQLite in ./data/.
console.log('Starting the sharing relay (Ctrl-C stops it):');
const relay = await runCommand(localBin('tsx'), ['relay/server.ts']);
process.exit(relay.signal ? 0 : relay.code);

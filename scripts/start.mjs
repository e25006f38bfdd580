/**
 * `npm start`: builds the Chromium extension, explains how to load it by hand, then runs the sharing relay.
 */
import { spawn } from 'node:child_process';
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

// The sharing relay, in the foreground until Ctrl-C. PORT, HOST, DATA_DIR and DATABASE_URL pass through; by
// default 127.0.0.1:8787 with SQLite in ./data/. A stop signal sent to this process alone (not to the whole
// terminal group, as Ctrl-C is) is passed on, so the relay never outlives `npm start`.
// The relay's one-time link and request pages (issue 14), into .output/relay-pages where it looks for them.
const pages = await runCommand(process.execPath, ['scripts/build-relay-pages.mjs']);
if (pages.code !== 0) console.error('✗ the link pages did not build: the relay answers 404 on /l/ and /r/');
console.log('Starting the sharing relay (Ctrl-C stops it):');
const relay = spawn(localBin('tsx'), ['relay/server.ts'], { cwd: repoRoot, stdio: 'inherit' });
for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM'])) process.on(signal, () => relay.kill(signal));
relay.on('close', (code, signal) => process.exit(signal ? 0 : (code ?? 1)));

/** Builds the relay's link and request pages once per test run (scripts/build-relay-pages.mjs) into a temp folder. */
import { execFile } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { REPO_ROOT } from './spawn-relay';

let built: Promise<string> | null = null;

/** @returns the folder holding link.js, request.js and page.css, for PAGES_DIR or loadRelayPages */
export function buildPagesOnce(): Promise<string> {
  built ??= (async () => {
    const dir = await mkdtemp(join(tmpdir(), 'sealpass-relay-pages-'));
    await promisify(execFile)(process.execPath, [join(REPO_ROOT, 'scripts', 'build-relay-pages.mjs'), dir], { cwd: REPO_ROOT });
    return dir;
  })();
  return built;
}

/** Shared by the npm scripts: run one command with inherited stdio and report how it ended and how long it took. */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root (the folder above `scripts/`). */
export const repoRoot = dirname(dirname(fileURLToPath(import.meta.url)));

/**
 * The path of a binary installed in `node_modules/.bin` (what `npx` would run), without going through npx.
 * @param {string} name binary name, e.g. `tsc`
 * @returns {string} absolute path
 * @throws {Error} when the binary is not installed
 */
export function localBin(name) {
  const path = join(repoRoot, 'node_modules', '.bin', process.platform === 'win32' ? `${name}.cmd` : name);
  if (!existsSync(path)) throw new Error(`${name} is not installed in node_modules/.bin; run npm ci first`);
  return path;
}

/**
 * Runs a command in the repository root with stdio inherited.
 * @param {string} command executable
 * @param {string[]} args arguments
 * @param {{ env?: NodeJS.ProcessEnv }} [options]
 * @returns {Promise<{ code: number, signal: NodeJS.Signals | null, seconds: number }>} exit code (1 when killed
 *   by a signal or not started) and wall time in seconds
 */
export function runCommand(command, args, options = {}) {
  const started = performance.now();
  return new Promise((resolve) => {
    const child = spawn(command, args, {
      cwd: repoRoot,
      stdio: 'inherit',
      env: options.env ?? process.env,
      shell: process.platform === 'win32',
    });
    const seconds = () => (performance.now() - started) / 1000;
    child.on('error', (error) => {
      console.error(`Could not start ${command}: ${error.message}`);
      resolve({ code: 1, signal: null, seconds: seconds() });
    });
    child.on('close', (code, signal) => {
      resolve({ code: code ?? 1, signal, seconds: seconds() });
    });
  });
}

/**
 * Formats seconds as `1.2 s` or `2 min 03.4 s`.
 * @param {number} seconds
 * @returns {string}
 */
export function formatSeconds(seconds) {
  if (seconds < 60) return `${seconds.toFixed(1)} s`;
  const minutes = Math.floor(seconds / 60);
  return `${minutes} min ${(seconds - minutes * 60).toFixed(1).padStart(4, '0')} s`;
}

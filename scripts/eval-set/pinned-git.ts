/**
 * Reads files of one pinned commit out of a bare git mirror. Only the commit named by the caller is read, so the
 * evaluation set is the same on every machine that has that commit, whatever the mirror's branches say today.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/** One file of a pinned tree: its path in the repository, its size in bytes and its blob id. */
export interface PinnedFile {
  path: string;
  size: number;
  blob: string;
}

/** Raised when the mirror or the commit cannot be read, with the reason in words for the person running the build. */
export class PinnedSourceError extends Error {
  override name = 'PinnedSourceError';
}

function git(gitDir: string, args: string[]): Buffer {
  // Pages reach 360 KB and tree listings of a few hundred lines; 64 MiB keeps any of them from being cut.
  return execFileSync('git', ['-C', gitDir, ...args], { maxBuffer: 64 * 1024 * 1024, stdio: ['ignore', 'pipe', 'pipe'] });
}

/**
 * Fails with a clear message unless `gitDir` is a git directory that holds `commit` as a commit object.
 * Checked before anything is read so that a stale mirror stops the build instead of producing a smaller set.
 */
export function assertCommit(gitDir: string, commit: string): void {
  if (!existsSync(gitDir)) throw new PinnedSourceError(`Mirror ${gitDir} does not exist; pass its git directory.`);
  try {
    git(gitDir, ['cat-file', '-e', `${commit}^{commit}`]);
  } catch {
    throw new PinnedSourceError(
      `Commit ${commit} is missing from ${gitDir}: the evaluation set is pinned to it; fetch that commit into the mirror (or point to a mirror that has it).`,
    );
  }
}

/** The `.html` files directly inside `folder` (not below it) at `commit`, sorted by path. */
export function listHtml(gitDir: string, commit: string, folder: string): PinnedFile[] {
  const out = git(gitDir, ['ls-tree', '-l', commit, `${folder.replace(/\/$/, '')}/`]).toString('utf8');
  const files: PinnedFile[] = [];
  for (const line of out.split('\n')) {
    // "<mode> <type> <blob> <size>\t<path>"
    const m = /^\d+ blob ([0-9a-f]+)\s+(\d+)\t(.+)$/.exec(line);
    if (m && m[3]!.endsWith('.html')) files.push({ blob: m[1]!, size: Number(m[2]), path: m[3]! });
  }
  return files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** The bytes of `path` at `commit`; throws {@link PinnedSourceError} when the blob is absent from the mirror. */
export function readPinned(gitDir: string, commit: string, path: string): Buffer {
  try {
    return git(gitDir, ['show', `${commit}:${path}`]);
  } catch {
    throw new PinnedSourceError(`${path} at ${commit} cannot be read from ${gitDir} (blob absent from the mirror).`);
  }
}

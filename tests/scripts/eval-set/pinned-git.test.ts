/** Reading pinned commits (scripts/eval-set/pinned-git.ts) from a small throw-away repository. */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertCommit, listHtml, PinnedSourceError, readPinned } from '../../../scripts/eval-set/pinned-git';

let dir = '';
let commit = '';
const git = (...args: string[]) => execFileSync('git', ['-C', dir, ...args], { encoding: 'utf8' }).trim();

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'pinned-git-'));
  git('init', '-q');
  mkdirSync(join(dir, 'forms', 'sub'), { recursive: true });
  writeFileSync(join(dir, 'forms', 'b.html'), '<input id="b">');
  writeFileSync(join(dir, 'forms', 'a.html'), '<input id="a">');
  writeFileSync(join(dir, 'forms', 'notes.txt'), 'not a page');
  writeFileSync(join(dir, 'forms', 'sub', 'c.html'), '<input id="c">');
  git('add', '.');
  git('-c', 'user.name=t', '-c', 'user.email=t@example.invalid', 'commit', '-q', '-m', 'pages');
  commit = git('rev-parse', 'HEAD');
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('pinned-git', () => {
  it('accepts a present commit and lists only the html files directly in a folder, sorted', () => {
    expect(() => assertCommit(dir, commit)).not.toThrow();
    expect(listHtml(dir, commit, 'forms').map((f) => [f.path, f.size])).toEqual([
      ['forms/a.html', 14],
      ['forms/b.html', 14],
    ]);
    expect(readPinned(dir, commit, 'forms/a.html').toString()).toBe('<input id="a">');
  });

  it('fails with a clear message when the pinned commit is missing', () => {
    const missing = '0123456789abcdef0123456789abcdef01234567';
    expect(() => assertCommit(dir, missing)).toThrow(PinnedSourceError);
    expect(() => assertCommit(dir, missing)).toThrow(`Commit ${missing} is missing from ${dir}`);
  });

  it('fails with a clear message when the mirror does not exist or a file is absent', () => {
    expect(() => assertCommit(join(dir, 'nope'), commit)).toThrow(/does not exist/);
    expect(() => readPinned(dir, commit, 'forms/zzz.html')).toThrow(/cannot be read/);
  });
});

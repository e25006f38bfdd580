/**
 * `npx tsx scripts/eval-set/build-eval-set.ts --ddg <mirror git dir> --fathom <mirror git dir> --out <dir> [--shared <dir>]`
 *
 * Rebuilds the autofill evaluation set from two pinned public repositories (DuckDuckGo's test-forms and the
 * fathom-login-forms samples), leaving out every page of the shared corpus (by upstream path and by content),
 * and writes `<out>/all/<folder>/<name>.html` (bytes verbatim), `<out>/tune/` and `<out>/heldout/` (the same
 * files split by a fixed hash, each with its labels.json in the shared corpus's schema), `<out>/reserve/` (the
 * Mozilla positive/unused pages left out of the sample, labelled the same way; unused by any run before stop 27) and
 * `<out>/README.md`.
 * The pages are third-party captures: they stay outside the repository; only this script is versioned.
 */
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, linkSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { JSDOM, VirtualConsole } from 'jsdom';
import {
  collectLabels,
  countPlainPasswordForms,
  ddgExpected,
  ddgRole,
  describeLabelled,
  fathomExpected,
  fathomRole,
  inferDdgKind,
  LabelError,
  lockwiseKind,
  newPasswordKind,
  ROLES,
  selectorProblems,
  signupScenarioKind,
  splitOf,
  type ExpectedKey,
  type FoundLabel,
  type KindDecision,
  type LabelledField,
  type Role,
} from './label-rules';
import { assertCommit, listHtml, PinnedSourceError, readPinned } from './pinned-git';
import { renderReadme, type BuildSummary, type SkippedPage } from './readme';

/** The pinned upstream commits; changing one changes the evaluation set, so it is a reviewed code change. */
export const DDG = { repo: 'duckduckgo/duckduckgo-autofill', commit: 'af4a88bda37c6f8cde71c0a47d4e67bc42cfb7ed' } as const;
/** See {@link DDG}. */
export const FATHOM = { repo: '1rneh/fathom-login-forms', commit: 'ca485dc3a0e922f8c080136102ca5d6d7f19b244' } as const;

/** Mozilla pages above this size were left out of the shared corpus too (360 KB), so both sets cover the same range. */
const MAX_MOZILLA_BYTES = 368_640;

/** The Mozilla folders: where they live upstream, the output folder, and what their labels are exhaustive for. */
const MOZILLA_SETS = [
  {
    folder: 'mozilla-login',
    root: 'lockwise-proof-of-concept/samples',
    subdirs: ['training', 'validation', 'negative', 'positive/unused'],
    source: 'mozilla-fathom-login-forms/lockwise-proof-of-concept',
    labelScope: ['username', 'currentPassword'],
    kindOf: (subdir: string, _file: string, roles: readonly Role[]) => lockwiseKind(subdir, roles),
    // The lockwise captures carry no reliable page address (the shared corpus leaves it null too).
    withUrl: false,
  },
  {
    folder: 'mozilla-new-password',
    root: 'new-password/samples',
    subdirs: ['training', 'validation', 'testing'],
    source: 'mozilla-fathom-login-forms/new-password',
    labelScope: ['newPassword', 'confirmPassword'],
    kindOf: (_subdir: string, file: string, roles: readonly Role[]) => newPasswordKind(file, roles),
    withUrl: true,
  },
  {
    folder: 'mozilla-signup',
    root: 'sign-up-scenario/samples',
    subdirs: ['training', 'validation', 'testing'],
    source: 'mozilla-fathom-login-forms/sign-up-scenario',
    labelScope: ['signupForm'],
    kindOf: (_subdir: string, file: string, roles: readonly Role[]) => signupScenarioKind(file, roles),
    withUrl: true,
  },
] as const;

const DDG_SCOPE = ['username', 'currentPassword', 'newPassword', 'confirmPassword', 'otp'];

/** One fixture as written to labels.json. */
interface Fixture {
  source: string;
  kind: string;
  url: string | null;
  title: string | null;
  fragment: boolean;
  labelAttribute: string;
  expected: Partial<Record<ExpectedKey, string[]>>;
  fields: LabelledField[];
  submitButtons: Array<Record<string, string | number | null>>;
  upstreamExpectedFailures?: string[];
  upstreamGenerated?: boolean;
  labelScope: string[];
}

/** A page accepted into the set. */
interface Page {
  key: string;
  folder: string;
  upstreamRepo: string;
  upstreamPath: string;
  sha256: string;
  bytes: Buffer;
  fixture: Fixture;
  kindRule: string;
  part: Part;
}

/** tune and heldout are the set; reserve holds the positive/unused pages outside the sample. */
type Part = 'tune' | 'heldout' | 'reserve';

/** One entry of DDG's test-forms/index.json (the parts used here). */
interface DdgIndexEntry {
  html: string;
  title?: string;
  generated?: boolean;
  expectedFailures?: string[];
}

const sha256 = (b: Buffer | string): string => createHash('sha256').update(b).digest('hex');

/** Origin + path of a URL (query strings of captures can hold session tokens), or null when it does not parse. */
function originAndPath(raw: string | null | undefined): string | null {
  if (!raw) return null;
  try {
    const u = new URL(raw);
    return `${u.origin}${u.pathname}`;
  } catch {
    return null;
  }
}

/** The page address DDG engineers put in the fragment's leading comment, if any. */
function ddgUrl(html: string): string | null {
  const m = /^\s*<!--([\s\S]*?)-->/.exec(html);
  const url = m ? /https?:\/\/[^\s<>"']+/.exec(m[1]!) : null;
  return originAndPath(url?.[0]);
}

/** A DDG fragment as the evaluator serves it: inside a body (its own test wraps it in a div). */
function wrapFragment(html: string): string {
  return `<!doctype html><html><head><meta charset="utf-8"></head><body>${html}</body></html>`;
}

/**
 * Parses a page for the label checks. Style sheets are emptied first: jsdom would otherwise build a CSSOM for
 * every inlined sheet of the frozen Mozilla pages (slow, and enough to exhaust the heap over a thousand pages),
 * and no label or selector depends on them. A `<style>` element's text ends at the first `</style`, as the
 * regular expression does, so the element tree is unchanged. Parser warnings are dropped.
 */
function parsePage(html: string): JSDOM {
  const withoutCss = html.replace(/(<style\b[^>]*>)[\s\S]*?(<\/style)/gi, '$1$2');
  return new JSDOM(withoutCss, { virtualConsole: new VirtualConsole() });
}

/**
 * Lets the event loop run once. jsdom queues the load events of every parsed page on the event loop, so a
 * synchronous loop over a thousand pages keeps every window alive until the heap runs out.
 */
function turnEventLoop(): Promise<void> {
  return new Promise((done) => setImmediate(done));
}

/** The shared corpus: the upstream paths and contents that must not be in the new set. */
function loadShared(dir: string): { paths: Set<string>; shas: Map<string, string> } {
  const labels = JSON.parse(readFileSync(join(dir, 'labels.json'), 'utf8')) as { fixtures: Record<string, unknown> };
  const readme = readFileSync(join(dir, 'README.md'), 'utf8');
  const paths = new Set<string>();
  // Per-file provenance rows: | `folder/file.html` | owner/repo | `upstream/path.html` | …
  for (const m of readme.matchAll(/^\| `([^`]+\.html)` \| ([^ |]+) \| `([^`]+)` \|/gm)) paths.add(`${m[2]}:${m[3]}`);
  const shas = new Map<string, string>();
  for (const key of Object.keys(labels.fixtures)) shas.set(sha256(readFileSync(join(dir, key))), key);
  if (paths.size !== shas.size) {
    throw new Error(`Shared corpus: README lists ${paths.size} upstream paths but labels.json has ${shas.size} fixtures.`);
  }
  return { paths, shas };
}

/** Submit buttons of a DDG fragment, as the shared corpus describes them. */
function ddgSubmits(doc: Document): Fixture['submitButtons'] {
  return [...doc.querySelectorAll('[data-manual-submit]')].map((el, i) => ({
    labelSelector: '[data-manual-submit]',
    labelIndex: i,
    tag: el.localName,
    id: el.getAttribute('id'),
    name: el.getAttribute('name'),
    type: el.getAttribute('type'),
  }));
}

/** Submit buttons of a Mozilla page (`data-fathom="next"`), as the shared corpus describes them. */
function fathomSubmits(doc: Document): Fixture['submitButtons'] {
  return [...doc.querySelectorAll('[data-fathom="next"]')].map((el, i) => ({ ...describeLabelled(el, 'data-fathom', 'next', i, 'other'), role: 'submit' }));
}

/** Builds a fixture from a parsed page, or throws {@link LabelError} with the reason the page cannot be used. */
function labelPage(
  doc: Document,
  attr: string,
  roleOf: (v: string) => Role | null,
  kindOf: (roles: readonly Role[]) => KindDecision | string,
  expectedOf: (kind: string, fields: readonly LabelledField[]) => Fixture['expected'],
): { found: FoundLabel[]; kind: KindDecision; expected: Fixture['expected'] } {
  const found = collectLabels(doc, attr, roleOf);
  const kind = kindOf(found.map((f) => f.field.role));
  if (typeof kind === 'string') throw new LabelError(kind);
  const expected = expectedOf(kind.kind, found.map((f) => f.field));
  const problems = selectorProblems(doc, found, expected);
  if (problems.length > 0) throw new LabelError(`selector check failed: ${problems.join('; ')}`);
  return { found, kind, expected };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { ddg: { type: 'string' }, fathom: { type: 'string' }, out: { type: 'string' }, shared: { type: 'string' } },
  });
  if (!values.ddg || !values.fathom || !values.out) {
    process.stderr.write('Usage: build-eval-set.ts --ddg <mirror git dir> --fathom <mirror git dir> --out <dir> [--shared <dir>]\n');
    process.exit(2);
  }
  const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
  const sharedDir = resolve(values.shared ?? join(repoRoot, '..', 'shared', 'autofill-corpus'));
  const ddgDir = resolve(values.ddg);
  const fathomDir = resolve(values.fathom);
  const out = resolve(values.out);
  try {
    assertCommit(ddgDir, DDG.commit);
    assertCommit(fathomDir, FATHOM.commit);
  } catch (e) {
    if (e instanceof PinnedSourceError) {
      process.stderr.write(`${e.message}\n`);
      process.exit(1);
    }
    throw e;
  }
  if (!existsSync(join(sharedDir, 'labels.json'))) {
    process.stderr.write(`No shared corpus at ${sharedDir} (needed to leave its pages out); pass --shared <dir>.\n`);
    process.exit(1);
  }
  const shared = loadShared(sharedDir);

  const pages: Page[] = [];
  const skipped: SkippedPage[] = [];
  const excluded: SkippedPage[] = [];
  const seen = new Map<string, string>();

  /** Common checks and bookkeeping for one upstream file; returns its bytes, or null when it is left out. */
  const admit = (repo: string, upstreamPath: string, key: string, size: number, gitDir: string, commit: string): Buffer | null => {
    if (shared.paths.has(`${repo}:${upstreamPath}`)) {
      excluded.push({ key, upstreamPath, reason: 'in the shared corpus (same upstream path)' });
      return null;
    }
    if (repo === FATHOM.repo && size > MAX_MOZILLA_BYTES) {
      skipped.push({ key, upstreamPath, reason: `${size.toLocaleString('en')} bytes, over ${MAX_MOZILLA_BYTES.toLocaleString('en')}` });
      return null;
    }
    let bytes: Buffer;
    try {
      bytes = readPinned(gitDir, commit, upstreamPath);
    } catch (e) {
      if (!(e instanceof PinnedSourceError)) throw e;
      skipped.push({ key, upstreamPath, reason: e.message });
      return null;
    }
    const digest = sha256(bytes);
    const sharedKey = shared.shas.get(digest);
    if (sharedKey) {
      excluded.push({ key, upstreamPath, reason: `same content as shared ${sharedKey}` });
      return null;
    }
    const dup = seen.get(digest);
    if (dup) {
      skipped.push({ key, upstreamPath, reason: `same content as ${dup} (kept once)` });
      return null;
    }
    seen.set(digest, key);
    return bytes;
  };

  const accept = (key: string, folder: string, repo: string, upstreamPath: string, bytes: Buffer, fixture: Fixture, kindRule: string) => {
    const { part, inUnusedSample } = splitOf(key);
    const reserve = upstreamPath.includes('/positive/unused/') && !inUnusedSample;
    pages.push({ key, folder, upstreamRepo: repo, upstreamPath, sha256: sha256(bytes), bytes, fixture, kindRule, part: reserve ? 'reserve' : part });
  };

  // DuckDuckGo test-forms: fragments, kinds inferred from labels and file name.
  const index = JSON.parse(readPinned(ddgDir, DDG.commit, 'test-forms/index.json').toString('utf8')) as DdgIndexEntry[];
  const indexByName = new Map(index.map((e) => [e.html, e]));
  for (const file of listHtml(ddgDir, DDG.commit, 'test-forms')) {
    const name = file.path.slice('test-forms/'.length);
    const key = `ddg/${name}`;
    const entry = indexByName.get(name);
    if (!entry) {
      skipped.push({ key, upstreamPath: file.path, reason: 'not listed in test-forms/index.json (not part of the upstream test run)' });
      continue;
    }
    const bytes = admit(DDG.repo, file.path, key, file.size, ddgDir, DDG.commit);
    if (!bytes) continue;
    const html = bytes.toString('utf8');
    const dom = parsePage(wrapFragment(html));
    try {
      const doc = dom.window.document;
      const { found, kind, expected } = labelPage(doc, 'data-manual-scoring', ddgRole, (roles) => inferDdgKind(name, roles, countPlainPasswordForms(doc)), ddgExpected);
      accept(key, 'ddg', DDG.repo, file.path, bytes, {
        source: 'ddg',
        kind: kind.kind,
        url: ddgUrl(html),
        title: entry.title ?? null,
        fragment: true,
        labelAttribute: 'data-manual-scoring',
        expected,
        fields: found.map((f) => f.field),
        submitButtons: ddgSubmits(doc),
        upstreamExpectedFailures: entry.expectedFailures ?? [],
        upstreamGenerated: entry.generated === true,
        labelScope: DDG_SCOPE,
      }, kind.rule);
    } catch (e) {
      if (!(e instanceof LabelError)) throw e;
      skipped.push({ key, upstreamPath: file.path, reason: e.message });
    } finally {
      dom.window.close();
    }
    await turnEventLoop();
  }

  // Mozilla fathom-login-forms: full frozen pages.
  for (const set of MOZILLA_SETS) {
    for (const subdir of set.subdirs) {
      for (const file of listHtml(fathomDir, FATHOM.commit, `${set.root}/${subdir}`)) {
        const fileName = file.path.slice(set.root.length + subdir.length + 2);
        const name = `${subdir.replace(/\//g, '__')}__${fileName}`;
        const key = `${set.folder}/${name}`;
        const bytes = admit(FATHOM.repo, file.path, key, file.size, fathomDir, FATHOM.commit);
        if (!bytes) continue;
        const dom = parsePage(bytes.toString('utf8'));
        try {
          const doc = dom.window.document;
          const { found, kind, expected } = labelPage(
            doc,
            'data-fathom',
            fathomRole,
            (roles) => set.kindOf(subdir, fileName, roles),
            (_kind, fields) => fathomExpected(fields),
          );
          const link = set.withUrl
            ? (doc.querySelector('link[rel="original"]') ?? doc.querySelector('link[rel="canonical"]'))?.getAttribute('href')
            : null;
          accept(key, set.folder, FATHOM.repo, file.path, bytes, {
            source: set.source,
            kind: kind.kind,
            url: originAndPath(link),
            title: doc.title.trim() || null,
            fragment: false,
            labelAttribute: 'data-fathom',
            expected,
            fields: found.map((f) => f.field),
            submitButtons: fathomSubmits(doc),
            labelScope: [...set.labelScope],
          }, `${set.folder}: ${kind.rule}`);
        } catch (e) {
          if (!(e instanceof LabelError)) throw e;
          skipped.push({ key, upstreamPath: file.path, reason: e.message });
        } finally {
          dom.window.close();
        }
        await turnEventLoop();
      }
    }
  }

  pages.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  writeSet(out, pages);
  const summary = summarise(pages, skipped, excluded);
  writeFileSync(join(out, 'README.md'), renderReadme(summary, { ddg: DDG, fathom: FATHOM, maxMozillaBytes: MAX_MOZILLA_BYTES }));
  process.stdout.write(`${summary.text}\n`);
}

/** The parts written, each a folder with its labels.json. */
const PARTS: readonly Part[] = ['tune', 'heldout', 'reserve'];

/** Writes all/, tune/, heldout/ and reserve/ afresh (only those entries of `out` are replaced). */
function writeSet(out: string, pages: readonly Page[]): void {
  for (const part of ['all', ...PARTS]) rmSync(join(out, part), { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  const generatedFrom = { [DDG.repo]: DDG.commit, [FATHOM.repo]: FATHOM.commit };
  for (const part of PARTS) {
    const fixtures: Record<string, Fixture> = {};
    for (const p of pages) {
      const allPath = join(out, 'all', p.key);
      if (!existsSync(allPath)) {
        mkdirSync(dirname(allPath), { recursive: true });
        writeFileSync(allPath, p.bytes);
      }
      if (p.part !== part) continue;
      const partPath = join(out, part, p.key);
      mkdirSync(dirname(partPath), { recursive: true });
      try {
        linkSync(allPath, partPath);
      } catch {
        // Another file system or no hard-link support: a copy reads the same.
        copyFileSync(allPath, partPath);
      }
      fixtures[p.key] = p.fixture;
    }
    const labels = {
      schemaVersion: 1,
      generatedFrom,
      labelAttributes: ['data-manual-scoring', 'data-manual-submit', 'data-fathom'],
      roles: [...ROLES],
      fixtures,
    };
    writeFileSync(join(out, part, 'labels.json'), `${JSON.stringify(labels, null, 1)}\n`);
  }
  // Sanity: every page written once to all/ and once to a part.
  const count = (dir: string) => readdirSync(dir, { recursive: true, withFileTypes: true }).filter((d) => d.isFile() && d.name.endsWith('.html')).length;
  const written = count(join(out, 'all'));
  const parted = PARTS.reduce((n, part) => n + count(join(out, part)), 0);
  if (written !== pages.length || parted !== pages.length) throw new Error(`wrote ${written} pages to all/ and ${parted} to the parts, expected ${pages.length}`);
}

const inc = (m: Map<string, number>, k: string, by = 1) => m.set(k, (m.get(k) ?? 0) + by);

/** Counts of tune and heldout for the README and the console; reserve pages are counted and listed only. */
function summarise(written: readonly Page[], skipped: SkippedPage[], excluded: SkippedPage[]): BuildSummary {
  const pages = written.filter((p) => p.part !== 'reserve');
  const reserve = written.length - pages.length;
  const byFolder = new Map<string, number>();
  const byKind = new Map<string, number>();
  const byRole = new Map<string, number>();
  const byRule = new Map<string, number>();
  const expectedByKey = new Map<string, number>();
  let selectorsChecked = 0;
  for (const p of pages) {
    inc(byFolder, `${p.folder}\t${p.part}`);
    inc(byKind, `${p.fixture.kind}\t${p.part}`);
    inc(byRule, `${p.folder === 'ddg' ? 'ddg: ' : ''}${p.kindRule}`);
    for (const f of p.fixture.fields) {
      inc(byRole, `${f.role}\t${p.part}`);
      selectorsChecked += f.selector ? 2 : 1;
    }
    for (const [k, list] of Object.entries(p.fixture.expected)) {
      inc(expectedByKey, `${k}\t${p.part}`, list?.length ?? 0);
      selectorsChecked += list?.length ?? 0;
    }
  }
  const parts = { tune: pages.filter((p) => p.part === 'tune').length, heldout: pages.filter((p) => p.part === 'heldout').length };
  const table = (m: Map<string, number>) => {
    const rows = new Map<string, { tune: number; heldout: number }>();
    for (const [k, n] of m) {
      const [name, part] = k.split('\t') as [string, 'tune' | 'heldout'];
      const row = rows.get(name) ?? rows.set(name, { tune: 0, heldout: 0 }).get(name)!;
      row[part] += n;
    }
    return [...rows].sort((a, b) => b[1].tune + b[1].heldout - (a[1].tune + a[1].heldout) || (a[0] < b[0] ? -1 : 1));
  };
  const folders = table(byFolder);
  const kinds = table(byKind);
  const roles = table(byRole);
  const expected = table(expectedByKey);
  const rules = [...byRule].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const fmt = (rows: Array<[string, { tune: number; heldout: number }]>) =>
    rows.map(([k, r]) => `  ${k}: ${r.tune + r.heldout} (tune ${r.tune}, heldout ${r.heldout})`).join('\n');
  const text = [
    `pages: ${pages.length} (tune ${parts.tune}, heldout ${parts.heldout})`,
    `per folder:\n${fmt(folders)}`,
    `per kind:\n${fmt(kinds)}`,
    `fields per role:\n${fmt(roles)}`,
    `expected elements per key:\n${fmt(expected)}`,
    `selectors checked with jsdom: ${selectorsChecked}, all resolve to exactly their labelled element`,
    `excluded (shared corpus): ${excluded.length}; skipped: ${skipped.length}; reserve (positive/unused outside the sample): ${reserve}`,
  ].join('\n');
  return {
    pages: written.map((p) => ({ key: p.key, upstreamRepo: p.upstreamRepo, upstreamPath: p.upstreamPath, sha256: p.sha256, part: p.part, kind: p.fixture.kind })),
    parts,
    folders,
    kinds,
    roles,
    expected,
    rules,
    selectorsChecked,
    skipped,
    excluded,
    reserve,
    text,
  };
}

await main();

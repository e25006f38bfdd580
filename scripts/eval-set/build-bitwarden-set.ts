/**
 * Builds the Bitwarden part of the evaluation set: Bitwarden's "test the web" site (a Docusaurus 3 site) at a pinned
 * commit, built to static HTML outside the repository, its form pages copied with the site stylesheet inlined, and
 * labels.json written from the hand labels in scripts/eval-set/bitwarden-labels.json after a Chromium check that
 * every expected selector is exactly one visible input of the page as the evaluator serves it.
 *
 *     npx tsx scripts/eval-set/build-bitwarden-set.ts [--mirror <git dir>] [--out <eval-autofill dir>] [--reuse-build] [--list]
 *
 * `--reuse-build` keeps an earlier Docusaurus build of the same commit; `--list` prints every page's form controls
 * (for labelling) instead of writing labels.json. No detector code runs here: only the evaluator's visibility test.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundlePageScript } from '../../tests/corpus/bundle-detector';
import { openServedPageBrowser } from '../../tests/corpus/served-page-browser';
import { servedPageHtml } from '../../tests/corpus/served-page-html';
import type { PageListing } from './bitwarden-page-entry';
import {
  buildLabelsJson,
  countLabels,
  handLabelsSchema,
  inlineStylesheets,
  LABEL_SCOPE,
  type LabelledPage,
  labelProblems,
  pageName,
  type PageMeta,
  type ResolvedField,
  resolvedProblems,
} from './bitwarden-set';
import { assertCommit, PinnedSourceError } from './pinned-git';

/** The pinned commit of bitwarden/test-the-web (main, 2026-07-01, "Removing deprecated scan workflow. (#448)"). */
export const BITWARDEN_COMMIT = '1f76367a7ccb2f833ee831e1c05734e505d10c76';
const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const LABELS_FILE = join(REPO_ROOT, 'scripts', 'eval-set', 'bitwarden-labels.json');

interface Args {
  mirror: string;
  out: string;
  reuseBuild: boolean;
  list: boolean;
}

function parseArgs(argv: string[]): Args {
  const args: Args = {
    mirror: resolve(REPO_ROOT, '..', '.mirror', 'bitwarden+test-the-web', 'repo'),
    out: resolve(REPO_ROOT, '..', 'eval-autofill'),
    reuseBuild: false,
    list: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--mirror') args.mirror = resolve(argv[++i]!);
    else if (a === '--out') args.out = resolve(argv[++i]!);
    else if (a === '--reuse-build') args.reuseBuild = true;
    else if (a === '--list') args.list = true;
    else throw new Error(`Unknown argument ${a}`);
  }
  return args;
}

const run = (cmd: string, argv: string[], cwd: string) => execFileSync(cmd, argv, { cwd, stdio: ['ignore', 'inherit', 'inherit'] });

/**
 * Extracts the pinned commit's client/ (plus api/constants.ts, which a component imports, and the licence) into
 * `buildDir`, installs its locked dependencies there and runs `docusaurus build`.
 */
function docusaurusBuild(mirror: string, buildDir: string, reuse: boolean): string {
  const client = join(buildDir, 'client');
  const marker = join(buildDir, `.built-${BITWARDEN_COMMIT}`);
  if (reuse && existsSync(marker) && existsSync(join(client, 'build'))) {
    console.log(`Reusing the Docusaurus build in ${client}/build`);
    return client;
  }
  rmSync(buildDir, { recursive: true, force: true });
  mkdirSync(buildDir, { recursive: true });
  const tar = execFileSync('git', ['-C', mirror, 'archive', BITWARDEN_COMMIT, 'client', 'api/constants.ts', 'LICENSE.txt'], {
    maxBuffer: 512 * 1024 * 1024,
  });
  execFileSync('tar', ['-x', '-C', buildDir], { input: tar });
  // --ignore-scripts: the only install script in the tree is chromedriver's download (for the site's a11y lint),
  // which the build does not need and which would reach the network.
  run('npm', ['ci', '--ignore-scripts', '--no-audit', '--no-fund'], client);
  run('npx', ['--no-install', 'docusaurus', 'build'], client);
  writeFileSync(marker, `${new Date().toISOString()}\n`);
  return client;
}

function walk(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...walk(p));
    else if (e.name === 'index.html') out.push(p);
  }
  return out;
}

/** Built form pages: build/forms/<category>/<slug>/index.html and the src/pages pages, with their sources. */
function formPages(mirror: string, client: string): Array<{ built: string; file: string; upstreamPath: string }> {
  const build = join(client, 'build');
  const tracked = execFileSync('git', ['-C', mirror, 'ls-tree', '-r', '--name-only', BITWARDEN_COMMIT, 'client/'], { encoding: 'utf8' })
    .split('\n')
    .filter(Boolean);
  const pages: Array<{ built: string; file: string; upstreamPath: string }> = [];
  for (const path of walk(join(build, 'forms'))) {
    const rel = relative(build, path).split('\\').join('/');
    const file = pageName(rel);
    if (!file) continue;
    // Docusaurus writes the doc id into <html class="… docs-doc-id-forms/login/simple-login">.
    const docId = /docs-doc-id-([^\s"]+)/.exec(readFileSync(path, 'utf8'))?.[1];
    const upstreamPath = tracked.find((t) => t === `client/docs/${docId}.md` || t === `client/docs/${docId}.mdx`);
    if (!upstreamPath) throw new Error(`${rel}: no source file for doc id ${docId}`);
    pages.push({ built: path, file, upstreamPath });
  }
  for (const src of tracked.filter((t) => /^client\/src\/pages\/[^/]+\.mdx?$/.test(t))) {
    const slug = src.replace(/^client\/src\/pages\//, '').replace(/\.mdx?$/, '');
    const path = join(build, slug, 'index.html');
    if (!existsSync(path)) throw new Error(`${src}: built page ${path} is missing`);
    pages.push({ built: path, file: pageName(`${slug}/index.html`)!, upstreamPath: src });
  }
  return pages.sort((a, b) => (a.file < b.file ? -1 : 1));
}

function pageMeta(html: string, upstreamPath: string): PageMeta {
  const title = /<title[^>]*>([^<]*)<\/title>/.exec(html)?.[1] ?? '';
  const url = /<link[^>]*rel="canonical"[^>]*href="([^"]+)"/.exec(html)?.[1] ?? '';
  return { title: title.replace(/&amp;/g, '&').replace(/&#x27;|&#39;/g, "'").replace(/&quot;/g, '"'), url, upstreamPath };
}

interface Page {
  file: string;
  upstreamPath: string;
  html: string;
  inlined: string[];
}

function writeReadme(out: string, pages: Page[], labels: ReturnType<typeof handLabelsSchema.parse>, checked: number): void {
  const { kinds, roles } = countLabels(labels);
  const kindRows = kinds.map(([k, n]) => `| \`${k}\` | ${n} |`).join('\n');
  const roleRows = roles.map(([k, n]) => `| \`${k}\` | ${n} |`).join('\n');
  const pageRows = pages
    .map((p) => {
      const l = labels[p.file]!;
      const fields = LABEL_SCOPE.flatMap((k) => (l.expected[k] ?? []).map((s) => `${k}: \`${s}\``)).join('<br>') || '—';
      return `| \`${p.file}\` | \`${p.upstreamPath}\` | \`${l.kind}\` | ${fields} | ${l.reason.replace(/\|/g, '\\|')} |`;
    })
    .join('\n');
  const text = `# Bitwarden part of the autofill evaluation set (generated; data only)

${pages.length} pages of Bitwarden's test site, labelled by hand, **never used for tuning**. Generated by
\`scripts/eval-set/build-bitwarden-set.ts\` (\`npm run eval:build-bitwarden\`) in the Sealpass repository from the hand
labels in \`scripts/eval-set/bitwarden-labels.json\`; do not edit by hand. Keep it blind: do not tune the detector on
these pages or read detector output for them until a change is final.

## Source

| | |
|---|---|
| repository | [bitwarden/test-the-web](https://github.com/bitwarden/test-the-web) |
| commit | \`${BITWARDEN_COMMIT}\` |
| pages | \`client/docs/forms/**.md\\|mdx\` (\`build/forms/<category>/<slug>/index.html\`) and \`client/src/pages/*.md\` |
| licence | GPL-3.0 (repository \`LICENSE.txt\`); the built pages carry the site's React/Docusaurus markup and CSS |

Use as internal test data only; never ship the pages.

## How the pages were made

The pinned commit's \`client/\` (and \`api/constants.ts\`, which \`StoredValue.tsx\` imports) was extracted into
\`.bitwarden-build/\` next to this folder, installed with \`npm ci --ignore-scripts\` (its lock file) and built with
\`docusaurus build\`: server-side rendered static HTML, the site as a user would load it (navbar, sidebar, page).
Each built page is copied to \`bitwarden/<category>__<slug>.html\` (\`pages__<slug>.html\` for \`src/pages\`), with one
change: the site stylesheet \`<link rel="stylesheet" href="/assets/css/…">\` is replaced by a \`<style>\` holding the
same file, because the evaluator serves pages with the network cut off and the page would otherwise render
unstyled. Scripts stay in the file; the evaluator removes them when serving (so nothing hydrates: React state,
effects, shadow roots attached by script, and iframes filled by script do not exist in the served page).
Category index pages (\`build/category/*\`, \`build/multi-step/\`) and \`scenarios/\` pages are not form pages and are left out.

## labels.json

Format of the shared corpus (\`../shared/autofill-corpus/README.md\`): \`source: "bitwarden"\`, \`fragment: false\`,
\`labelAttribute: "${'data-bitwarden-none'}"\` (no label attribute exists in these pages; selectors are plain CSS),
\`labelScope\` all five roles (${LABEL_SCOPE.map((k) => `\`${k}\``).join(', ')}), one \`fields\` entry per expected
selector (\`sourceLabel: "hand"\`), \`notes\` = the labeller's reason, \`upstreamPath\` = the source file.

Labelling rule: every credential field a user could fill on the page **as served** (static HTML in headless Chromium,
scripts removed, network blocked, 1100 × 900, visible by \`lib/autofill/content/detect/is-field-visible.ts\`).
Login identifier = \`username\`, its password = \`currentPassword\`; sign-up: \`newPassword\` (+ \`confirmPassword\`) and the
account identifier as \`username\` (the user-name field if the form has one, else the e-mail); change password:
current, new, confirm; one-time codes \`otp\`. Newsletter, payment, address, search pages: \`non-login:<what>\` with
nothing expected. Decoys / honeypots are not labelled. Labels were decided from the HTML and Chromium's rendering
only; no detector or evaluator output was produced or read.

Checked in this build (Chromium): ${checked} expected selectors, each matching exactly one visible \`<input>\`.

## Counts

${pages.length} pages.

| kind | pages |
|---|---:|
${kindRows}

| role | fields |
|---|---:|
${roleRows}

## Edge decisions

* **Split one-time-code boxes** (\`login__security-code-multi-input\`): the shared corpus README says nothing about
  them; each of the six boxes is labelled \`otp\`, since the evaluator scores element by element.
* **A code typed by a hardware key in a password-type input** (\`login__security-code-device\`) is \`otp\`, not a password.
* **Bare text inputs \`u\` / \`p\`** (\`login__ambiguous-inputs\`, no form, no label, both \`type=text\`, posted to
  \`/login\` by the page script): labelled \`username\` / \`currentPassword\`, since that is what a user types there.
* **Change of e-mail** (\`update__update-email*\`, kind \`change-email\`): the confirming password is \`currentPassword\`;
  the new e-mail is a new value, not the saved identifier, and is left unlabelled.
* **Password-only login next to a newsletter form** (\`subscribe__newsletter-alongside-login\`, kind
  \`login-password-step\`): the password is \`currentPassword\`; the newsletter e-mail is unlabelled.
* **Not credentials, unlabelled**: security-question answers, identity/address/card fields, the read-only
  "Org Name" field, the "Password rules (HTML definition)" text box (a page control of
  \`create__create-account-passwordrules\`), the nesting-depth number input, search boxes.
* **Honeypots** (\`login__login-honeypot\`): the three hidden decoys are unlabelled (not visible as served).
* **Content outside the served top document is not labelled**: iframes (\`login__iframe-login\`,
  \`login__iframe-sandboxed-login\`, \`login__nested-iframe-login\`, \`multi-step__iframe-formless-login\`,
  \`payment__iframe-payment\`) and script-attached shadow roots (\`login__shadow-root-inputs\`,
  \`login__shadow-root-inputs-closed\`); the login ones are \`no-login-form\`.
* **Forms that need script or a click** are labelled as they render statically: \`login__hidden-login\` (mounted on
  click) and the closed dialog / popover (\`login__top-layer-dialog\`, \`login__top-layer-popover\`, inputs present but
  not visible) are \`no-login-form\`; multi-step flows show their first step only (\`*-username-step\`,
  \`change-password-current-step\`, \`change-password-username-step\`).
* **Page kinds outside the shared corpus's list**: \`change-email\`, \`change-password-current-step\`,
  \`change-password-username-step\` (the evaluator treats kinds as names; only \`non-login:*\` and
  \`no-login-form\` count as pages without a login).

## Pages

| file | upstream | kind | expected | reason |
|---|---|---|---|---|
${pageRows}
`;
  writeFileSync(join(out, 'README.md'), text);
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  assertCommit(args.mirror, BITWARDEN_COMMIT);
  const partDir = join(args.out, 'bitwarden');
  const client = docusaurusBuild(args.mirror, join(args.out, '.bitwarden-build'), args.reuseBuild);
  const readCss = (sitePath: string) => {
    const p = join(client, 'build', sitePath);
    return existsSync(p) ? readFileSync(p, 'utf8') : null;
  };
  const pages: Page[] = formPages(args.mirror, client).map((p) => {
    const { html, inlined } = inlineStylesheets(readFileSync(p.built, 'utf8'), readCss);
    return { file: p.file, upstreamPath: p.upstreamPath, html, inlined };
  });
  console.log(`${pages.length} form pages built`);

  const browser = await openServedPageBrowser(await bundlePageScript('scripts/eval-set/bitwarden-page-entry.ts'));
  type Api = { list: () => PageListing; check: (s: string[]) => ResolvedField[] };
  try {
    if (args.list) {
      for (const p of pages) {
        const listing = await browser.run(servedPageHtml(p.html, false), () => (globalThis as unknown as { sealpassBitwarden: Api }).sealpassBitwarden.list(), null);
        console.log(JSON.stringify({ file: p.file, upstreamPath: p.upstreamPath, ...listing }));
      }
      return;
    }
    const labels = handLabelsSchema.parse(JSON.parse(readFileSync(LABELS_FILE, 'utf8')));
    const problems: string[] = [];
    const names = new Set(pages.map((p) => p.file));
    for (const p of pages) if (!labels[p.file]) problems.push(`${p.file}: no hand label`);
    for (const f of Object.keys(labels)) if (!names.has(f)) problems.push(`${f}: labelled but not a built page`);
    const built: LabelledPage[] = [];
    let checked = 0;
    for (const p of pages) {
      const label = labels[p.file];
      if (!label) continue;
      problems.push(...labelProblems(p.file, label));
      const selectors = LABEL_SCOPE.flatMap((k) => label.expected[k] ?? []);
      const resolved: ResolvedField[] = await browser.run(servedPageHtml(p.html, false), (s: string[]) => (globalThis as unknown as { sealpassBitwarden: Api }).sealpassBitwarden.check(s), selectors);
      problems.push(...resolvedProblems(p.file, resolved));
      checked += resolved.length;
      built.push({ file: p.file, label, meta: pageMeta(p.html, p.upstreamPath), resolved: new Map(resolved.map((r) => [r.selector, r])) });
    }
    if (problems.length > 0) throw new Error(`Labels fail the checks:\n  ${problems.join('\n  ')}`);
    const labelsJson = buildLabelsJson(BITWARDEN_COMMIT, built);
    rmSync(partDir, { recursive: true, force: true });
    mkdirSync(join(partDir, 'bitwarden'), { recursive: true });
    for (const p of pages) writeFileSync(join(partDir, 'bitwarden', p.file), p.html);
    writeFileSync(join(partDir, 'labels.json'), `${JSON.stringify(labelsJson, null, 1)}\n`);
    writeReadme(partDir, pages, labels, checked);
    console.log(`Wrote ${pages.length} pages, ${checked} checked selectors, to ${partDir}`);
  } finally {
    await browser.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof PinnedSourceError ? error.message : error);
  process.exit(1);
});

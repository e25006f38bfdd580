/**
 * `npx tsx scripts/eval-set/apply-relabels.ts --out <eval dir> [--relabels scripts/eval-set/relabel.json]
 *    [--candidates-read heldout=<n> --candidates-read tune=<n>]`
 *
 * Writes `<out>/tune-relabelled/` and `<out>/heldout-relabelled/`: each part's labels.json with the hand
 * decisions of relabel.json applied (rule and procedure: <out>/README.md), and hard links to the same HTML.
 * Every added selector is checked in headless Chromium, on the page as the evaluator serves it, to resolve to
 * exactly one visible input (the evaluator's visibility test) that no other expected selector of the page names;
 * any failure stops the run before anything is written. Prints the counts per part and writes them, with the
 * rule, into <out>/README.md (between the relabel markers; `--candidates-read` gives the number of lister lines
 * read by hand per part).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { servedPageHtml } from '../../tests/corpus/served-page-html';
import { openRelabelPages } from './relabel-browser';
import {
  addedSelectors,
  applyRelabels,
  renderRelabelSection,
  unusedRelabels,
  withRelabelSection,
  type LabelsFile,
  type RelabelFile,
  type RelabelStats,
} from './relabel-rules';
import { writeLinkedPart } from './write-linked-part';

const PARTS = ['heldout', 'tune'] as const;

async function main(): Promise<void> {
  const here = dirname(fileURLToPath(import.meta.url));
  const { values } = parseArgs({
    options: { out: { type: 'string' }, relabels: { type: 'string' }, 'candidates-read': { type: 'string', multiple: true } },
  });
  const read = new Map((values['candidates-read'] ?? []).map((kv) => [kv.split('=')[0]!, Number(kv.split('=')[1])] as const));
  if (!values.out) throw new Error('usage: --out <eval dir> [--relabels <relabel.json>]');
  const out = resolve(values.out);
  const relabels = JSON.parse(readFileSync(values.relabels ?? join(here, 'relabel.json'), 'utf8')) as RelabelFile;
  const parts = PARTS.map((part) => ({ part, labels: JSON.parse(readFileSync(join(out, part, 'labels.json'), 'utf8')) as LabelsFile }));
  const unused = unusedRelabels(relabels, parts.map((p) => p.labels));
  if (unused.length > 0) throw new Error(`relabel.json names pages in no part: ${unused.join(', ')}`);

  const results = parts.map(({ part, labels }) => ({ part, ...applyRelabels(labels, relabels) }));

  const problems: string[] = [];
  const browser = await openRelabelPages();
  try {
    for (const { part, labels } of results) {
      for (const [page, decision] of Object.entries(relabels)) {
        const fx = labels.fixtures[page];
        const selectors = addedSelectors(decision);
        if (!fx || selectors.length === 0) continue;
        const html = servedPageHtml(readFileSync(join(out, part, page), 'utf8'), fx['fragment'] === true);
        const added = new Set(selectors);
        const others = Object.values(fx.expected).flatMap((list) => list ?? []).filter((s) => !added.has(s));
        for (const c of await browser.check(html, selectors, others)) {
          if (c.count !== 1 || c.tag !== 'input' || !c.visible) {
            problems.push(`${part}/${page}: ${c.selector} resolves to ${c.count} element(s), first ${c.tag ?? 'none'}, ${c.visible ? 'visible' : 'not visible'}`);
          }
          if (c.sameAs) problems.push(`${part}/${page}: ${c.selector} is the element ${c.sameAs} already names`);
        }
      }
    }
  } finally {
    await browser.close();
  }
  if (problems.length > 0) throw new Error(`added selectors that are not exactly one visible input:\n${problems.join('\n')}`);

  for (const { part, labels } of results) writeLinkedPart(join(out, `${part}-relabelled`), join(out, part), labels);
  for (const { part, stats } of results) console.log(`${part}: ${summary(stats)}`);
  const readmePath = join(out, 'README.md');
  const section = renderRelabelSection(results.map(({ part, stats }) => ({ part, candidatesRead: read.get(part) ?? null, stats })));
  writeFileSync(readmePath, withRelabelSection(readFileSync(readmePath, 'utf8'), section));
}

function summary(s: RelabelStats): string {
  const fmt = (r: Record<string, number>): string => Object.entries(r).map(([k, n]) => `${k} ${n}`).join(', ') || 'none';
  return `${s.pagesChanged} pages changed; added ${fmt(s.added)}; removed ${fmt(s.removed)}; kinds changed ${s.kindsChanged.length}${
    s.kindsChanged.length ? ` (${s.kindsChanged.map((k) => `${k.page}: ${k.from} → ${k.to}`).join('; ')})` : ''
  }`;
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});

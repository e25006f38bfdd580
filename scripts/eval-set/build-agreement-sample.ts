/**
 * `npx tsx scripts/eval-set/build-agreement-sample.ts --out <eval dir> [--annotation scripts/eval-set/second-annotation.json] [--adjudication scripts/eval-set/adjudication.json]`
 *
 * Measures how far two annotators agree on login identifiers over the held-out pages of the second annotation,
 * and writes `<out>/agreement-first/` (the held-out labels of those pages), `<out>/agreement-second/` (the second
 * annotator's identifiers; other roles unchanged), `<out>/agreement-adjudicated/` (the identifiers both agree on, a
 * third reader's where they differ) and `<out>/agreement-consensus/` (only the pages both agree on), each a
 * labels.json with hard links to the pages, to score the detector against each:
 * `npm run eval:autofill -- --corpus <out>/agreement-adjudicated`. Selectors are resolved with jsdom (no layout is
 * needed to name an element). Prints the agreement as JSON; fails if the annotation is not the sample
 * `samplePages` draws, if the adjudication does not decide exactly the differing pages, or if a selector names no
 * element.
 */
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { JSDOM, VirtualConsole } from 'jsdom';
import {
  adjudicationSchema,
  agreementLabelSets,
  applyAdjudication,
  consensusLabels,
  countAgreement,
  samplePages,
  secondAnnotationSchema,
} from './agreement-rules';
import { resolveSelector } from './page-selectors';
import type { LabelsFile } from './relabel-rules';
import { writeLinkedPart } from './write-linked-part';

const PART = 'heldout-relabelled';

/** The element indices `selectors` name in the page (the first match of each, as the evaluator reads them). */
function resolveAll(dom: JSDOM, selectors: string[], page: string): Set<number> {
  const all = [...dom.window.document.querySelectorAll('*')];
  return new Set(
    selectors.map((selector) => {
      const el = resolveSelector(dom.window.document, selector)[0];
      if (!el) throw new Error(`${page}: ${selector} names no element`);
      return all.indexOf(el);
    }),
  );
}

async function main(): Promise<void> {
  const here = dirname(fileURLToPath(import.meta.url));
  const { values } = parseArgs({ options: { out: { type: 'string' }, annotation: { type: 'string' }, adjudication: { type: 'string' } } });
  if (!values.out) throw new Error('usage: --out <eval dir> [--annotation <second-annotation.json>] [--adjudication <adjudication.json>]');
  const out = resolve(values.out);
  const labels = JSON.parse(readFileSync(join(out, PART, 'labels.json'), 'utf8')) as LabelsFile;
  const annotation = secondAnnotationSchema.parse(JSON.parse(readFileSync(values.annotation ?? join(here, 'second-annotation.json'), 'utf8')));
  const adjudication = adjudicationSchema.parse(JSON.parse(readFileSync(values.adjudication ?? join(here, 'adjudication.json'), 'utf8')));
  const pages = Object.keys(annotation.pages);
  const drawn = samplePages(labels, annotation.sampleSalt, pages.length);
  if (drawn.join('\n') !== pages.join('\n')) throw new Error('the second annotation is not the sample samplePages draws (pages or their order differ)');

  const sets = agreementLabelSets(labels, annotation);
  const resolved = pages.map((page) => {
    // Style sheets emptied: jsdom would build a CSSOM for every inlined sheet, and no selector depends on them.
    const html = readFileSync(join(out, PART, page), 'utf8').replace(/(<style\b[^>]*>)[\s\S]*?(<\/style)/gi, '$1$2');
    const dom = new JSDOM(html, { virtualConsole: new VirtualConsole() });
    const first = resolveAll(dom, sets.first.fixtures[page]!.expected['username'] ?? [], page);
    const second = resolveAll(dom, annotation.pages[page]!.username, page);
    dom.window.close();
    return { page, first, second };
  });
  const agreement = countAgreement(resolved);
  const decided = applyAdjudication(annotation, adjudication, agreement.pagesDiffering);
  writeLinkedPart(join(out, 'agreement-first'), join(out, PART), sets.first);
  writeLinkedPart(join(out, 'agreement-second'), join(out, PART), sets.second);
  const adjudicated = agreementLabelSets(labels, decided).second;
  writeLinkedPart(join(out, 'agreement-adjudicated'), join(out, PART), adjudicated);
  writeLinkedPart(join(out, 'agreement-consensus'), join(out, PART), consensusLabels(adjudicated, agreement.pagesDiffering));
  const unsure = Object.entries(annotation.pages).filter(([, p]) => p.unsure).map(([page]) => page);
  console.log(JSON.stringify({ ...agreement, unsure }, null, 2));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});

/**
 * How far two annotators agree on login identifiers (the `username` role), and the two label sets the evaluator
 * scores the detector against: the held-out part's own labels and an independent second annotation of a random
 * sample of its pages (scripts/eval-set/second-annotation.json). Pure functions on labels.json data; the
 * build (build-agreement-sample.ts) resolves selectors and writes the folders.
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { LabelsFile, RelabelFixture } from './relabel-rules';

/**
 * The second annotation as committed: per page, the selectors of its login identifiers (empty: none), and which of
 * the engineers who shared the second annotator's work labelled it (`by`).
 */
export const secondAnnotationSchema = z.object({
  annotator: z.string(),
  rule: z.string(),
  sampleSalt: z.string(),
  pages: z.record(z.string(), z.object({ username: z.array(z.string()), unsure: z.string().optional(), by: z.string().optional() })),
});
/** See `secondAnnotationSchema`. */
export type SecondAnnotation = z.infer<typeof secondAnnotationSchema>;

/** A third reader's decisions on the pages where the two annotations differ: the identifiers kept, and why. */
export const adjudicationSchema = z.object({
  adjudicator: z.string(),
  rule: z.string(),
  pages: z.record(z.string(), z.object({ username: z.array(z.string()), why: z.string() })),
});
/** See `adjudicationSchema`. */
export type Adjudication = z.infer<typeof adjudicationSchema>;

/**
 * The adjudicated annotation: the second annotation's identifiers where the two annotators agree (the same elements
 * as the first's), the adjudicator's where they differ.
 *
 * @param second - the second annotation
 * @param adjudication - decisions for exactly the differing pages
 * @param differing - the pages where the annotations differ (`countAgreement`'s `pagesDiffering`)
 * @returns an annotation in the second annotation's shape, to build a label set with `agreementLabelSets`
 * @throws {Error} when the adjudication misses a differing page or decides one that does not differ
 */
export function applyAdjudication(second: SecondAnnotation, adjudication: Adjudication, differing: readonly string[]): SecondAnnotation {
  const decided = Object.keys(adjudication.pages);
  const missing = differing.filter((page) => !decided.includes(page));
  const extra = decided.filter((page) => !differing.includes(page));
  if (missing.length || extra.length) throw new Error(`the adjudication does not cover the differing pages (missing: ${missing.join(', ') || 'none'}; not differing: ${extra.join(', ') || 'none'})`);
  const pages = { ...second.pages };
  for (const [page, { username }] of Object.entries(adjudication.pages)) pages[page] = { username, by: adjudication.adjudicator };
  // The label set names one source for its fields: both, since the agreed pages keep the second annotator's selectors.
  return { ...second, annotator: `${second.annotator}, adjudicated by ${adjudication.adjudicator}`, pages };
}

const NEGATIVE_KIND = /^(non-login:|no-login-form$)/;

/**
 * The random sample the second annotator worked through: pages whose label scope includes `username`, ordered by
 * sha256 of `<salt>:<page>` (hex), first `count`.
 *
 * @param labels - the held-out part's labels.json
 * @param salt - e.g. "sealpass-iaa-v1"
 * @param count - pages wanted
 * @returns page ids, in annotation order
 */
export function samplePages(labels: LabelsFile, salt: string, count: number): string[] {
  const hash = (page: string) => createHash('sha256').update(`${salt}:${page}`).digest('hex');
  return Object.keys(labels.fixtures)
    .filter((page) => labels.fixtures[page]!.labelScope.includes('username'))
    .map((page) => [hash(page), page] as const)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .slice(0, count)
    .map(([, page]) => page);
}

/**
 * The two label sets over the annotated pages. `first` is the part's labels unchanged. `second` replaces each
 * page's expected `username` with the second annotation's and adds those selectors to `fields` (the evaluator
 * excuses DDG elements no label names, so the first annotator's labelled fields stay too: a detector username on
 * an element the second annotator left out still counts against it); a negative page where the second annotator
 * found identifiers becomes `login`. Other roles are the same in both.
 *
 * @param labels - the part's labels.json
 * @param second - the second annotation
 * @returns both labels.json objects, restricted to the annotated pages
 * @throws {Error} naming a page the part does not have
 */
export function agreementLabelSets(labels: LabelsFile, second: SecondAnnotation): { first: LabelsFile; second: LabelsFile } {
  const first: Record<string, RelabelFixture> = {};
  const other: Record<string, RelabelFixture> = {};
  for (const [page, { username }] of Object.entries(second.pages)) {
    const fixture = labels.fixtures[page];
    if (!fixture) throw new Error(`second annotation names ${page}, which the part does not have`);
    first[page] = fixture;
    const rest = { ...fixture.expected };
    delete rest['username'];
    const fields = Array.isArray(fixture['fields']) ? (fixture['fields'] as unknown[]) : [];
    other[page] = {
      ...fixture,
      kind: username.length > 0 && NEGATIVE_KIND.test(fixture.kind) ? 'login' : fixture.kind,
      expected: username.length > 0 ? { ...rest, username } : rest,
      fields: [...fields, ...username.map((selector) => ({ role: 'username', selector, sourceLabel: second.annotator }))],
    };
  }
  return { first: { ...labels, fixtures: first }, second: { ...labels, fixtures: other } };
}

/**
 * The pages two annotators agree on: `labels` without the differing pages, to score the detector where the labels
 * are not in dispute (a subset that leaves out the hard pages, so its figure flatters; report it beside the whole).
 *
 * @param labels - a label set over the annotated pages (e.g. the adjudicated one)
 * @param differing - the pages where the annotations differ
 * @returns the same label set without those pages
 */
export function consensusLabels(labels: LabelsFile, differing: readonly string[]): LabelsFile {
  return { ...labels, fixtures: Object.fromEntries(Object.entries(labels.fixtures).filter(([page]) => !differing.includes(page))) };
}

/** Agreement counts over pages, element by element. */
export interface Agreement {
  pages: number;
  both: number;
  firstOnly: number;
  secondOnly: number;
  pagesDiffering: string[];
  /** 2·both / (2·both + firstOnly + secondOnly): the F1 of one annotator scored against the other. */
  f1: number;
}

/**
 * Counts agreement from each page's resolved identifier elements (any comparable keys: element indices).
 *
 * @param pages - per page, the elements each annotator named
 * @returns the counts and the F1 of one annotation against the other (1 when neither names anything)
 */
export function countAgreement(pages: Array<{ page: string; first: Set<number>; second: Set<number> }>): Agreement {
  let both = 0;
  let firstOnly = 0;
  let secondOnly = 0;
  const pagesDiffering: string[] = [];
  for (const { page, first, second } of pages) {
    const shared = [...first].filter((el) => second.has(el)).length;
    both += shared;
    firstOnly += first.size - shared;
    secondOnly += second.size - shared;
    if (shared !== first.size || shared !== second.size) pagesDiffering.push(page);
  }
  const total = 2 * both + firstOnly + secondOnly;
  return { pages: pages.length, both, firstOnly, secondOnly, pagesDiffering, f1: total ? (2 * both) / total : 1 };
}

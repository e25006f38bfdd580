/**
 * Headless Chromium for relabelling: pages served as the evaluator serves them (scripts removed, DDG fragments
 * in a body, 1100 × 900, network refused), with only scripts/eval-set/relabel-page-entry.ts injected: the
 * evaluator's visibility test and structural listing, never the detector.
 */
import { bundlePageScript } from '../../tests/corpus/bundle-detector';
import { openServedPageBrowser } from '../../tests/corpus/served-page-browser';
import type { Candidate, RelabelPageSpec, SelectorCheck } from './relabel-page-entry';

/** One browser; each call opens a tab on the given HTML and closes it. */
export interface RelabelPages {
  list(html: string, spec: RelabelPageSpec): Promise<Candidate[]>;
  /** Checks `selectors` against the page; `others` are its remaining expected selectors (for duplicates). */
  check(html: string, selectors: string[], others: string[]): Promise<SelectorCheck[]>;
  close(): Promise<void>;
}

/**
 * Starts Chromium (`CHROMIUM_PATH`, else /usr/bin/chromium) through the evaluator's own page loading.
 *
 * @throws {Error} when the page code does not build or Chromium does not start
 */
export async function openRelabelPages(): Promise<RelabelPages> {
  const browser = await openServedPageBrowser(await bundlePageScript('scripts/eval-set/relabel-page-entry.ts'));
  type Call = { m: 'list' | 'check'; a: unknown };
  const call = <T>(html: string, m: Call['m'], a: unknown): Promise<T> =>
    browser.run(html, ({ m: method, a: arg }: Call) => (globalThis as unknown as { sealpassRelabel: Record<string, (x: unknown) => unknown> }).sealpassRelabel[method]!(arg), { m, a }) as Promise<T>;
  return {
    list: (page, spec) => call<Candidate[]>(page, 'list', spec),
    check: (page, selectors, others) => call<SelectorCheck[]>(page, 'check', { selectors, others }),
    close: () => browser.close(),
  };
}

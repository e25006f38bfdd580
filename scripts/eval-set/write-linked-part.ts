/** Writes a derived part of the evaluation set: a labels.json beside hard links to another part's pages. */
import { existsSync, linkSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { LabelsFile } from './relabel-rules';

/**
 * Replaces `dir` with `labels` (as labels.json, two-space JSON) and a hard link to `source/<page>` for each of its
 * fixtures, so the pages are the same files as the source part's.
 *
 * @param dir - the part to write, e.g. `../eval-autofill/heldout-relabelled`
 * @param source - the part holding the pages
 * @param labels - the derived labels
 * @throws {Error} when a page is missing from `source`
 */
export function writeLinkedPart(dir: string, source: string, labels: LabelsFile): void {
  rmSync(dir, { recursive: true, force: true });
  for (const page of Object.keys(labels.fixtures)) {
    const target = join(dir, page);
    mkdirSync(dirname(target), { recursive: true });
    if (!existsSync(target)) linkSync(join(source, page), target);
  }
  writeFileSync(join(dir, 'labels.json'), `${JSON.stringify(labels, null, 2)}\n`);
}

/**
 * `npx tsx scripts/eval-set/list-relabel-candidates.ts --set <eval dir>/heldout [--only <substring>] [--kind <kind>]`
 *
 * Lists, per page, the structural candidates for relabelling by the "every credential form a user could fill"
 * rule (see <eval dir>/README.md): unlabelled visible password inputs, visible text inputs named like a
 * password, identifier-like inputs on pages filed as having no login / new-password form (when a visible
 * password is on the page), labelled login forms with two visible passwords, and labels on non-inputs or
 * invisible elements. Pages are served as the evaluator serves them; the detector is never run. One line per
 * candidate: page, reason, selector, type, name/id, placeholder, autocomplete, label, heading, form summary.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { RelabelPageSpec } from './relabel-page-entry';
import { servedPageHtml } from '../../tests/corpus/served-page-html';
import { openRelabelPages } from './relabel-browser';

interface FixtureLabels extends RelabelPageSpec {
  fragment?: boolean;
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { set: { type: 'string' }, only: { type: 'string' }, kind: { type: 'string' } } });
  if (!values.set) throw new Error('usage: --set <eval dir>/<part> [--only <substring>] [--kind <kind>]');
  const labels = JSON.parse(readFileSync(join(values.set, 'labels.json'), 'utf8')) as { fixtures: Record<string, FixtureLabels> };
  const pages = await openRelabelPages();
  let total = 0;
  try {
    for (const [key, fx] of Object.entries(labels.fixtures)) {
      if (values.only && !key.includes(values.only)) continue;
      if (values.kind && fx.kind !== values.kind) continue;
      const html = servedPageHtml(readFileSync(join(values.set, key), 'utf8'), fx.fragment === true);
      const found = await pages.list(html, { kind: fx.kind, labelScope: fx.labelScope, expected: fx.expected, fields: fx.fields });
      for (const c of found) {
        total++;
        const parts = [
          key,
          `[${fx.kind}]`,
          c.reason,
          c.selector ?? '?',
          `${c.tag}:${c.type}`,
          `n=${c.name}`,
          `id=${c.id}`,
          c.placeholder && `ph=${c.placeholder}`,
          c.autocomplete && `ac=${c.autocomplete}`,
          c.fieldRole && `fieldRole=${c.fieldRole}`,
          c.label && `label=${c.label}`,
          c.heading && `h=${c.heading}`,
          c.form && `form=${c.form}`,
        ].filter(Boolean);
        console.log(parts.join(' ¦ '));
      }
    }
  } finally {
    await pages.close();
  }
  console.error(`${total} candidates`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});

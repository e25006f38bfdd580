/**
 * axe-core in a page: the serious and critical violations, evaluated through the debugger protocol so the page's own
 * CSP does not apply to it. Runs axe's default rules plus `label-content-name-mismatch` (WCAG 2.5.3), which axe
 * ships as experimental and off: issue 17 found the item list failing it.
 */
import axe from 'axe-core';
import type { Page } from 'playwright-core';

/** @returns one line per serious or critical violation (`id (impact, n nodes)`); empty when there is none */
export async function seriousViolations(page: Page): Promise<string[]> {
  await page.evaluate(axe.source);
  const results = await page.evaluate(async () => {
    const runner = (globalThis as unknown as {
      axe: { run(context: Document, options: object): Promise<{ violations: { id: string; impact: string | null; nodes: unknown[] }[] }> };
    }).axe;
    const options = { rules: { 'label-content-name-mismatch': { enabled: true } } };
    return (await runner.run(document, options)).violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length }));
  });
  return results.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id} (${v.impact}, ${v.nodes} nodes)`);
}

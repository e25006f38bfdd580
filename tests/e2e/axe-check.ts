/** axe-core in a page: the serious and critical violations, evaluated through the debugger protocol so the page's own CSP does not apply to it. */
import axe from 'axe-core';
import type { Page } from 'playwright-core';

/** @returns one line per serious or critical violation (`id (impact, n nodes)`); empty when there is none */
export async function seriousViolations(page: Page): Promise<string[]> {
  await page.evaluate(axe.source);
  const results = await page.evaluate(async () => {
    const runner = (globalThis as unknown as { axe: { run(context: Document): Promise<{ violations: { id: string; impact: string | null; nodes: unknown[] }[] }> } }).axe;
    return (await runner.run(document)).violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length }));
  });
  return results.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id} (${v.impact}, ${v.nodes} nodes)`);
}

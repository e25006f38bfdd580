/**
 * Fixture HTML as the evaluator and the relabelling tools serve it: scripts removed (the page must not change
 * itself or call out), DDG fragments put in a body (DDG's own test wraps them the same way).
 *
 * @param html - the fixture file's text
 * @param fragment - true for a DDG fragment (labels.json `fragment`)
 * @returns a whole HTML document
 */
export function servedPageHtml(html: string, fragment: boolean): string {
  const withoutScripts = html.replace(/<script\b[\s\S]*?<\/script\s*>/gi, '');
  return fragment ? `<!doctype html><html><head><meta charset="utf-8"></head><body>${withoutScripts}</body></html>` : withoutScripts;
}

/**
 * Loads HTML into the test's jsdom document (`// @vitest-environment jsdom`) for the detection unit tests.
 * jsdom has no layout engine: every box is 0 × 0, which `isFieldVisible` recognises (see its tests).
 */
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** tests/fixtures/forms, the authored detection fixtures. */
export const FORM_FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'forms');

/**
 * Replaces the whole content of the global `document` with `html` (a full page or a fragment; scripts are
 * not run) and returns the document. Everything from an earlier call, shadow roots included, is gone.
 */
export async function htmlDocument(html: string): Promise<Document> {
  document.documentElement.innerHTML = html.replace(/^\s*<!doctype[^>]*>/i, '').replace(/<\/?html[^>]*>/gi, '');
  return document;
}

/** The global `document` holding tests/fixtures/forms/`name`. */
export async function formFixture(name: string): Promise<Document> {
  return htmlDocument(await readFile(join(FORM_FIXTURES, name), 'utf8'));
}

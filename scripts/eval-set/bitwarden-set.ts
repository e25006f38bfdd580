/**
 * Pure parts of the Bitwarden evaluation part (build-bitwarden-set.ts): page names, stylesheet inlining, and the
 * hand labels (scripts/eval-set/bitwarden-labels.json) turned into a corpus labels.json.
 */
import { z } from 'zod';
import { corpusLabelsSchema } from '../../tests/corpus/corpus-labels';

export const BITWARDEN_REPO = 'bitwarden/test-the-web';
/** The label attribute named in labels.json: no such attribute exists in these pages (labels are hand-written). */
export const LABEL_ATTRIBUTE = 'data-bitwarden-none';
/** Expected keys in the order labels.json lists them; all five are in every page's labelScope. */
export const LABEL_SCOPE = ['username', 'currentPassword', 'newPassword', 'confirmPassword', 'otp'] as const;
export type ExpectedKey = (typeof LABEL_SCOPE)[number];
/** The corpus `fields[].role` for each expected key (the shared corpus README's role names). */
export const FIELD_ROLE: Record<ExpectedKey, string> = {
  username: 'username',
  currentPassword: 'current-password',
  newPassword: 'new-password',
  confirmPassword: 'confirm-password',
  otp: 'otp',
};

const handLabelSchema = z
  .object({
    kind: z.string().min(1),
    expected: z.object({
      username: z.array(z.string()).optional(),
      currentPassword: z.array(z.string()).optional(),
      newPassword: z.array(z.string()).optional(),
      confirmPassword: z.array(z.string()).optional(),
      otp: z.array(z.string()).optional(),
    }).strict(),
    reason: z.string().min(1),
  })
  .strict();

/** scripts/eval-set/bitwarden-labels.json: page file name → hand label. */
export const handLabelsSchema = z.record(z.string().regex(/^[a-z0-9-]+__[a-z0-9-]+\.html$/), handLabelSchema);
export type HandLabel = z.infer<typeof handLabelSchema>;
export type HandLabels = z.infer<typeof handLabelsSchema>;

/** Kinds whose pages hold no credential field to fill: `expected` must be empty. */
export function isNegativeKind(kind: string): boolean {
  return kind.startsWith('non-login:') || kind === 'no-login-form';
}

/**
 * The output name of a built page: `build/forms/<category>/<slug>/index.html` → `<category>__<slug>.html`,
 * `build/<slug>/index.html` (a src/pages page) → `pages__<slug>.html`.
 *
 * @param builtPath - path relative to the Docusaurus build folder, with forward slashes
 * @returns the file name, or null for a path that is not a form page
 */
export function pageName(builtPath: string): string | null {
  const form = /^forms\/([a-z0-9-]+)\/([a-z0-9-]+)\/index\.html$/.exec(builtPath);
  if (form) return `${form[1]}__${form[2]}.html`;
  const page = /^([a-z0-9-]+)\/index\.html$/.exec(builtPath);
  return page ? `pages__${page[1]}.html` : null;
}

/**
 * Replaces each `<link rel="stylesheet" href="/…">` of the site's own stylesheets by a `<style>` holding the file,
 * so that the page renders styled with the network cut off (as the evaluator serves it).
 *
 * @param html - a built page
 * @param readCss - reads a site path such as `/assets/css/styles.x.css`; returns null when absent
 * @returns the page and the inlined paths
 * @throws {Error} when a linked local stylesheet is missing
 */
export function inlineStylesheets(html: string, readCss: (sitePath: string) => string | null): { html: string; inlined: string[] } {
  const inlined: string[] = [];
  const out = html.replace(/<link\b[^>]*\brel="stylesheet"[^>]*>/g, (tag) => {
    const href = /\bhref="(\/[^"]+\.css)"/.exec(tag)?.[1];
    if (!href) return tag;
    const css = readCss(href);
    if (css === null) throw new Error(`Stylesheet ${href} is linked but missing from the build.`);
    inlined.push(href);
    // `</style` inside the CSS would end the element early; Docusaurus CSS has none, but guard anyway.
    return `<style data-inlined-from="${href}">${css.replace(/<\/style/gi, '<\\/style')}</style>`;
  });
  return { html: out, inlined };
}

/** What the browser check found for one expected selector. */
export interface ResolvedField {
  selector: string;
  count: number;
  tag: string | null;
  visible: boolean;
  id: string | null;
  name: string | null;
  type: string | null;
  autocomplete: string | null;
}

/** Problems with one page's hand label, before any browser check. */
export function labelProblems(file: string, label: HandLabel): string[] {
  const problems: string[] = [];
  const all = LABEL_SCOPE.flatMap((k) => label.expected[k] ?? []);
  if (isNegativeKind(label.kind) && all.length > 0) problems.push(`${file}: kind ${label.kind} must expect nothing`);
  if (!isNegativeKind(label.kind) && all.length === 0) problems.push(`${file}: kind ${label.kind} expects no field`);
  const seen = new Set<string>();
  for (const sel of all) {
    if (seen.has(sel)) problems.push(`${file}: selector ${sel} listed twice`);
    seen.add(sel);
  }
  return problems;
}

/** Problems found by the browser check: each expected selector must match exactly one visible input. */
export function resolvedProblems(file: string, resolved: readonly ResolvedField[]): string[] {
  return resolved.flatMap((r) =>
    r.count !== 1
      ? [`${file}: ${r.selector} matches ${r.count} elements`]
      : r.tag !== 'input'
        ? [`${file}: ${r.selector} is a <${r.tag}>, not an input`]
        : !r.visible
          ? [`${file}: ${r.selector} is not visible as served`]
          : [],
  );
}

/** Page facts read from the built HTML. */
export interface PageMeta {
  title: string;
  url: string;
  upstreamPath: string;
}

/**
 * One fixture of labels.json from a hand label and the browser's view of its selectors.
 *
 * @param resolved - the check of every expected selector, by selector
 */
export function toFixture(label: HandLabel, meta: PageMeta, resolved: ReadonlyMap<string, ResolvedField>) {
  const expected: Record<string, string[]> = {};
  const fields: Array<Record<string, unknown>> = [];
  for (const key of LABEL_SCOPE) {
    const sels = label.expected[key] ?? [];
    if (sels.length === 0) continue;
    expected[key] = [...sels];
    for (const selector of sels) {
      const r = resolved.get(selector);
      fields.push({
        role: FIELD_ROLE[key],
        sourceLabel: 'hand',
        selector,
        labelSelector: null,
        labelIndex: null,
        tag: r?.tag ?? 'input',
        id: r?.id ?? null,
        name: r?.name ?? null,
        type: r?.type ?? null,
        autocomplete: r?.autocomplete ?? null,
      });
    }
  }
  return {
    source: 'bitwarden',
    kind: label.kind,
    url: meta.url,
    title: meta.title,
    fragment: false,
    labelAttribute: LABEL_ATTRIBUTE,
    labelScope: [...LABEL_SCOPE],
    expected,
    fields,
    submitButtons: [],
    notes: label.reason,
    upstreamPath: meta.upstreamPath,
  };
}

/** One page's hand label with what the build read of it. */
export interface LabelledPage {
  file: string;
  label: HandLabel;
  meta: PageMeta;
  resolved: ReadonlyMap<string, ResolvedField>;
}

/**
 * labels.json for the whole part, validated with the evaluator's schema.
 *
 * @throws {Error} when the result does not satisfy corpusLabelsSchema
 */
export function buildLabelsJson(commit: string, pages: readonly LabelledPage[]) {
  const fixtures: Record<string, ReturnType<typeof toFixture>> = {};
  for (const p of [...pages].sort((a, b) => (a.file < b.file ? -1 : 1))) fixtures[`bitwarden/${p.file}`] = toFixture(p.label, p.meta, p.resolved);
  const labels = {
    schemaVersion: 1 as const,
    generatedFrom: { [BITWARDEN_REPO]: commit },
    labelAttributes: [LABEL_ATTRIBUTE],
    roles: Object.values(FIELD_ROLE),
    fixtures,
  };
  corpusLabelsSchema.parse(labels);
  return labels;
}

/** Pages per kind and fields per expected key, sorted by count then name. */
export function countLabels(labels: HandLabels): { kinds: Array<[string, number]>; roles: Array<[string, number]> } {
  const kinds = new Map<string, number>();
  const roles = new Map<string, number>(LABEL_SCOPE.map((k) => [k, 0]));
  for (const l of Object.values(labels)) {
    kinds.set(l.kind, (kinds.get(l.kind) ?? 0) + 1);
    for (const k of LABEL_SCOPE) roles.set(k, roles.get(k)! + (l.expected[k]?.length ?? 0));
  }
  const order = (a: [string, number], b: [string, number]) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1);
  return { kinds: [...kinds].sort(order), roles: [...roles] };
}

/**
 * Runs inside a corpus page (bundled by `bundle-detector.ts`): resolves the expected elements, removes the
 * label attributes, runs the project's detector, and reports everything by element index, since elements
 * cannot leave the page. Indices number every element of the document and its open shadow roots in tree order,
 * so resolving by index needs no marker attribute that the detector could read.
 */
import { detectForms } from '../../lib/autofill/content/detect/detect-forms';

/** What the Node side asks for: one selector per labelled field and the attributes to strip. */
export interface CorpusPageSpec {
  /** `tag[id="…"]`, or `[label-attr="value"] >> nth=N` (Playwright syntax, 0-based). */
  selectors: string[];
  /** Exact attribute names to remove, plus every `data-ddg-*` attribute. */
  stripAttributes: string[];
}

/** One detected form, by element index. */
export interface CorpusPageForm {
  kind: string;
  container: number;
  fields: Array<{ role: string; elements: number[] }>;
  /** Indices of the elements that contain this form's container or any of its fields (for form-level labels). */
  ancestors: number[];
}

/** What the page reports back. */
export interface CorpusPageResult {
  /** Index of each requested selector's element, or -1 when it matched nothing. */
  resolved: number[];
  /**
   * Element indices from `resolved` that are not rendered at all (display:none or visibility:hidden on it
   * or an ancestor, opacity 0, aria-hidden, or an empty box): the evaluator's own check, not the detector's.
   */
  hidden: number[];
  forms: CorpusPageForm[];
  /** `tag#id[name][type]` for every element index mentioned in `resolved` or `forms`. */
  describe: Record<number, string>;
  /** First run: includes the style and layout pass that the first box read forces on a fresh page. */
  detectMs: number;
  /** Second run on the unchanged page: detection's own cost. */
  warmDetectMs: number;
}

function allElements(root: Document | ShadowRoot, out: Element[] = []): Element[] {
  for (const el of root.querySelectorAll('*')) {
    out.push(el);
    if (el.shadowRoot) allElements(el.shadowRoot, out);
  }
  return out;
}

/** The element a labels.json selector names; undefined for an empty, invalid or unmatched selector. */
function resolveSelector(selector: string, elements: Element[]): Element | undefined {
  const [css, nth] = selector.split(' >> nth=');
  if (!css) return undefined;
  try {
    return elements.filter((el) => el.matches(css))[Number(nth ?? 0)];
  } catch {
    return undefined; // not valid CSS: reported as unresolved
  }
}

function describe(el: Element): string {
  const name = el.getAttribute('name');
  const type = el.getAttribute('type');
  return `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${name ? `[name=${name}]` : ''}${type ? `[type=${type}]` : ''}`;
}

function isRendered(el: Element): boolean {
  const box = el.getBoundingClientRect();
  return (
    el.checkVisibility({ opacityProperty: true, visibilityProperty: true }) &&
    !el.closest('[aria-hidden="true"]') &&
    box.width > 0 &&
    box.height > 0
  );
}

function run(spec: CorpusPageSpec): CorpusPageResult {
  const elements = allElements(document);
  const index = new Map(elements.map((el, i) => [el, i]));
  const resolved = spec.selectors.map((s) => {
    const el = resolveSelector(s, elements);
    return el ? index.get(el)! : -1;
  });
  const hidden = resolved.filter((i) => i >= 0 && !isRendered(elements[i]!));
  for (const el of elements) {
    for (const attr of [...el.getAttributeNames()]) {
      if (spec.stripAttributes.includes(attr) || attr.startsWith('data-ddg-')) el.removeAttribute(attr);
    }
  }
  let start = performance.now();
  const forms = detectForms(document);
  const detectMs = performance.now() - start;
  start = performance.now();
  detectForms(document);
  const warmDetectMs = performance.now() - start;
  const describeMap: Record<number, string> = {};
  for (const i of resolved) if (i >= 0) describeMap[i] = describe(elements[i]!);
  const pageForms = forms.map((form) => {
    const members = [form.container, ...form.fields.flatMap((f) => f.elements)];
    const ancestors = new Set<number>();
    for (const member of members) {
      for (let n: Element | null = member; n; n = n.parentElement ?? (n.parentNode as ShadowRoot | null)?.host ?? null) {
        ancestors.add(index.get(n)!);
      }
    }
    const fields = form.fields.map((f) => ({
      role: f.role,
      elements: f.elements.map((el) => {
        const i = index.get(el)!;
        describeMap[i] = describe(el);
        return i;
      }),
    }));
    return { kind: form.kind, container: index.get(form.container)!, fields, ancestors: [...ancestors] };
  });
  return { resolved, hidden, forms: pageForms, describe: describeMap, detectMs, warmDetectMs };
}

(globalThis as unknown as { sealpassCorpus: { run: typeof run } }).sealpassCorpus = { run };

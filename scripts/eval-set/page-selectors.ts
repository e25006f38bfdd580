/**
 * Selectors and text clipping for the labelling tools: the corpus's selector form for an element (the page entries
 * relabel-page-entry.ts and bitwarden-page-entry.ts, inside a served page) and the elements a labels.json selector
 * names (those entries and build-agreement-sample.ts, on a jsdom document).
 */

/**
 * Whitespace collapsed, trimmed and cut, for one line of a listing.
 *
 * @param s - any text
 * @param n - characters kept (default 80)
 * @returns the clipped text; empty for null or undefined
 */
export const clip = (s: string | null | undefined, n = 80): string => (s ?? '').replace(/\s+/g, ' ').trim().slice(0, n);

const cssString = (v: string): string => `"${v.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;

/**
 * `tag[id="…"]` when the id is unique in the document, else `tag[name="…"]` when unique, else a CSS path of
 * nth-of-type steps up to the nearest ancestor with a unique id (or `html`).
 *
 * @param el - an element of the current document
 * @returns a selector that names exactly `el`
 */
export function selectorFor(el: Element): string {
  const tag = el.localName;
  const id = el.getAttribute('id');
  if (id && document.querySelectorAll(`[id=${cssString(id)}]`).length === 1) return `${tag}[id=${cssString(id)}]`;
  const name = el.getAttribute('name');
  if (name && document.querySelectorAll(`[name=${cssString(name)}]`).length === 1) return `${tag}[name=${cssString(name)}]`;
  const steps: string[] = [];
  let node: Element | null = el;
  while (node && node !== document.documentElement) {
    const nid = node.getAttribute('id');
    if (node !== el && nid && document.querySelectorAll(`[id=${cssString(nid)}]`).length === 1) {
      steps.unshift(`${node.localName}[id=${cssString(nid)}]`);
      break;
    }
    const parent: Element | null = node.parentElement;
    const same = parent ? [...parent.children].filter((c) => c.localName === node!.localName) : [node];
    steps.unshift(same.length > 1 ? `${node.localName}:nth-of-type(${same.indexOf(node) + 1})` : node.localName);
    node = parent;
  }
  if (node === document.documentElement) steps.unshift('html');
  return steps.join(' > ');
}

/**
 * The elements a labels.json selector names: every match of plain CSS, or the one element of Playwright's
 * `css >> nth=k` form (the k-th match), as the evaluator reads it.
 *
 * @param root - the document (or any node) to search
 * @param selector - CSS, or `css >> nth=k`
 * @returns the matches; empty when none
 * @throws {DOMException} for invalid CSS
 */
export function resolveSelector(root: ParentNode, selector: string): Element[] {
  const m = /^(.*) >> nth=(\d+)$/.exec(selector);
  if (!m) return [...root.querySelectorAll(selector)];
  const el = root.querySelectorAll(m[1]!)[Number(m[2])];
  return el ? [el] : [];
}

/**
 * The pages' few DOM helpers: elements built node by node with text content only, never HTML parsed from a
 * string (the CSP requires Trusted Types for that, and allows none).
 */

type Child = Node | string | null | false;

/**
 * Creates an element with attributes and children.
 * @param attributes - set with setAttribute; `false` or undefined values are left out
 * @example el('button', { type: 'button' }, 'Reveal')
 */
export function el<K extends keyof HTMLElementTagNameMap>(tag: K, attributes: Record<string, string | boolean | undefined> = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === false) continue;
    node.setAttribute(name, value === true ? '' : value);
  }
  for (const child of children) if (child !== null && child !== false) node.append(child);
  return node;
}

/** Replaces everything in the page's `<main>` with `nodes`, and moves focus to its first heading for screen readers. */
export function show(...nodes: Child[]): void {
  const main = document.getElementById('app');
  if (!main) return;
  main.replaceChildren(...nodes.filter((node): node is Node | string => node !== null && node !== false));
  const heading = main.querySelector('h1');
  if (heading) {
    heading.setAttribute('tabindex', '-1');
    heading.focus();
  }
}

/** A status line that screen readers announce; `alert` for errors. */
export function statusLine(text: string, role: 'status' | 'alert' = 'status'): HTMLParagraphElement {
  return el('p', { role, class: role === 'alert' ? 'alert' : 'status' }, text);
}

/** A date and time in the reader's own locale. */
export function when(ms: number): string {
  return new Date(ms).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

/** The page's footer: what Sealpass is, and that the page decrypts locally. */
export function footer(): HTMLElement {
  return el(
    'footer',
    {},
    el('p', {}, 'Sealpass decrypts this in your browser. The relay that served this page never sees the secret in the link (the part after “#”).'),
    el('p', {}, 'Use Sealpass? Right-click the link where you received it and choose “Open with Sealpass” (or paste it in Sealpass → Links), so this page’s code is not involved at all.'),
  );
}

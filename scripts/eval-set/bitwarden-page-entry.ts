/**
 * Runs inside a served Bitwarden test page (bundled by build-bitwarden-set.ts): lists the page's form controls for
 * the person labelling it, and checks the hand-written selectors. Structural only: it reads the DOM and the
 * evaluator's visibility test; it is not the detector and makes no role decision.
 */
import { isFieldVisible } from '../../lib/autofill/content/detect/is-field-visible';
import type { ResolvedField } from './bitwarden-set';
import { clip, selectorFor } from './page-selectors';

/** One form control of the served top document, as the labeller sees it. */
export interface ListedControl {
  tag: string;
  type: string;
  id: string;
  name: string;
  autocomplete: string;
  placeholder: string;
  label: string;
  visible: boolean;
  /** `id`/`name` of the owning form, or "(no form)". */
  form: string;
  /** Unique selector (id, else name, else a CSS path). */
  selector: string;
}

/** What is on the page besides plain controls: content the top document does not hold. */
export interface PageListing {
  title: string;
  h1: string;
  controls: ListedControl[];
  iframes: string[];
  shadowHosts: string[];
  templates: number;
  dialogs: string[];
}

function labelText(el: HTMLInputElement): string {
  const parts: string[] = [];
  for (const l of el.labels ?? []) parts.push(l.textContent ?? '');
  const aria = el.getAttribute('aria-label');
  if (aria) parts.push(`aria:${aria}`);
  const by = el.getAttribute('aria-labelledby');
  if (by) for (const id of by.split(/\s+/)) parts.push(document.getElementById(id)?.textContent ?? '');
  return clip(parts.join(' | '));
}

function list(): PageListing {
  const controls = [...document.querySelectorAll('input,select,textarea')].map((el) => {
    const input = el as HTMLInputElement;
    return {
      tag: el.localName,
      type: el.localName === 'input' ? input.type : '',
      id: el.getAttribute('id') ?? '',
      name: el.getAttribute('name') ?? '',
      autocomplete: el.getAttribute('autocomplete') ?? '',
      placeholder: clip(el.getAttribute('placeholder'), 40),
      label: labelText(input),
      visible: isFieldVisible(el as HTMLElement),
      form: input.form ? `${input.form.id || input.form.getAttribute('name') || '?'}` : '(no form)',
      selector: selectorFor(el),
    };
  });
  const hosts = [...document.querySelectorAll('*')].filter((e) => e.shadowRoot || e.querySelector(':scope > template[shadowrootmode]'));
  return {
    title: document.title,
    h1: clip(document.querySelector('h1')?.textContent),
    controls,
    iframes: [...document.querySelectorAll('iframe')].map((f) => clip(`${f.getAttribute('src') ?? ''} srcdoc=${f.hasAttribute('srcdoc')}`)),
    shadowHosts: hosts.map((h) => h.localName),
    templates: document.querySelectorAll('template').length,
    dialogs: [...document.querySelectorAll('dialog,[popover]')].map((d) => `${d.localName} open=${d.hasAttribute('open')}`),
  };
}

function check(selectors: string[]): ResolvedField[] {
  return selectors.map((selector) => {
    let found: Element[] = [];
    try {
      found = [...document.querySelectorAll(selector)];
    } catch {
      found = [];
    }
    const el = found[0];
    return {
      selector,
      count: found.length,
      tag: el?.localName ?? null,
      visible: el ? isFieldVisible(el as HTMLElement) : false,
      id: el?.getAttribute('id') ?? null,
      name: el?.getAttribute('name') ?? null,
      type: el && el.localName === 'input' ? (el as HTMLInputElement).type : null,
      autocomplete: el?.getAttribute('autocomplete') ?? null,
    };
  });
}

(globalThis as unknown as { sealpassBitwarden: unknown }).sealpassBitwarden = { list, check };

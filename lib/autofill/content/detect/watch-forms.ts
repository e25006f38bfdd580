/** Re-runs form detection when inputs appear, disappear or change later (single-page apps, dialogs, steps). */
import { detectForms, type DetectFormsOptions } from './detect-forms';
import type { DetectedForm } from './form-types';

/** Options for `watchForms`. */
export interface WatchFormsOptions extends DetectFormsOptions {
  /** Quiet time after the last relevant mutation before detecting again, in ms; default 150. */
  debounceMs?: number;
  /** Longest wait under a stream of mutations, in ms, so animations cannot postpone detection forever; default 1000. */
  maxWaitMs?: number;
}

const WATCHED_ATTRIBUTES = ['type', 'style', 'class', 'hidden', 'aria-hidden', 'autocomplete', 'open', 'disabled'];

/** Whether a node is, holds, or may soon hold a form control (a custom element fills its shadow root later). */
function mayHoldFields(node: Node): boolean {
  if (node.nodeType !== 1) return false; // Node.ELEMENT_NODE
  const el = node as Element;
  return /^(INPUT|FORM|BUTTON)$/.test(el.tagName) || el.tagName.includes('-') || !!el.shadowRoot || !!el.querySelector('input');
}

/**
 * Watches `root` (and every open shadow root in it, including ones added later) and calls `onChange` with a
 * fresh `detectForms(root)` once immediately, then after each burst of relevant mutations: elements holding
 * inputs added or removed, or `type`/`style`/`class`/`hidden`/`aria-hidden`/`autocomplete`/`open`/`disabled`
 * changing on an input or an element holding one. Bursts are debounced (`debounceMs`, capped by `maxWaitMs`).
 *
 * @param root - the document or open shadow root to watch
 * @param onChange - receives the forms detected after each burst
 * @param options - timings and the detection options
 * @returns a function that stops watching and cancels a pending detection
 * @example
 *   const stop = watchForms(document, (forms) => attachIcons(forms));
 *   // later: stop();
 */
export function watchForms(
  root: Document | ShadowRoot,
  onChange: (forms: DetectedForm[]) => void,
  options: WatchFormsOptions = {},
): () => void {
  const debounceMs = options.debounceMs ?? 150;
  const maxWaitMs = options.maxWaitMs ?? 1000;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let burstStart = 0;
  const detect = () => {
    timer = undefined;
    onChange(detectForms(root, options));
  };
  // The observer class of the watched document's own window: right in content scripts and in tests alike.
  const view = ((root as Document).defaultView ?? root.ownerDocument?.defaultView)!;
  const observer = new view.MutationObserver((records) => {
    let relevant = false;
    for (const record of records) {
      if (record.type === 'attributes') {
        relevant ||= mayHoldFields(record.target);
        continue;
      }
      for (const node of record.addedNodes) {
        if (mayHoldFields(node)) {
          relevant = true;
          observeShadowRoots(node as Element);
        }
      }
      for (const node of record.removedNodes) relevant ||= mayHoldFields(node);
    }
    if (!relevant) return;
    const now = Date.now();
    if (timer === undefined) burstStart = now;
    else clearTimeout(timer);
    timer = setTimeout(detect, Math.max(0, Math.min(debounceMs, burstStart + maxWaitMs - now)));
  });
  const observe = (target: Document | ShadowRoot) =>
    observer.observe(target, { childList: true, subtree: true, attributes: true, attributeFilter: WATCHED_ATTRIBUTES });
  function observeShadowRoots(el: Element | Document | ShadowRoot) {
    const elements = el.nodeType === 1 ? [el as Element, ...el.querySelectorAll('*')] : el.querySelectorAll('*');
    for (const child of elements) {
      if (child.shadowRoot) {
        observe(child.shadowRoot);
        observeShadowRoots(child.shadowRoot);
      }
    }
  }
  observe(root);
  observeShadowRoots(root);
  detect();
  return () => {
    observer.disconnect();
    clearTimeout(timer);
    timer = undefined;
  };
}

/**
 * The fill-time visibility rule (S7, T15): a field is filled only when the user can see it. Stricter than
 * detection's `isFieldVisible`, and checked again at the moment of filling: at least 4 × 4 CSS pixels, inside
 * the viewport, effective opacity (the product along every ancestor, across shadow roots and same-origin
 * frames) of at least 0.7, not `visibility: hidden`, not disabled or read-only, and the topmost element at its
 * centre (`elementsFromPoint`) is the field itself or its label. The same rule applies to the frame element
 * of each same-origin parent, so a hidden iframe's fields are never fillable.
 */
import { overlayHosts } from '../overlay/overlay-hosts';

/** Lowest effective opacity of a fillable field (T15). */
export const MIN_EFFECTIVE_OPACITY = 0.7;
/** Smallest fillable width and height in CSS pixels; 1-pixel "visually hidden" fields stay out. */
export const MIN_FILL_SIZE_PX = 4;

/**
 * @param input - the field about to be filled
 * @returns true only when every rule above holds; false when the document has no layout to check with
 * @example if (isFillable(passwordInput)) setInputValue(passwordInput, password);
 */
export function isFillable(input: HTMLInputElement): boolean {
  if (!input.isConnected || input.disabled || input.readOnly) return false;
  return isShown(input);
}

/** The visibility part of the rule, for a field or for the frame element that holds its document. */
function isShown(el: Element): boolean {
  const doc = el.ownerDocument;
  const view = doc.defaultView;
  if (!view) return false;
  const box = el.getBoundingClientRect();
  if (box.width < MIN_FILL_SIZE_PX || box.height < MIN_FILL_SIZE_PX) return false;
  if (box.right <= 0 || box.bottom <= 0 || box.left >= view.innerWidth || box.top >= view.innerHeight) return false;
  const style = view.getComputedStyle(el);
  if (style.visibility !== 'visible') return false;
  if (effectiveOpacity(el, view) < MIN_EFFECTIVE_OPACITY) return false;
  if (isCovered(el, box, view)) return false;
  // A field inside a same-origin frame is only as visible as that frame; a cross-origin parent is out of reach.
  let frame: Element | null = null;
  try {
    frame = view.frameElement;
  } catch {
    // Left null.
  }
  return frame === null || isShown(frame);
}

/** The product of `opacity` along the flat tree (slots, shadow hosts); 0 for anything not rendered. */
function effectiveOpacity(el: Element, view: Window & typeof globalThis): number {
  let opacity = 1;
  for (let node: Element | null | undefined = el; node; node = flatParent(node)) {
    const style = view.getComputedStyle(node);
    if (style.display === 'none' || style.contentVisibility === 'hidden') return 0;
    opacity *= Number.parseFloat(style.opacity || '1');
  }
  return opacity;
}

/** The slot, the parent element, or the shadow host (a document's `host` is undefined: the top). */
function flatParent(node: Element): Element | null | undefined {
  return node.assignedSlot ?? node.parentElement ?? (node.parentNode as ShadowRoot | null)?.host;
}

/**
 * Whether something else is on top at the field's centre. Our own hosts do not count; a label drawn over its
 * field (floating labels) does. Without `elementsFromPoint` (no layout engine) nothing can be verified: covered.
 */
function isCovered(el: Element, box: DOMRect, view: Window & typeof globalThis): boolean {
  const root = el.getRootNode() as Document | ShadowRoot;
  if (typeof root.elementsFromPoint !== 'function') return true;
  const x = Math.min(Math.max(box.left + box.width / 2, 0), view.innerWidth - 1);
  const y = Math.min(Math.max(box.top + box.height / 2, 0), view.innerHeight - 1);
  const top = root.elementsFromPoint(x, y).find((hit) => !overlayHosts.has(hit));
  if (top === undefined) return true;
  if (top === el || el.contains(top)) return false;
  return !(top instanceof view.HTMLLabelElement && (top.control === el || top.contains(el)));
}

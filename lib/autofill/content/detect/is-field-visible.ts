/**
 * Whether a candidate input is really visible to the user, so that honeypot fields (display:none,
 * visibility:hidden, opacity 0, under 5 px, off-screen, aria-hidden, tabindex=-1 and under 10 px) are never
 * chosen, nor anything inside a frame its same-origin parent hides. Only candidate inputs are checked: style and
 * layout reads are the costly part of detection.
 */

/** Below this size in CSS pixels a field cannot be read or typed into (a zero-height input still has padding). */
const MIN_SIZE_PX = 5;
/** A field taken out of the tab order and smaller than this is a trap, not a control. */
const TINY_UNFOCUSABLE_PX = 10;

/**
 * Decides visibility from computed style and, where the document has a layout engine, from the element's box.
 * In a document without layout (jsdom: every box is 0 × 0 although the window has a size) the box checks are
 * skipped and `display` / `visibility` / `opacity` are read up the ancestor chain instead, so unit tests see
 * the style-based rules; real browsers apply all of them.
 *
 * @param el - the input to check
 * @returns false for any of the hidden states listed in the module comment, and in a frame that has no size or
 *   that its same-origin parent hides
 * @example isFieldVisible(document.querySelector('input[type=password]')!);
 */
export function isFieldVisible(el: HTMLElement): boolean {
  const doc = el.ownerDocument;
  const page = doc.documentElement;
  const view = doc.defaultView;
  if (!view || view.innerWidth === 0 || view.innerHeight === 0) return false;
  if (el.closest('[aria-hidden="true"]')) return false;
  // A frame hidden by its (same-origin) parent hides all it holds: the hidden-iframe sweep of T16.
  // `frameElement` is null in the top frame and in a cross-origin frame, whose parent cannot be read.
  const frame = view.frameElement as HTMLElement | null;
  if (frame && !isFieldVisible(frame)) return false;
  const noLayout = page.getBoundingClientRect().width === 0;
  if (noLayout) {
    for (let node: Element | null = el; node; node = node.parentElement) {
      const style = view.getComputedStyle(node);
      if (style.display === 'none' || style.visibility === 'hidden' || style.opacity === '0') return false;
    }
    return true;
  }
  // Chromium's checkVisibility covers display:none and opacity 0 on any ancestor, and content-visibility.
  if (el.checkVisibility && !el.checkVisibility({ opacityProperty: true, visibilityProperty: true })) return false;
  const style = view.getComputedStyle(el);
  if (style.visibility !== 'visible' || style.opacity === '0') return false;
  const box = el.getBoundingClientRect();
  if (box.width < MIN_SIZE_PX || box.height < MIN_SIZE_PX) return false;
  if (el.tabIndex < 0 && (box.width < TINY_UNFOCUSABLE_PX || box.height < TINY_UNFOCUSABLE_PX)) return false;
  // Off-screen in page coordinates: above or left of the page, or right of everything the page can scroll to.
  return (
    box.right + view.scrollX > 0 &&
    box.bottom + view.scrollY > 0 &&
    box.left + view.scrollX < Math.max(page.scrollWidth, view.innerWidth)
  );
}

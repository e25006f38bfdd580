/**
 * A guarded overlay for the on-demand prompts (save bar, generator menu): the inline menu's host (closed
 * shadow root in the top layer, overlay-host) and clickjacking guard (guard-overlay, T14), opened, closed
 * and asked in one place, plus closing as soon as a page popover opens after it. Inside an open modal
 * dialog the overlay lives in the dialog, since everything outside it is inert.
 */
import { guardOverlay } from '../overlay/guard-overlay';
import { isOverlayIntact } from '../overlay/is-overlay-intact';
import { createOverlayHost, type OverlayHost } from '../overlay/overlay-host';

/** A box in CSS pixels relative to the viewport. */
export type OverlayBox = { left: number; top: number; width: number; height: number };

/** One open, guarded overlay. */
export interface PromptOverlay {
  /** The closed shadow root to render into. */
  root: ShadowRoot;
  place(box: OverlayBox): void;
  /**
   * Whether a user action may act: a trusted pointer click that the guard allows (our host topmost at the
   * point, nothing changed, shown for a while), or Enter/Space on one of our focused buttons. A keyboard
   * activation's `click` (no pointer position) is for the caller to ignore: it acts on the key instead.
   */
  allows(event: MouseEvent | KeyboardEvent): boolean;
  /** Removes the overlay; idempotent. */
  close(): void;
}

/**
 * Opens a guarded overlay.
 * @param css - the shadow root's stylesheet
 * @param onClose - called once when the overlay closes, by `close()` or because the guard saw tampering
 * @returns the overlay, or `null` when the page is already hostile (the overlay would not be intact) or the
 *   host cannot be made
 */
export function openPromptOverlay(doc: Document, css: string, box: OverlayBox, onClose: () => void): PromptOverlay | null {
  const dialog = doc.querySelector('dialog:modal');
  const parent = dialog ?? doc.documentElement;
  let overlay: OverlayHost;
  try {
    overlay = createOverlayHost(parent, css, box);
  } catch {
    return null;
  }
  let closed = false;
  // Another popover opened after ours is drawn above it, perhaps letting clicks through to us: close at once
  // rather than wait for the guard (which only learns of it once our host had been seen uncovered).
  // `toggle` does not bubble, but a capturing listener on the document sees every light-DOM popover.
  const onToggle = (event: Event): void => {
    if (event.target !== overlay.host && (event as ToggleEvent).newState === 'open') close();
  };
  const close = (): void => {
    if (closed) return;
    closed = true;
    doc.removeEventListener('toggle', onToggle, true);
    guard.stop();
    overlay.remove();
    onClose();
  };
  const guard = guardOverlay(overlay, parent, close);
  if (!isOverlayIntact(overlay, parent)) {
    close();
    return null;
  }
  doc.addEventListener('toggle', onToggle, true);
  return {
    root: overlay.root,
    place: (next) => overlay.place(next),
    allows: (event) => !closed && guard.allows(event) === 'yes',
    close,
  };
}

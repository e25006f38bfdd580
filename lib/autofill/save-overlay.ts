/**
 * A guarded overlay for the save flow's UI (save bar, generator button): the inline menu's host (closed
 * shadow root in the top layer, overlay-host) and clickjacking guard (guard-overlay, T14), opened, closed
 * and asked in one place. Inside an open modal dialog the overlay lives in the dialog, since everything
 * outside it is inert.
 */
import { guardOverlay } from './guard-overlay';
import { isOverlayIntact } from './is-overlay-intact';
import { createOverlayHost, type OverlayHost } from './overlay-host';

/** A box in CSS pixels relative to the viewport. */
export type OverlayBox = { left: number; top: number; width: number; height: number };

/** One open, guarded overlay. */
export interface SaveOverlay {
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
export function openSaveOverlay(doc: Document, css: string, box: OverlayBox, onClose: () => void): SaveOverlay | null {
  const dialog = doc.querySelector('dialog:modal');
  const parent = dialog ?? doc.documentElement;
  let overlay: OverlayHost;
  try {
    overlay = createOverlayHost(parent, css, box);
  } catch {
    return null;
  }
  let closed = false;
  const close = (): void => {
    if (closed) return;
    closed = true;
    guard.stop();
    overlay.remove();
    onClose();
  };
  const guard = guardOverlay(overlay, parent, close);
  if (!isOverlayIntact(overlay, parent)) {
    close();
    return null;
  }
  return {
    root: overlay.root,
    place: (next) => overlay.place(next),
    allows: (event) => !closed && guard.allows(event) === 'yes',
    close,
  };
}

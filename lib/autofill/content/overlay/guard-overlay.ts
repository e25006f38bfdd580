/**
 * The clickjacking guard of an overlay host (T14). It closes the UI as soon as the page changes the host, or
 * the opacity, visibility, filter or transform of `<html>`/`<body>` (MutationObserver on their attributes and on
 * stylesheets, plus a computed-style check every frame for CSSOM changes no observer sees), or when anything is
 * drawn over the host (IntersectionObserver v2 `isVisible`, which counts `pointer-events: none` overlays and
 * closed shadow roots too; it also counts any top-layer element shown later, wherever it is, so one UI uses
 * one host), or when a page popover or dialog opens. At the moment of a click it checks again: trusted event, nothing changed, visible
 * for a while already, our host topmost at the click point (`elementsFromPoint`), and no other top-layer
 * element over it. Reusable by any Sealpass overlay (the save bar).
 */
import type { OverlayHost } from './overlay-host';
import { isOverlayIntact } from './is-overlay-intact';
import { overlayHosts } from './overlay-hosts';

/** `yes`: act; `not-yet`: ignore (not shown long enough); `ignore`: a synthetic event; `no`: tampering, close. */
export type GuardVerdict = 'yes' | 'not-yet' | 'ignore' | 'no';

export interface OverlayGuard {
  /** Decides whether a user event on the host may act; `no` has already called `onTamper`. */
  allows(event: MouseEvent | KeyboardEvent): GuardVerdict;
  /** Disconnects every observer; call when the UI closes. */
  stop(): void;
}

/** IntersectionObserver v2 (Chromium): not in TypeScript's DOM types yet. */
interface VisibilityEntry extends IntersectionObserverEntry {
  isVisible?: boolean;
}

/**
 * @param parent - the element the host was appended to
 * @param onTamper - called once, at the first sign of tampering; the caller removes the UI
 * @example const guard = guardOverlay(overlay, document.documentElement, close);
 */
export function guardOverlay(overlay: OverlayHost, parent: Element, onTamper: () => void): OverlayGuard {
  const { host } = overlay;
  const doc = host.ownerDocument;
  let armed = false;
  let stopped = false;
  let frame = 0;

  const tamper = () => {
    if (stopped) return;
    stop();
    onTamper();
  };
  const check = () => {
    if (!stopped && !isOverlayIntact(overlay, parent)) tamper();
    return !stopped;
  };

  const observer = new MutationObserver(check);
  observer.observe(host, { attributes: true });
  observer.observe(parent, { childList: true });
  for (const el of [doc.documentElement, doc.body]) if (el) observer.observe(el, { attributes: true, attributeFilter: ['style', 'class', 'hidden', 'inert'] });
  // New or edited <style>/<link> anywhere can restyle html, body or the host.
  observer.observe(doc, { childList: true, subtree: true, characterData: true, attributeFilter: ['media', 'href', 'disabled'] });

  const visibility = new IntersectionObserver(
    (entries) => {
      for (const entry of entries as VisibilityEntry[]) {
        // Without v2 (Firefox) only the style and point checks guard; being on screen is all we learn. Not visible,
        // even at the first look (covered from the start), closes the UI rather than leave it lurking unseen.
        if (entry.isVisible ?? entry.isIntersecting) armed = true;
        else tamper();
      }
    },
    // 100 ms: the observer's own minimum delay between visibility computations.
    { threshold: [0, 1], trackVisibility: true, delay: 100 } as IntersectionObserverInit,
  );
  visibility.observe(host);

  // A page popover or dialog opened after ours is drawn above it: close at once, before the next visibility
  // report. (`toggle` does not bubble, but a capturing listener on the document sees every light-DOM one.)
  const onToggle = (event: Event) => {
    if ((event as ToggleEvent).newState === 'open' && event.target instanceof Element && !overlayHosts.has(event.target)) tamper();
  };
  doc.addEventListener('toggle', onToggle, true);

  const everyFrame = () => {
    if (check()) frame = requestAnimationFrame(everyFrame);
  };
  frame = requestAnimationFrame(everyFrame);

  function stop() {
    stopped = true;
    observer.disconnect();
    visibility.disconnect();
    doc.removeEventListener('toggle', onToggle, true);
    cancelAnimationFrame(frame);
  }

  return {
    allows(event) {
      if (!event.isTrusted) return 'ignore';
      if (!check()) return 'no';
      if (!armed) return 'not-yet';
      if ('clientX' in event && (doc.elementsFromPoint(event.clientX, event.clientY)[0] !== host || coveredByTopLayer(host))) {
        tamper();
        return 'no';
      }
      return 'yes';
    },
    stop,
  };
}

/** Another top-layer element (popover, open dialog, fullscreen) over the host's box may be drawn above it. */
function coveredByTopLayer(host: HTMLElement): boolean {
  const box = host.getBoundingClientRect();
  for (const el of host.ownerDocument.querySelectorAll(':popover-open, dialog[open], :fullscreen')) {
    if (overlayHosts.has(el) || el.contains(host)) continue;
    const other = el.getBoundingClientRect();
    if (other.left < box.right && other.right > box.left && other.top < box.bottom && other.bottom > box.top) return true;
  }
  return false;
}

/**
 * A host for Sealpass's in-page UI (inline menu, icon, save bar), built to resist DOM clickjacking (T14): a
 * randomly named element holding a CLOSED shadow root, shown in the top layer with `popover="manual"` and
 * `showPopover()`, so no page element can be drawn above it except another top-layer element opened later.
 * Its inline style resets every property with `!important` (a page stylesheet cannot change it; a page
 * script can, which `guardOverlay` notices). Reusable: the save bar uses the same host and guard.
 */
import { overlayHosts } from './overlay-hosts';

/** A shown host. Position and size are in CSS pixels, relative to the viewport. */
export interface OverlayHost {
  host: HTMLElement;
  /** Closed: the page cannot reach in. Put the UI and its `<style>` here. */
  root: ShadowRoot;
  /** Moves or resizes the host. */
  place(box: { left: number; top: number; width: number; height: number }): void;
  /** The inline style the host must still have (anything else is tampering). */
  expectedStyle(): string;
  /** Hides and removes the host; safe to call twice. */
  remove(): void;
}

/**
 * Everything reset, then only what the host needs; each declaration gets `!important` when the style is built.
 * The page sees one box.
 */
const BASE_STYLE =
  'all:initial;position:fixed;display:block;box-sizing:border-box;margin:0;padding:0;border:0;inset:auto;overflow:visible;' +
  'opacity:1;visibility:visible;z-index:2147483647;background:transparent;transform:none;filter:none;clip-path:none;color-scheme:light';

/**
 * Creates and shows a host at `box`.
 * @param parent - where the host lives in the DOM: the document element, or an open modal `<dialog>` (outside
 *   it, everything is inert while it is open)
 * @param css - the UI's stylesheet, scoped to the shadow root
 * @param options - `clickThrough`: the host's own box lets clicks through to the page and only the UI's
 *   elements (which must set `pointer-events: auto`) take them; for one host spanning several pieces of UI,
 *   since a second top-layer host would count as covering the first (IntersectionObserver v2)
 * @throws when the page has made the shadow root impossible (a pre-defined element of the same random name)
 * @example const overlay = createOverlayHost(document.documentElement, css, { left: 10, top: 10, width: 240, height: 120 });
 */
export function createOverlayHost(
  parent: Element,
  css: string,
  box: { left: number; top: number; width: number; height: number },
  options: { clickThrough?: boolean } = {},
): OverlayHost {
  const doc = parent.ownerDocument;
  // A random name (64 random bits as two decimal numbers, e.g. `sealpass-3127764412-90431`): a page cannot
  // pre-define a custom element with it, nor style it by tag name.
  const host = doc.createElement(`sealpass-${crypto.getRandomValues(new Uint32Array(2)).join('-')}`);
  const root = host.attachShadow({ mode: 'closed' });
  const style = doc.createElement('style');
  style.textContent = css;
  root.append(style);
  let current = box;
  const styleText = () =>
    `${BASE_STYLE};pointer-events:${options.clickThrough ? 'none' : 'auto'};left:${current.left}px;top:${current.top}px;width:${current.width}px;height:${current.height}px`.replace(/;|$/g, '!important;');
  host.setAttribute('style', styleText());
  host.setAttribute('popover', 'manual');
  overlayHosts.add(host);
  parent.append(host);
  host.showPopover();
  return {
    host,
    root,
    place(next) {
      current = next;
      host.setAttribute('style', styleText());
    },
    expectedStyle: styleText,
    remove() {
      // A second call finds the popover closed and the host already gone: nothing happens.
      if (host.matches(':popover-open')) host.hidePopover();
      host.remove();
    },
  };
}

/**
 * The style checks of the clickjacking defence (T14): our host must still be where we put it, shown in the
 * top layer, with exactly the attributes and inline style we gave it and a computed style that draws it
 * fully; and the page's `<html>` and `<body>` must be drawn plainly (no opacity below 1, no filter, no
 * transform, visible), since a page that makes itself invisible hides what the user is really clicking.
 */
import type { OverlayHost } from './overlay-host';

/** Properties that must keep these computed values on the host. */
const HOST_STYLE: Readonly<Record<string, string>> = {
  opacity: '1',
  visibility: 'visible',
  filter: 'none',
  transform: 'none',
  'clip-path': 'none',
  'mix-blend-mode': 'normal',
};

/**
 * @param parent - the element the host was appended to
 * @returns false as soon as anything differs; the UI must then close
 * @example if (!isOverlayIntact(overlay, document.documentElement)) closeMenu();
 */
export function isOverlayIntact(overlay: OverlayHost, parent: Element): boolean {
  const { host } = overlay;
  const view = host.ownerDocument.defaultView;
  if (!view || !host.isConnected || host.parentElement !== parent || !host.matches(':popover-open')) return false;
  if (host.attributes.length !== 2 || host.getAttribute('style') !== overlay.expectedStyle() || host.getAttribute('popover') !== 'manual') return false;
  const hostStyle = view.getComputedStyle(host);
  if (hostStyle.display === 'none') return false;
  for (const [property, value] of Object.entries(HOST_STYLE)) if (hostStyle.getPropertyValue(property) !== value) return false;
  const doc = host.ownerDocument;
  return [doc.documentElement, doc.body].every((el) => el === null || isPlain(view.getComputedStyle(el)));
}

function isPlain(style: CSSStyleDeclaration): boolean {
  return Number.parseFloat(style.opacity || '1') >= 1 && style.visibility === 'visible' && style.filter === 'none' && style.transform === 'none';
}

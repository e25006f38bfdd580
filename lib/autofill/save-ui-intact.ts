/**
 * Clickjacking check for the save bar and the generator button (T14, Tóth DEF CON 33): whether our
 * top-layer host is really shown to the user. No save-flow dependency, so the inline menu can share it.
 */

/** Lowest effective opacity (host × html × body) at which our UI counts as visible. */
export const MIN_UI_OPACITY = 0.9;

/**
 * Whether `host` is shown as we drew it: connected, open in the top layer, and neither it nor `<html>` or
 * `<body>` made transparent, hidden or filtered. `<html>` and `<body>` do not paint over the top layer,
 * but a page that changes them while our UI is open is treated as hostile all the same (T14).
 * @param host - our top-layer host element
 * @returns false at the first sign of tampering
 */
export function isUiIntact(host: HTMLElement): boolean {
  const doc = host.ownerDocument;
  const view = doc.defaultView;
  if (!view || !host.isConnected || !host.matches(':popover-open')) return false;
  let opacity = 1;
  for (const el of [host, doc.documentElement, doc.body]) {
    if (!el) continue;
    const style = view.getComputedStyle(el);
    opacity *= Number.parseFloat(style.opacity);
    if (style.visibility !== 'visible' || style.display === 'none') return false;
    if (style.filter !== 'none' || (style.getPropertyValue('mask-image') || 'none') !== 'none') return false;
  }
  const hostStyle = view.getComputedStyle(host);
  if (hostStyle.mixBlendMode !== 'normal' || hostStyle.clipPath !== 'none') return false;
  return opacity >= MIN_UI_OPACITY;
}

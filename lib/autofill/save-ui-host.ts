/**
 * The element our in-page UI (save bar, generator button) lives in: a closed shadow root (page script
 * cannot reach inside), shown as a manual popover in the top layer (nothing the page draws can cover
 * it), styled inline with `!important` (page stylesheets cannot restyle it). It closes itself at the
 * first sign of tampering (T14): a change to its own style or attributes, to `<html>` or `<body>` that
 * leaves it less than intact (see save-ui-intact), or another element entering the top layer after it
 * (a popover, a modal dialog, full screen).
 * Residual risk: popovers inside the page's own shadow roots are not seen entering the top layer; the
 * click-time check (save-ui-safe-click) still refuses a click they cover, unless they let pointer events
 * through.
 */
import { isUiIntact } from './save-ui-intact';

/** One open host. */
export interface SaveUiHost {
  host: HTMLElement;
  /** The closed shadow root to render into. */
  root: ShadowRoot;
  /** Moves the host: inline declarations such as `top:10px;left:20px` (each made `!important`). */
  place(position: string): void;
  /** Removes the host; idempotent. Runs `onClose` the first time. */
  close(): void;
}

/** The host's own box: reset everything the page could have set, then our fixed position. */
const BASE_STYLE =
  'all:initial;display:block;position:fixed;margin:0;padding:0;border:0;background:transparent;overflow:visible;' +
  'opacity:1;visibility:visible;filter:none;transform:none;width:auto;height:auto;inset:auto;z-index:2147483647;' +
  'color-scheme:light;pointer-events:auto';

/**
 * Opens a host in `doc`'s top layer.
 * @param css - the shadow root's stylesheet
 * @param position - initial inline position, e.g. `top:16px;right:16px`
 * @param onClose - called once when the host closes, by `close()` or because the page tampered with it
 * @returns the host, or `null` when the page is already hostile (our UI would not be intact) or has no popover support
 */
export function openSaveUiHost(doc: Document, css: string, position: string, onClose: () => void): SaveUiHost | null {
  const host = doc.createElement('sealpass-ui');
  if (typeof host.showPopover !== 'function') return null;
  const root = host.attachShadow({ mode: 'closed' });
  const style = doc.createElement('style');
  style.textContent = css;
  root.append(style);
  host.setAttribute('popover', 'manual');
  const place = (next: string): void => {
    host.setAttribute('style', important(`${BASE_STYLE};${next}`));
  };
  place(position);

  let closed = false;
  const observer = new MutationObserver(() => {
    if (!isUiIntact(host)) close();
  });
  // A modal dialog opened after our host is drawn above it: `open` is the attribute showModal() sets.
  const modalBefore = doc.querySelector(':modal');
  const dialogs = new MutationObserver(() => {
    const modal = doc.querySelector(':modal');
    if (modal !== null && modal !== modalBefore) close();
  });
  const onToggle = (event: Event): void => {
    const opened = (event as ToggleEvent).newState === 'open';
    if (event.target === host ? !opened : opened) close();
  };
  const onFullscreen = (): void => close();
  function close(): void {
    if (closed) return;
    closed = true;
    observer.disconnect();
    dialogs.disconnect();
    doc.removeEventListener('toggle', onToggle, true);
    doc.removeEventListener('fullscreenchange', onFullscreen, true);
    if (host.matches(':popover-open')) host.hidePopover();
    host.remove();
    onClose();
  }

  doc.documentElement.append(host);
  host.showPopover();
  if (!isUiIntact(host)) {
    close();
    return null;
  }
  observer.observe(host, { attributes: true });
  observer.observe(doc.documentElement, { attributes: true, childList: true });
  if (doc.body) observer.observe(doc.body, { attributes: true });
  dialogs.observe(doc.documentElement, { subtree: true, attributeFilter: ['open'] });
  // `toggle` does not bubble, but a capturing listener on the document still sees every light-DOM popover.
  doc.addEventListener('toggle', onToggle, true);
  doc.addEventListener('fullscreenchange', onFullscreen, true);
  return { host, root, place, close };
}

/** Marks every declaration of an inline style `!important`, so no page stylesheet can override it. */
function important(declarations: string): string {
  return declarations
    .split(';')
    .map((d) => d.trim())
    .filter((d) => d !== '')
    .map((d) => `${d} !important`)
    .join(';');
}

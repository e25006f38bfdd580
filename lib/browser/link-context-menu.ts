/**
 * "Open with Sealpass" on a Sealpass link in any page (issue 14, DESIGN §11): the link opens in the
 * extension's own page (link.html), where the background reads and reveals it, so the relay's page code
 * is never loaded. The whole link, fragment included, goes into link.html's own fragment.
 */
import { browser } from 'wxt/browser';

const OPEN_LINK_MENU_ID = 'sealpass-open-link';

/** Registers the menu item and its click; call once at the top of the background's `main`. */
export function wireLinkContextMenu(): void {
  browser.runtime.onInstalled.addListener(() => {
    browser.contextMenus.create(
      // Only links shaped like ours: `<relay>/l/#…` or `<relay>/r/#…` (a match pattern ignores the fragment).
      { id: OPEN_LINK_MENU_ID, title: 'Open with Sealpass', contexts: ['link'], targetUrlPatterns: ['https://*/l/*', 'https://*/r/*', 'http://127.0.0.1/l/*', 'http://127.0.0.1/r/*', 'http://localhost/l/*', 'http://localhost/r/*'] },
      () => void browser.runtime.lastError,
    );
  });
  browser.contextMenus.onClicked.addListener((info) => {
    if (info.menuItemId !== OPEN_LINK_MENU_ID || !info.linkUrl) return;
    void browser.tabs.create({ url: `${browser.runtime.getURL('/link.html')}#${info.linkUrl}` });
  });
}

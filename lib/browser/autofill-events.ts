/**
 * The browser events that start a fill from outside the page: the keyboard shortcut (manifest `commands`,
 * Ctrl+Shift+L / Command+Shift+L, changeable in the browser's shortcut settings) and the context menu of
 * editable fields. Both go to the `autofillCommand` handler with the event's tab; closed tabs are forgotten.
 */
import { browser } from 'wxt/browser';
import type { Handlers } from '../protocol/protocol';
import type { AutofillPlatform } from '../autofill/background/autofill-platform';

/** The manifest command's name. */
export const FILL_COMMAND = 'fill-login';
/** The context menu item's id. */
export const FILL_MENU_ID = 'sealpass-fill';

/**
 * Registers the listeners; call once at the top of the background's `main`, so an event that wakes the
 * service worker finds them.
 */
export function wireAutofillEvents(handlers: Pick<Handlers, 'autofillCommand'>, platform: Pick<AutofillPlatform, 'tabMemory'>): void {
  const run = (tabId: number | undefined, payload: Parameters<Handlers['autofillCommand']>[0]) => {
    if (tabId === undefined || tabId < 0) return;
    // Errors (a locked vault) end here: a shortcut has nowhere to show them, and the menu says nothing.
    void handlers.autofillCommand(payload, { kind: 'extension-page', tabId }).catch(() => undefined);
  };
  browser.runtime.onInstalled.addListener(() => {
    browser.contextMenus.create({ id: FILL_MENU_ID, title: 'Fill login with Sealpass', contexts: ['editable'] }, () => {
      // Already there after an update: nothing to do (reading lastError keeps Chrome from logging it).
      void browser.runtime.lastError;
    });
  });
  browser.commands.onCommand.addListener((command, tab) => {
    if (command === FILL_COMMAND) run(tab?.id, { source: 'shortcut' });
  });
  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId === FILL_MENU_ID) run(tab?.id, { source: 'context-menu', frameId: info.frameId ?? 0 });
  });
  browser.tabs.onRemoved.addListener((tabId) => void platform.tabMemory.forget(tabId));
}

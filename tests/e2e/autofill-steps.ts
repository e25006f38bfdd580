/**
 * Steps shared by the autofill suites: finding the inline menu (its host is in the page's DOM; its content is
 * in a closed shadow root, so it is clicked by position with real mouse events), triggering the keyboard
 * shortcut and context menu through the background's own listeners, opening the popup in a window of its
 * own (so the page stays the active tab), and reading what was filled and audited.
 */
import type { Frame, Page, Worker } from 'playwright-core';
import { expect } from 'vitest';
import type { LaunchedExtension } from './harness';
import { POLL, liveServiceWorker, request } from './popup-steps';

/** Selector of Sealpass's overlay hosts: the only popovers these test pages have, unless a test adds its own. */
export const HOST = 'html > [popover]:popover-open, dialog > [popover]:popover-open';

/** Layout of the inline menu (lib/autofill/inline-menu.ts): border, header, row height. */
const MENU_BORDER = 1;
const MENU_HEAD = 28;
const MENU_ROW = 42;

/** The hosts Sealpass shows in a frame, as viewport boxes of that frame (a page's own popovers excluded). */
export async function overlayBoxes(frame: Frame | Page): Promise<{ x: number; y: number; width: number; height: number }[]> {
  return frame.evaluate(() =>
    [...document.documentElement.children, ...document.querySelectorAll('dialog > *')]
      .filter((el) => el.localName.startsWith('sealpass-'))
      .map((el) => {
        const r = el.getBoundingClientRect();
        return { x: r.x, y: r.y, width: r.width, height: r.height };
      }),
  );
}

/**
 * The menu's box in the top page's viewport; null when closed. One host holds the icon (in the field) and the
 * menu (under or over the field, as wide as the host), so the menu is the part of the host beyond the focused field.
 */
export async function menuBox(page: Page, frame: Frame | Page = page): Promise<{ x: number; y: number; width: number; height: number } | null> {
  const box = await frame.evaluate(() => {
    const host = [...document.documentElement.children, ...document.querySelectorAll('dialog > *')].find((el) => el.localName.startsWith('sealpass-'));
    let field = document.activeElement;
    while (field?.shadowRoot?.activeElement) field = field.shadowRoot.activeElement;
    if (!host || !field) return null;
    const h = host.getBoundingClientRect();
    const f = field.getBoundingClientRect();
    const below = h.bottom > f.bottom;
    const top = below ? f.bottom + 4 : h.top;
    const bottom = below ? h.bottom : f.top - 4;
    return { x: h.x, y: top, width: h.width, height: bottom - top };
  });
  if (!box) return null;
  // A child frame's viewport starts at its iframe's content box in the page.
  const offset = frame === page ? { x: 0, y: 0 } : await frameOffset(frame as Frame);
  return { ...box, x: box.x + offset.x, y: box.y + offset.y };
}

async function frameOffset(frame: Frame): Promise<{ x: number; y: number }> {
  const element = await frame.frameElement();
  const box = await element.boundingBox();
  const border = await element.evaluate((el) => ({ x: (el as Element).clientLeft, y: (el as Element).clientTop }));
  if (!box) throw new Error('the frame is not rendered');
  return { x: box.x + border.x, y: box.y + border.y };
}

/** Waits until the menu is open in `frame`. */
export async function waitForMenu(page: Page, frame: Frame | Page = page): Promise<void> {
  await expect.poll(async () => (await menuBox(page, frame)) !== null, POLL).toBe(true);
}

/** Clicks row `index` of the open menu with the real mouse; returns false when no menu is open. */
export async function clickMenuRow(page: Page, index = 0, frame: Frame | Page = page): Promise<boolean> {
  const box = await menuBox(page, frame);
  if (!box) return false;
  await page.mouse.click(box.x + box.width / 2, box.y + MENU_BORDER + MENU_HEAD + MENU_ROW * index + MENU_ROW / 2);
  return true;
}

/** Clicks the confirmation's "Fill" button (bottom right of the menu). */
export async function clickConfirm(page: Page, frame: Frame | Page = page): Promise<boolean> {
  const box = await menuBox(page, frame);
  if (!box) return false;
  await page.mouse.click(box.x + box.width - 32, box.y + box.height - 24);
  return true;
}

/**
 * Clicks row `index` until `done` holds: the menu ignores clicks until it has been seen fully visible
 * (IntersectionObserver v2), so an early click may do nothing; a real user simply clicks again.
 */
export async function pickUntil(page: Page, index: number, done: () => Promise<boolean>, frame: Frame | Page = page): Promise<void> {
  await expect
    .poll(async () => {
      if (await done()) return true;
      await clickMenuRow(page, index, frame);
      return done();
    }, POLL)
    .toBe(true);
}

/** Lets the page render `count` frames: observers that report at rendering time (IntersectionObserver) have run. */
export async function renderFrames(frame: Frame | Page, count = 3): Promise<void> {
  await frame.evaluate(
    (n) =>
      new Promise<void>((resolve) => {
        const step = (left: number) => (left === 0 ? resolve() : requestAnimationFrame(() => step(left - 1)));
        step(n);
      }),
    count,
  );
}

/** The id of the tab showing `url` (its top frame). */
async function tabIdOf(worker: Worker, url: string): Promise<number> {
  const id = await worker.evaluate(async (u) => {
    const chrome = (globalThis as unknown as { chrome: { tabs: { query(q: object): Promise<{ id?: number; url?: string }[]> } } }).chrome;
    return (await chrome.tabs.query({})).find((tab) => tab.url === u)?.id ?? null;
  }, url);
  if (id === null) throw new Error(`no tab shows ${url}`);
  return id;
}

/**
 * Presses the "fill-login" shortcut. Chromium does not route keys typed through the DevTools protocol to
 * extension commands, so the background's own `commands.onCommand` listeners are run with the real tab object,
 * exactly as the browser would after Ctrl+Shift+L.
 */
export async function pressFillShortcut(extension: LaunchedExtension, page: Page): Promise<void> {
  const worker = await liveServiceWorker(extension);
  const tabId = await tabIdOf(worker, page.url());
  await worker.evaluate(async (id) => {
    const chrome = (globalThis as unknown as {
      chrome: { tabs: { get(id: number): Promise<object> }; commands: { onCommand: { dispatch(command: string, tab: object): void } } };
    }).chrome;
    chrome.commands.onCommand.dispatch('fill-login', await chrome.tabs.get(id));
  }, tabId);
}

/**
 * Chooses "Fill login with Sealpass" in the context menu of a field of frame `frameId` (0: top). The native menu
 * cannot be clicked from Playwright; the item is checked to exist, then the background's `contextMenus.onClicked`
 * listeners run with the event the browser would send.
 */
export async function chooseContextMenuFill(extension: LaunchedExtension, page: Page, frameId = 0): Promise<void> {
  const worker = await liveServiceWorker(extension);
  const tabId = await tabIdOf(worker, page.url());
  await worker.evaluate(
    async ({ id, frame, url }) => {
      const chrome = (globalThis as unknown as {
        chrome: {
          tabs: { get(id: number): Promise<object> };
          contextMenus: { update(id: string, props: object): Promise<void>; onClicked: { dispatch(info: object, tab: object): void } };
        };
      }).chrome;
      // Rejects when the item was never created.
      await chrome.contextMenus.update('sealpass-fill', {});
      chrome.contextMenus.onClicked.dispatch({ menuItemId: 'sealpass-fill', frameId: frame, editable: true, pageUrl: url }, await chrome.tabs.get(id));
    },
    { id: tabId, frame: frameId, url: page.url() },
  );
}

/**
 * Opens the popup in a popup window of its own, as the toolbar button would show it over the page: the page's
 * tab stays the active tab of the last focused normal window, which is what the popup's Fill acts on.
 */
export async function openPopupWindow(extension: LaunchedExtension): Promise<Page> {
  const worker = await liveServiceWorker(extension);
  const opened = extension.context.waitForEvent('page', { predicate: (p) => p.url().endsWith('/popup.html') });
  await worker.evaluate(async () => {
    const chrome = (globalThis as unknown as { chrome: { windows: { create(o: object): Promise<unknown> }; runtime: { getURL(p: string): string } } }).chrome;
    await chrome.windows.create({ url: chrome.runtime.getURL('popup.html'), type: 'popup', width: 380, height: 600 });
  });
  return opened;
}

/** How many `item-filled` events the audit log holds. */
export async function filledCount(extension: LaunchedExtension): Promise<number> {
  const { events } = (await request(extension, 'auditList')) as { events: { type: string }[] };
  return events.filter((event) => event.type === 'item-filled').length;
}

/** Saves a login straight through the background (the popup's editor is tested elsewhere). */
export async function saveLogin(
  extension: LaunchedExtension,
  login: { title: string; username: string; password: string; urls: string[]; totp?: string; match?: 'origin' | 'domain' },
): Promise<string> {
  const reply = await request(extension, 'itemCreate', { item: { type: 'login', ...login } });
  return reply.id as string;
}

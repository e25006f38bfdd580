/**
 * Test access to our UI inside its closed shadow root, which neither page script nor Playwright locators can
 * reach: the DevTools protocol's DOM domain can (`pierce: true`). Clicks still go through the real mouse, so
 * the page receives trusted events exactly as from a user.
 */
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

interface CdpNode {
  nodeId: number;
  nodeName: string;
  nodeValue?: string;
  attributes?: string[];
  children?: CdpNode[];
  shadowRoots?: CdpNode[];
  contentDocument?: CdpNode;
}

/** One button inside our UI: its `data-act`, text and accessible label, and its centre on the page. */
export interface ShadowButton {
  act: string;
  text: string;
  label: string;
  x: number;
  y: number;
}

/** What our UI (`sealpass-<random>` hosts) shows in a page: every host's text and buttons, in document order. */
export interface OurUi {
  text: string;
  buttons: ShadowButton[];
}

/**
 * Reads every `sealpass-<random>` host of the page's main frame (and its frames) through the DevTools protocol.
 * @returns one entry per host; empty when none is shown
 */
export async function readOurUi(page: Page): Promise<OurUi[]> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: CdpNode };
    const hosts: CdpNode[] = [];
    walk(root, (node) => {
      if (node.nodeName.startsWith('SEALPASS-')) hosts.push(node);
    });
    const result: OurUi[] = [];
    for (const host of hosts) {
      const shadow = host.shadowRoots?.[0];
      if (!shadow) continue;
      const texts: string[] = [];
      const buttons: ShadowButton[] = [];
      for (const node of collect(shadow)) {
        if (node.nodeName === '#text' && node.nodeValue && !isInStyle(shadow, node)) texts.push(node.nodeValue);
        if (node.nodeName === 'BUTTON') {
          const { model } = (await cdp.send('DOM.getBoxModel', { nodeId: node.nodeId })) as { model: { content: number[] } };
          const [x1 = 0, y1 = 0, , , x3 = 0, y3 = 0] = model.content;
          buttons.push({
            act: attribute(node, 'data-act'),
            text: collect(node).filter((n) => n.nodeName === '#text').map((n) => n.nodeValue ?? '').join(''),
            label: attribute(node, 'aria-label'),
            x: (x1 + x3) / 2,
            y: (y1 + y3) / 2,
          });
        }
      }
      result.push({ text: texts.join(' ').replace(/\s+/g, ' ').trim(), buttons });
    }
    return result;
  } finally {
    await cdp.detach();
  }
}

/**
 * Clicks the button of our UI whose `data-act` (or text) is `name`, with the real mouse.
 * @throws {Error} when no such button is shown
 */
export async function clickOurButton(page: Page, name: string): Promise<void> {
  const buttons = (await readOurUi(page)).flatMap((ui) => ui.buttons);
  const button = buttons.find((b) => b.act === name || b.text === name);
  if (!button) throw new Error(`no button "${name}" in our UI (have: ${buttons.map((b) => b.act || b.text).join(', ')})`);
  await page.mouse.click(button.x, button.y);
}

/**
 * Clicks, with the real mouse, the centre of the first element matching `selector` inside our UI's closed
 * shadow roots (a field or list of the save bar, say).
 * @throws {Error} when nothing matches
 */
export async function clickOurElement(page: Page, selector: string): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: CdpNode };
    const shadows: CdpNode[] = [];
    walk(root, (node) => {
      if (node.nodeName.startsWith('SEALPASS-') && node.shadowRoots?.[0]) shadows.push(node.shadowRoots[0]);
    });
    for (const shadow of shadows) {
      const { nodeId } = (await cdp.send('DOM.querySelector', { nodeId: shadow.nodeId, selector })) as { nodeId: number };
      if (nodeId === 0) continue;
      const { model } = (await cdp.send('DOM.getBoxModel', { nodeId })) as { model: { content: number[] } };
      const [x1 = 0, y1 = 0, , , x3 = 0, y3 = 0] = model.content;
      await page.mouse.click((x1 + x3) / 2, (y1 + y3) / 2);
      return;
    }
    throw new Error(`nothing matches ${selector} in our UI`);
  } finally {
    await cdp.detach();
  }
}

/**
 * Clicks our button `name` until `effect` holds. The overlay guard ignores clicks until the host has been
 * visible for a moment (IntersectionObserver v2), so the first click may land too early; every click is a
 * real one, and the wait is on the effect, not on time.
 */
export async function pressOurButton(page: Page, name: string, effect: () => Promise<boolean>, timeout = 10_000): Promise<void> {
  await expect
    .poll(async () => {
      if (await effect()) return true;
      await clickOurButton(page, name).catch(() => undefined);
      return effect();
    }, { timeout })
    .toBe(true);
}

/** The page's own view of our hosts: how many, and whether any is open in the top layer. */
export function ourHosts(page: Page): Promise<{ count: number; open: boolean; shadowVisibleToPage: boolean }> {
  return page.evaluate(() => {
    const hosts = [...document.querySelectorAll('*')].filter((el) => el.tagName.startsWith('SEALPASS-'));
    return {
      count: hosts.length,
      open: hosts.some((host) => host.matches(':popover-open')),
      shadowVisibleToPage: hosts.some((host) => host.shadowRoot !== null),
    };
  });
}

function walk(node: CdpNode, visit: (node: CdpNode) => void): void {
  visit(node);
  for (const child of [...(node.children ?? []), ...(node.shadowRoots ?? [])]) walk(child, visit);
  if (node.contentDocument) walk(node.contentDocument, visit);
}

function collect(node: CdpNode): CdpNode[] {
  const all: CdpNode[] = [];
  walk(node, (n) => all.push(n));
  return all;
}

function isInStyle(root: CdpNode, text: CdpNode): boolean {
  return collect(root).some((n) => n.nodeName === 'STYLE' && (n.children ?? []).includes(text));
}

function attribute(node: CdpNode, name: string): string {
  const list = node.attributes ?? [];
  const i = list.indexOf(name);
  return i >= 0 && i % 2 === 0 ? (list[i + 1] ?? '') : '';
}

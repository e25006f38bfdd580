/**
 * The host elements of Sealpass's own in-page UI (inline menu, icon, save bar, generator menu), so visibility
 * checks can tell them apart from page elements. A WeakSet kept on the extension's isolated-world global, so the
 * content script and the prompts script injected beside it (two bundles, one world) share it; a page, in its own
 * JavaScript world, can neither see nor add to it.
 */
const KEY = Symbol.for('sealpass.overlayHosts');
const world = globalThis as { [KEY]?: WeakSet<Element> };

export const overlayHosts: WeakSet<Element> = (world[KEY] ??= new WeakSet<Element>());

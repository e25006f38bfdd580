/**
 * The host elements of Sealpass's own in-page UI (inline menu, icon, save bar), so visibility checks can
 * tell them apart from page elements. A WeakSet in the content script's world: a page cannot add to it.
 */
export const overlayHosts = new WeakSet<Element>();

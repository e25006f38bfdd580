/**
 * Empties the clipboard from the service worker, which has no clipboard access of its own: an offscreen
 * document (reason CLIPBOARD) does it. Only what Sealpass put there is wiped (issue 17): the document reads
 * the clipboard first (`clipboardRead`) and clears it only when it matches one of the copy's tags
 * (lib/vault/model/clipboard-tag); something the user copied since stays. When the browser does not let us
 * read the clipboard at all, it is cleared anyway: a secret may still be there.
 */
import { browser } from 'wxt/browser';
import { ensureOffscreenDocument } from './offscreen-document';
import { z } from 'zod';
import { clipboardTagSchema, matchesClipboardTag, MAX_CLIPBOARD_TAGS, type ClipboardTag } from '../vault/model/clipboard-tag';

/** The message the offscreen document answers; internal, not part of the protocol map. */
export const CLEAR_CLIPBOARD_MESSAGE = { target: 'offscreen', type: 'clear-clipboard' } as const;

/** What the offscreen document accepts as `expected` (it validates what it gets, like every receiver). */
export const expectedTagsSchema = z.array(clipboardTagSchema).max(MAX_CLIPBOARD_TAGS);

/** What a clearing did: wiped the clipboard, or left it because it holds something else now. */
export type ClearOutcome = 'cleared' | 'kept';

/**
 * Replaces the clipboard's text with an empty string through a `copy` event, which needs a document but
 * no focus (unlike `navigator.clipboard`).
 */
export function emptyClipboardInDocument(doc: Document): void {
  const onCopy = (event: ClipboardEvent) => {
    event.clipboardData?.setData('text/plain', '');
    event.preventDefault();
  };
  doc.addEventListener('copy', onCopy);
  doc.execCommand('copy');
  doc.removeEventListener('copy', onCopy);
}

/**
 * Reads the clipboard's text by pasting into a detached-after-use text area (needs `clipboardRead`; no focus
 * of the window, unlike `navigator.clipboard`).
 * @returns the text, or null when the browser refused the paste
 */
function readClipboardInDocument(doc: Document): string | null {
  const area = doc.createElement('textarea');
  doc.body.append(area);
  area.focus();
  try {
    return doc.execCommand('paste') ? area.value : null;
  } finally {
    area.value = '';
    area.remove();
  }
}

/**
 * Clears the clipboard if it still holds what one of `expected` tags; when it cannot be read, clears it.
 * @returns what it did
 */
export async function clearOwnClipboardInDocument(doc: Document, expected: readonly ClipboardTag[]): Promise<ClearOutcome> {
  const text = readClipboardInDocument(doc);
  if (text !== null && !(await matchesClipboardTag(text, expected))) return 'kept';
  emptyClipboardInDocument(doc);
  return 'cleared';
}

/** Clears the clipboard if it still holds what Sealpass copied: directly where the background has a document (Firefox MV2), else offscreen. */
export async function clearClipboard(expected: readonly ClipboardTag[]): Promise<void> {
  if (!(await ensureOffscreenDocument())) {
    if (typeof document !== 'undefined') await clearOwnClipboardInDocument(document, expected);
    return;
  }
  await browser.runtime.sendMessage({ ...CLEAR_CLIPBOARD_MESSAGE, expected });
}

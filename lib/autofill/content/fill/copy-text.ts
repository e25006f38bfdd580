/**
 * Copies text to the clipboard from the content script without a focused document: a `copy` command whose
 * event we fill ourselves (the extension's `clipboardWrite` permission allows it). The listener runs first in
 * the capture phase at the window and stops the event, so page listeners never see the copied text.
 */

/**
 * @param doc - the content script's document
 * @param text - what to copy (a one-time code)
 * @returns true when the browser accepted the copy
 * @example if (copyText(document, code)) await askBackground('autofillTotpCopied', { id });
 */
export function copyText(doc: Document, text: string): boolean {
  const view = doc.defaultView;
  if (!view) return false;
  let copied = false;
  const onCopy = (event: ClipboardEvent) => {
    if (!event.clipboardData) return;
    event.clipboardData.setData('text/plain', text);
    event.preventDefault();
    event.stopImmediatePropagation();
    copied = true;
  };
  view.addEventListener('copy', onCopy, true);
  try {
    return doc.execCommand('copy') && copied;
  } finally {
    view.removeEventListener('copy', onCopy, true);
  }
}

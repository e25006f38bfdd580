/**
 * Copies text to the clipboard from the prompts script (isolated world) without a focused document: a `copy`
 * command whose event we fill ourselves (the extension's `clipboardWrite` permission allows it). The listener
 * runs first in the capture phase at the window and stops the event, so page listeners never see the copied text.
 */

/**
 * @param doc - the frame's document
 * @param text - what to copy (a one-time code, 6–10 digits)
 * @returns true when the browser accepted the copy
 * @example if (request.prompt === 'copy') return copyText(document, request.text);
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

/** Saves text as a file through a short-lived Blob URL: no `browser.downloads` permission, no component touches `browser.*`. */

/**
 * Starts a download of `text` named `fileName`.
 * @param type - the MIME type, e.g. `application/json` or `text/csv`
 * @example downloadFile(csv, 'sealpass-export-2026-01-31-UNENCRYPTED.csv', 'text/csv');
 */
export function downloadFile(text: string, fileName: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: `${type};charset=utf-8` }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoking at once can cancel the download in some browsers; a minute is ample.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

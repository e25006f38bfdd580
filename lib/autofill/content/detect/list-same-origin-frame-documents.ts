/** The documents of same-origin child frames, for callers that want to scan a whole page from its top frame. */

/**
 * Lists the documents of `<iframe>` and `<frame>` elements under `doc` that the caller may read (same origin),
 * depth first, in document order. Cross-origin frames are skipped: their `contentDocument` is `null`, and the
 * content script running inside them detects their forms itself.
 *
 * @param doc - the document whose frames to list
 * @returns the readable child frame documents, nested ones included; not `doc` itself
 * @example [document, ...listSameOriginFrameDocuments(document)].flatMap((d) => detectForms(d));
 */
export function listSameOriginFrameDocuments(doc: Document): Document[] {
  const docs: Document[] = [];
  for (const frame of doc.querySelectorAll<HTMLIFrameElement>('iframe,frame')) {
    let child: Document | null = null;
    try {
      child = frame.contentDocument;
    } catch {
      // Some engines throw instead of returning null for a cross-origin frame.
    }
    if (child) docs.push(child, ...listSameOriginFrameDocuments(child));
  }
  return docs;
}

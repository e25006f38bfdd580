/**
 * Whether a form would send what it holds to another origin (S7, T18): its `action`, or the `formaction` of
 * any of its submit buttons, resolved against the document's base URL (so a page-set `<base>` counts). A
 * formless group, an empty action and `javascript:` post nowhere else; any other scheme (mailto:, data:) leaves.
 */

/**
 * @param container - the detected form's container (`DetectedForm.container`)
 * @param pageOrigin - the frame's own origin, e.g. `location.origin`
 * @returns true when filling must be refused
 * @example postsToOtherOrigin(form.container, location.origin)
 */
export function postsToOtherOrigin(container: Element, pageOrigin: string): boolean {
  const view = container.ownerDocument.defaultView;
  if (!view || !(container instanceof view.HTMLFormElement)) return false;
  const targets = [container.getAttribute('action')];
  for (const button of container.querySelectorAll('button, input[type=submit], input[type=image]')) targets.push(button.getAttribute('formaction'));
  return targets.some((target) => {
    if (!target?.trim()) return false;
    let url: URL;
    try {
      url = new URL(target.trim(), container.ownerDocument.baseURI);
    } catch {
      return true;
    }
    return url.protocol !== 'javascript:' && url.origin !== pageOrigin;
  });
}

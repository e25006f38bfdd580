/**
 * Clickjacking check at click time for the save bar and the generator button (T14): the click came from
 * the user and landed on our intact, uncovered host. No save-flow dependency, so the inline menu can share it.
 */
import { isUiIntact } from './save-ui-intact';

/**
 * Whether a click may act: made by the user (`isTrusted`, so not `element.click()` or `dispatchEvent`),
 * on an intact host (see `isUiIntact`), and with our host the topmost element at the click point
 * (`elementsFromPoint`; a closed shadow root's content is reported as its host), unless it is a keyboard
 * activation of one of our focused buttons.
 * @param event - the click as received inside our shadow root (anything but a MouseEvent is refused)
 * @param host - our top-layer host element
 */
export function isSafeClick(event: Event, host: HTMLElement): boolean {
  if (!(event instanceof MouseEvent) || !event.isTrusted || !isUiIntact(host)) return false;
  // Enter or Space on one of our buttons: no pointer position, and only the user can move the focus into
  // a closed shadow root (page script holds no reference to anything inside it).
  if (event.detail === 0) return true;
  return host.ownerDocument.elementsFromPoint(event.clientX, event.clientY)[0] === host;
}

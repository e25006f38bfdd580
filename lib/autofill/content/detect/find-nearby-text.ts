/** The visible text just before a control, for fields that have no label element, aria-label or placeholder. */

/** Ancestor levels searched; deeper text belongs to the page, not the field. */
const MAX_DEPTH = 3;
/** Element siblings looked at per level. */
const MAX_SIBLINGS = 3;
// Node.ELEMENT_NODE and Node.TEXT_NODE, spelled out so that no global `Node` of some other realm is needed.
const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

/**
 * Returns the text of a `<label>` right after `el` (a floating label), else the nearest text (not a lone "*" mark)
 * preceding `el` ("Email" in `<div>Email</div><div><input></div>`), looking at
 * up to 3 earlier siblings at each of 3 ancestor levels (never above `<body>`) and stopping at the first sibling
 * that holds another form control, since its text labels that control instead.
 *
 * @param el - the field
 * @returns the text, trimmed and cut to 100 characters; empty when none is found
 * @example findNearbyText(input); // "E-Mail-Adresse"
 */
export function findNearbyText(el: Element): string {
  // A floating label follows its input: <input><label>Current password</label>; unless a label of the same parent
  // comes before it, and the one after is the next field's: <label>Domain</label><br><input><label>Password</label>.
  // A label whose for= names another field on the page is that field's label, placed before it; a for= that
  // names nothing (sites that randomise ids) leaves the label to the field it follows.
  const next = el.nextElementSibling;
  const owner = next?.getAttribute('for');
  const other = owner ? (el.getRootNode() as Document | ShadowRoot).getElementById(owner) : null;
  // `said` is only set when there is a next element, so the first label of the parent is that element.
  const said = next?.textContent?.trim();
  if (said && (!other || other === el) && el.parentElement?.querySelector(':scope>label') === next) return said.slice(0, 100);
  let node: Node = el;
  for (let depth = 0; depth < MAX_DEPTH && node.parentNode && node.nodeName !== 'BODY'; depth++, node = node.parentNode) {
    let seen = 0;
    for (let prev = node.previousSibling; prev && seen < MAX_SIBLINGS; prev = prev.previousSibling) {
      if (prev.nodeType === ELEMENT_NODE) {
        seen++;
        const sibling = prev as Element;
        if (/^(SCRIPT|STYLE|TEMPLATE|NOSCRIPT)$/.test(sibling.tagName)) continue;
        if (/^(INPUT|SELECT|TEXTAREA|BUTTON)$/.test(sibling.tagName) || sibling.querySelector('input,select,textarea')) {
          return '';
        }
      } else if (prev.nodeType !== TEXT_NODE) {
        continue;
      }
      // A required-field mark ("Login Name:<span>*</span><br><label><input>") is no label: read on past it.
      const text = prev.textContent!.trim();
      if (/[^*]/.test(text)) return text.slice(0, 100);
    }
  }
  return '';
}

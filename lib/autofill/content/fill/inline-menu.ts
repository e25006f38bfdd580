/**
 * The inline menu (S7, T14): a small Sealpass icon inside the focused credential field and, under it, the
 * logins that match the frame (title and username only, never a password). Both live in guarded overlay
 * hosts (closed shadow root, top layer). A login is used only on a trusted click (or Enter) that the guard
 * allows; a frame of another origin first asks to confirm, naming that origin. No page event, synthetic
 * click or postMessage can pick anything.
 *
 * Written for size (issue 15: it ships in every frame): the stylesheet is one compact string, the layout's
 * numbers are written where they are used (tests/e2e/autofill-steps.ts relies on the header's 28 px and the
 * rows' 42 px), and each control carries its action in a map rather than in data attributes.
 */
import type { LoginChoice } from '../../autofill-messages';
import { createOverlayHost, type OverlayHost } from '../overlay/overlay-host';
import { guardOverlay, type OverlayGuard } from '../overlay/guard-overlay';

export interface InlineMenuOptions {
  field: HTMLInputElement;
  logins: readonly LoginChoice[];
  /** The frame's origin when it is cross-origin to its tab: a pick then asks to confirm it first. */
  confirmOrigin: string | null;
  /** Shows this text instead of the logins (why nothing was filled). */
  message?: string;
  onPick(id: string, confirmedOrigin: string | undefined): void;
  onNeverHere(): void;
  /** Called once when an opened menu closes, whatever the reason. */
  onClose(): void;
}

export interface InlineMenu {
  close(): void;
}

const NAME = 'Sealpass';

/**
 * Scoped to the closed shadow root (the host's inline style already resets everything it inherits); the host's own box lets clicks through (see `layout`), the icon and menu do
 * not. Icon 20 × 20 px; menu: 1 px border, 28 px header, 42 px rows, the footer (30 px with the border).
 */
const CSS =
  '*{box-sizing:border-box;font:13px/1.3 system-ui,sans-serif;color:#1b1f24;user-select:none}' +
  '.icon,.menu{position:absolute;pointer-events:auto}' +
  '.menu,.row{display:flex;flex-direction:column}' +
  '.icon,.row,.foot span,.btns span{cursor:pointer}' +
  '.icon{width:20px;height:20px;border-radius:5px;background:#1f5fbf;color:#fff;display:grid;place-items:center;font-weight:700;font-size:12px}' +
  '.menu{background:#fff;border:1px solid #b8c2cc;border-radius:8px;box-shadow:0 2px 6px #0003;overflow:hidden}' +
  '.head{height:28px;padding:0 10px;display:flex;align-items:center;font-weight:600;color:#44505c;border-bottom:1px solid #e4e8ec}' +
  '.rows{flex:1;overflow-y:auto}' +
  '.row{height:42px;padding:4px 10px;justify-content:center}' +
  '.row *{white-space:nowrap;overflow:hidden;text-overflow:ellipsis}' +
  'b{font-weight:600}' +
  'span{color:#5a6672;font-size:12px}' +
  '.row:hover,.active{background:#e8f0fb}' +
  '.foot{padding:5px 10px;border-top:1px solid #e4e8ec}' +
  '.foot span{color:#1f5fbf}' +
  '.note{padding:10px}' +
  '.note b{word-break:break-all}' +
  '.btns{display:flex;gap:8px;justify-content:flex-end;padding:0 10px 10px;margin-top:auto}' +
  '.btns span{padding:4px 12px;border-radius:5px;border:1px solid #b8c2cc;font-size:13px;color:#1b1f24}' +
  '.btns .ok{background:#1f5fbf;border-color:#1f5fbf;color:#fff}';

/**
 * Opens the icon and the menu on `options.field`: the menu is 260 px wide or as wide as the field, up to the
 * viewport; as tall as up to 5 rows, or 150 px for the cross-origin confirmation.
 * @returns the menu, or null when the page does not let it show (the field cannot be placed, or the guard
 *   finds the page tampered with already)
 */
export function openInlineMenu(options: InlineMenuOptions): InlineMenu | null {
  const { field, logins, confirmOrigin } = options;
  const doc = field.ownerDocument;
  const view = doc.defaultView;
  if (!view) return null;
  // Outside an open modal dialog everything is inert; the menu then lives inside it (still in the top layer).
  const dialog = field.closest('dialog');
  const parent = dialog?.matches(':modal') ? dialog : doc.documentElement;

  let closed = false;
  let active = -1;
  let pressed: Element | null = null;
  let overlay: OverlayHost | null = null;
  let guard: OverlayGuard | null = null;
  /** What a chosen control does; only the controls in this map can be chosen. */
  const actions = new Map<Element, () => void>();
  /** Removes every listener of this menu at once. */
  const listening = new AbortController();

  const close = () => {
    if (closed) return;
    closed = true;
    guard?.stop();
    overlay?.remove();
    listening.abort();
    options.onClose();
  };
  const pick = (id: string, origin?: string) => {
    close();
    options.onPick(id, origin);
  };

  /** An element with a class and children (strings become text nodes, never markup); `action` makes it a control. */
  const el = (tag: string, className: string, children: (Node | string)[] = [], action?: () => void) => {
    const node = doc.createElement(tag);
    node.className = className;
    node.append(...children);
    if (action) actions.set(node, action);
    return node;
  };

  const panel = el('div', 'menu');
  panel.role = 'dialog';
  panel.ariaLabel = NAME;
  const show = (...children: Node[]) => {
    if (!closed) panel.replaceChildren(el('div', 'head', [NAME]), ...children);
  };
  const showMessage = (text: string) => show(el('div', 'note', [text]));
  const showList = () => {
    const rows = el('div', 'rows', logins.map((login) => {
      const row = el('div', 'row', [el('b', '', [login.title]), el('span', '', [login.username || '(no username)'])], () =>
        confirmOrigin === null ? pick(login.id) : showConfirm(login.id, confirmOrigin),
      );
      row.role = 'option';
      return row;
    }));
    rows.role = 'listbox';
    show(rows, el('div', 'foot', [el('span', '', ['Never show here'], () => {
      close();
      options.onNeverHere();
    })]));
  };
  const showConfirm = (id: string, origin: string) =>
    show(
      el('div', 'note', ['Fill your login into a frame from ', el('b', '', [origin]), '?']),
      el('div', 'btns', [el('span', '', ['Cancel'], close), el('span', 'ok', ['Fill'], () => pick(id, origin))]),
    );
  const iconBadge = el('div', 'icon', ['S'], showList);
  iconBadge.title = NAME;

  /**
   * One host for both pieces (a second top-layer host would count as covering the first): its box spans the
   * icon and the menu and lets clicks through, except on the two pieces themselves.
   */
  const layout = () => {
    const rect = field.getBoundingClientRect();
    const width = Math.min(Math.max(rect.width, 260), view.innerWidth - 8);
    const height = Math.max(58 + Math.max(1, Math.min(5, logins.length)) * 42, confirmOrigin === null ? 0 : 150);
    const below = rect.bottom + 4 + height <= view.innerHeight || rect.top - 4 - height < 0;
    const iconLeft = rect.right - 26;
    const iconTop = rect.top + rect.height / 2 - 10;
    const menuLeft = Math.max(4, Math.min(rect.left, view.innerWidth - width - 4));
    const menuTop = below ? rect.bottom + 4 : rect.top - 4 - height;
    const left = Math.min(iconLeft, menuLeft);
    const top = Math.min(iconTop, menuTop);
    iconBadge.style.cssText = `left:${iconLeft - left}px;top:${iconTop - top}px`;
    panel.style.cssText = `left:${menuLeft - left}px;top:${menuTop - top}px;width:${width}px;height:${height}px`;
    return { left, top, width: Math.max(iconLeft + 20, menuLeft + width) - left, height: Math.max(iconTop + 20, menuTop + height) - top };
  };

  try {
    overlay = createOverlayHost(parent, CSS, layout(), { clickThrough: true });
  } catch {
    // Never opened, so nothing to close: `onClose` is not called (the caller is still inside this call).
    return null;
  }
  guard = guardOverlay(overlay, parent, close);
  overlay.root.append(iconBadge, panel);
  const on = (target: EventTarget, type: string, listener: (event: never) => void, capture = true) =>
    target.addEventListener(type, listener as EventListener, { capture, signal: listening.signal });

  /** The control under the event, if any. */
  const controlAt = (event: Event) => event.composedPath().find((node) => actions.has(node as Element)) as Element | undefined;

  on(overlay.root, 'pointerdown', (event: PointerEvent) => {
    // Keeps the focus (and the caret) in the field.
    event.preventDefault();
    pressed = (event.isTrusted && controlAt(event)) || null;
  });
  on(overlay.root, 'click', (event: MouseEvent) => {
    event.preventDefault();
    event.stopPropagation();
    const target = controlAt(event);
    // The press and the release must both be on the same control: a press elsewhere dragged onto the menu is no choice.
    if (guard?.allows(event) === 'yes' && target && target === pressed) actions.get(target)!();
  });
  on(field, 'keydown', (event: KeyboardEvent) => {
    if (event.key === 'Escape') return close();
    const rows = [...panel.querySelectorAll('.row')];
    if (rows.length === 0) return;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      active = (active + (event.key === 'ArrowDown' ? 1 : rows.length - 1)) % rows.length;
      rows.forEach((row, i) => row.classList.toggle('active', i === active));
    } else if (event.key === 'Enter') {
      const row = rows[active];
      if (row === undefined || guard?.allows(event) !== 'yes') return;
      event.preventDefault();
      event.stopImmediatePropagation();
      actions.get(row)!();
    }
  });
  on(field, 'blur', close, false);
  on(view, 'pagehide', close, false);
  // A press anywhere but the menu and its field closes it (the field may not have the focus after a popup fill).
  on(doc, 'pointerdown', (event: Event) => {
    const path = event.composedPath();
    if (!(path.includes(overlay!.host) || path.includes(field))) close();
  });
  let moving = 0;
  const onMove = () => {
    cancelAnimationFrame(moving);
    moving = requestAnimationFrame(() => {
      if (!closed) overlay!.place(layout());
    });
  };
  on(view, 'scroll', onMove);
  on(view, 'resize', onMove, false);

  if (options.message === undefined) showList();
  else showMessage(options.message);
  return { close };
}

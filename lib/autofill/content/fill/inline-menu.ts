/**
 * The inline menu (S7, T14): a small Sealpass icon inside the focused credential field and, under it, the
 * logins that match the frame (title and username only, never a password). Both live in guarded overlay
 * hosts (closed shadow root, top layer). A login is used only on a trusted click (or Enter) that the guard
 * allows; a frame of another origin first asks to confirm, naming that origin. No page event, synthetic
 * click or postMessage can pick anything.
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
  /** Called once when the menu closes, whatever the reason. */
  onClose(): void;
}

export interface InlineMenu {
  /** Replaces the list with a short message (kept until the menu closes). */
  showMessage(text: string): void;
  close(): void;
}

const ICON_PX = 20;
const HEAD_PX = 28;
const ROW_PX = 42;
const VISIBLE_ROWS = 5;
/** Border, header and footer around the rows. */
const CHROME_PX = HEAD_PX + 30;
/** Room for the cross-origin confirmation (it names the frame's origin). */
const CONFIRM_PX = 150;
const MIN_WIDTH_PX = 260;

/** Scoped to the closed shadow root; the host's own box lets clicks through (see `layout`), the icon and menu do not. */
const CSS = `
:host{all:initial;}
*{box-sizing:border-box;font:13px/1.3 system-ui,sans-serif;color:#1b1f24;}
.icon,.menu{position:absolute;pointer-events:auto;}
.icon{width:${ICON_PX}px;height:${ICON_PX}px;border-radius:5px;background:#1f5fbf;color:#fff;display:grid;place-items:center;font-weight:700;font-size:12px;cursor:pointer;user-select:none;}
.menu{background:#fff;border:1px solid #b8c2cc;border-radius:8px;display:flex;flex-direction:column;box-shadow:0 2px 6px rgba(0,0,0,.2);overflow:hidden;user-select:none;}
.head{height:${HEAD_PX}px;padding:0 10px;display:flex;align-items:center;font-weight:600;color:#44505c;border-bottom:1px solid #e4e8ec;}
.rows{flex:1;overflow-y:auto;}
.row{height:${ROW_PX}px;padding:4px 10px;cursor:pointer;display:flex;flex-direction:column;justify-content:center;}
.row b{font-weight:600;}
.row span{color:#5a6672;font-size:12px;}
.row b,.row span{white-space:nowrap;overflow:hidden;text-overflow:ellipsis;}
.row:hover,.row.active{background:#e8f0fb;}
.foot{padding:5px 10px;border-top:1px solid #e4e8ec;}
.link{color:#1f5fbf;cursor:pointer;font-size:12px;}
.note{padding:10px;}
.note b{word-break:break-all;}
.btns{display:flex;gap:8px;justify-content:flex-end;padding:0 10px 10px;margin-top:auto;}
.btn{padding:4px 12px;border-radius:5px;border:1px solid #b8c2cc;cursor:pointer;}
.btn.primary{background:#1f5fbf;border-color:#1f5fbf;color:#fff;}
`;

/**
 * Opens the icon and the menu on `options.field`.
 * @returns the menu, or null when the page does not let it show (the field cannot be placed, or the guard
 *   finds the page tampered with already)
 */
export function openInlineMenu(options: InlineMenuOptions): InlineMenu | null {
  const { field } = options;
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
  /** Removes every listener of this menu at once. */
  const listening = new AbortController();
  const { signal } = listening;

  const close = () => {
    if (closed) return;
    closed = true;
    guard?.stop();
    overlay?.remove();
    listening.abort();
    options.onClose();
  };

  const iconBadge = el('div', 'icon', 'S');
  iconBadge.title = 'Sealpass';
  const panel = el('div', 'menu');
  panel.setAttribute('role', 'dialog');
  panel.setAttribute('aria-label', 'Sealpass');

  /**
   * One host for both pieces (a second top-layer host would count as covering the first): its box spans the
   * icon and the menu and lets clicks through, except on the two pieces themselves.
   */
  const layout = () => {
    const rect = field.getBoundingClientRect();
    const rows = Math.max(1, Math.min(VISIBLE_ROWS, options.logins.length));
    const width = Math.min(Math.max(rect.width, MIN_WIDTH_PX), view.innerWidth - 8);
    const height = Math.max(CHROME_PX + rows * ROW_PX, options.confirmOrigin === null ? 0 : CONFIRM_PX);
    const below = rect.bottom + 4 + height <= view.innerHeight || rect.top - 4 - height < 0;
    const icon = { left: rect.right - ICON_PX - 6, top: rect.top + (rect.height - ICON_PX) / 2 };
    const menu = { left: Math.max(4, Math.min(rect.left, view.innerWidth - width - 4)), top: below ? rect.bottom + 4 : rect.top - 4 - height };
    const left = Math.min(icon.left, menu.left);
    const top = Math.min(icon.top, menu.top);
    const box = { left, top, width: Math.max(icon.left + ICON_PX, menu.left + width) - left, height: Math.max(icon.top + ICON_PX, menu.top + height) - top };
    Object.assign(iconBadge.style, { left: `${icon.left - left}px`, top: `${icon.top - top}px` });
    Object.assign(panel.style, { left: `${menu.left - left}px`, top: `${menu.top - top}px`, width: `${width}px`, height: `${height}px` });
    return box;
  };

  try {
    overlay = createOverlayHost(parent, CSS, layout(), { clickThrough: true });
  } catch {
    close();
    return null;
  }
  guard = guardOverlay(overlay, parent, close);
  overlay.root.append(iconBadge, panel);
  overlay.root.addEventListener('pointerdown', onPointerDown, true);
  overlay.root.addEventListener('click', onClick, true);

  function el(tag: string, className: string, text?: string): HTMLElement {
    const node = doc.createElement(tag);
    node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  const showList = () => {
    const head = el('div', 'head', 'Sealpass');
    const rows = el('div', 'rows');
    rows.setAttribute('role', 'listbox');
    options.logins.forEach((login, index) => {
      const row = el('div', 'row');
      row.setAttribute('role', 'option');
      row.dataset.index = String(index);
      row.append(el('b', '', login.title), el('span', '', login.username || '(no username)'));
      rows.append(row);
    });
    const foot = el('div', 'foot');
    const never = el('span', 'link', 'Never show here');
    never.dataset.action = 'never';
    foot.append(never);
    panel.replaceChildren(head, rows, foot);
  };

  const showConfirm = (index: number, origin: string) => {
    const note = el('div', 'note', 'Fill your login into a frame from ');
    note.append(el('b', '', origin), doc.createTextNode('?'));
    const yes = el('span', 'btn primary', 'Fill');
    yes.dataset.action = 'confirm';
    yes.dataset.index = String(index);
    const no = el('span', 'btn', 'Cancel');
    no.dataset.action = 'cancel';
    const buttons = el('div', 'btns');
    buttons.append(no, yes);
    panel.replaceChildren(el('div', 'head', 'Sealpass'), note, buttons);
  };

  const showMessage = (text: string) => {
    if (!closed) panel.replaceChildren(el('div', 'head', 'Sealpass'), el('div', 'note', text));
  };

  /** Acts on a row or button the user chose (already allowed by the guard). */
  const choose = (target: HTMLElement) => {
    const action = target.dataset.action;
    const login = options.logins[Number(target.dataset.index)];
    if (action === 'never') {
      close();
      options.onNeverHere();
    } else if (action === 'cancel') {
      close();
    } else if (action === 'confirm' && login && options.confirmOrigin !== null) {
      close();
      options.onPick(login.id, options.confirmOrigin);
    } else if (login && options.confirmOrigin !== null) {
      showConfirm(Number(target.dataset.index), options.confirmOrigin);
    } else if (login) {
      close();
      options.onPick(login.id, undefined);
    }
  };

  const actionAt = (event: Event): HTMLElement | null => {
    for (const node of event.composedPath()) {
      if (node === iconBadge) return iconBadge;
      if (node instanceof view.HTMLElement && (node.dataset.action !== undefined || node.dataset.index !== undefined)) return node;
    }
    return null;
  };

  function onPointerDown(event: Event) {
    // Keeps the focus (and the caret) in the field.
    event.preventDefault();
    pressed = event.isTrusted ? actionAt(event) : null;
  }

  function onClick(event: Event) {
    event.preventDefault();
    event.stopPropagation();
    const target = actionAt(event);
    const verdict = guard?.allows(event as MouseEvent);
    // The press and the release must both be on the same control: a press elsewhere dragged onto the menu is no choice.
    if (verdict !== 'yes' || target === null || target !== pressed) return;
    if (target === iconBadge) showList();
    else choose(target);
  }

  function onKey(event: KeyboardEvent) {
    if (event.key === 'Escape') return close();
    const rows = [...panel.querySelectorAll<HTMLElement>('.row')];
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
      choose(row);
    }
  }

  /** A press anywhere but the menu and its field closes it (the field may not have the focus after a popup fill). */
  function onOutside(event: Event) {
    const path = event.composedPath();
    if (overlay === null || !(path.includes(overlay.host) || path.includes(field))) close();
  }

  let moving = 0;
  function onMove() {
    cancelAnimationFrame(moving);
    moving = requestAnimationFrame(() => {
      if (!closed) overlay?.place(layout());
    });
  }

  if (options.message !== undefined) showMessage(options.message);
  else showList();
  field.addEventListener('keydown', onKey, { capture: true, signal });
  field.addEventListener('blur', close, { signal });
  view.addEventListener('scroll', onMove, { capture: true, passive: true, signal });
  view.addEventListener('resize', onMove, { passive: true, signal });
  view.addEventListener('pagehide', close, { signal });
  doc.addEventListener('pointerdown', onOutside, { capture: true, signal });
  return { showMessage, close };
}

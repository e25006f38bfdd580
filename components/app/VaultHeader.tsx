/**
 * The unlocked vault's header: the brand, the primary actions as buttons, the rest in one "More" menu
 * (issue 17: ten buttons of equal weight were too many), and Lock. Which view sits where is one table, per
 * layout; the menu is a disclosure of buttons (no ARIA menu to emulate), closed by a choice, Escape, or a
 * click elsewhere.
 */
import { useEffect, useId, useRef, useState } from 'react';

/** The popup (narrow, one pane) or the full-page vault (wide, list and detail side by side). */
export type Layout = 'popup' | 'page';

/** The views the header opens. */
export type HeaderView = 'new' | 'inbox' | 'contacts' | 'health' | 'generator' | 'import' | 'export' | 'trash' | 'audit' | 'settings' | 'links' | 'folders';

/** Where a view's button goes in each layout; absent = not offered there. */
interface Entry {
  view: HeaderView;
  label: string;
  popup?: 'primary' | 'menu';
  page?: 'primary' | 'menu';
}

const ENTRIES: readonly Entry[] = [
  { view: 'new', label: 'Add item', popup: 'primary', page: 'primary' },
  { view: 'inbox', label: 'Inbox', popup: 'primary', page: 'primary' },
  { view: 'contacts', label: 'Contacts', popup: 'menu', page: 'primary' },
  // The popup shows health as a count that opens the vault page; the page's view has room for the report.
  { view: 'health', label: 'Health', page: 'primary' },
  { view: 'generator', label: 'Generator', popup: 'primary', page: 'menu' },
  // In the popup, Import opens the vault page on Import: a popup closes when the file dialog takes the focus.
  { view: 'import', label: 'Import', popup: 'menu', page: 'menu' },
  // Page only: file dialogs close the popup.
  { view: 'export', label: 'Export', page: 'menu' },
  // One-time links and secret requests (issue 14).
  { view: 'links', label: 'Links', popup: 'menu', page: 'menu' },
  // Shared folders (issue 13): the vault page only (the members table and access record need its width), in
  // the menu: the page keeps its handful of primary buttons (issue 17).
  { view: 'folders', label: 'Shared folders', page: 'menu' },
  { view: 'trash', label: 'Trash', popup: 'menu', page: 'menu' },
  { view: 'audit', label: 'Audit log', popup: 'menu', page: 'menu' },
  { view: 'settings', label: 'Settings', popup: 'menu', page: 'menu' },
];

export interface VaultHeaderProps {
  layout: Layout;
  /** The view shown now, marked `aria-current` (null: the list). */
  current: HeaderView | null;
  /** Shares waiting in the inbox, shown on its button. */
  inboxCount: number;
  onSelect: (view: HeaderView) => void;
  /** False when Import cannot be offered here (a popup without the vault page to open). */
  canImport: boolean;
  /** The popup's "Open vault page". */
  openVaultPage?: (() => void) | undefined;
  onLock: () => void;
}

export function VaultHeader({ layout, current, inboxCount, onSelect, canImport, openVaultPage, onLock }: VaultHeaderProps) {
  const menuId = useId();
  const [menuOpen, setMenuOpen] = useState(false);
  const menuRoot = useRef<HTMLDivElement>(null);
  const moreButton = useRef<HTMLButtonElement>(null);
  const entries = ENTRIES.filter((e) => e[layout] !== undefined && (e.view !== 'import' || canImport));
  const primary = entries.filter((e) => e[layout] === 'primary');
  const menu = entries.filter((e) => e[layout] === 'menu');

  // Escape or a click outside closes the menu; Escape gives the focus back to "More".
  useEffect(() => {
    if (!menuOpen) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      event.preventDefault();
      setMenuOpen(false);
      moreButton.current?.focus();
    };
    const onPointer = (event: PointerEvent) => {
      if (!menuRoot.current?.contains(event.target as Node)) setMenuOpen(false);
    };
    document.addEventListener('keydown', onKey);
    document.addEventListener('pointerdown', onPointer);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('pointerdown', onPointer);
    };
  }, [menuOpen]);

  const choose = (view: HeaderView) => {
    setMenuOpen(false);
    onSelect(view);
  };
  const button = (entry: Entry) => (
    <button
      key={entry.view}
      type="button"
      className={entry.view === 'new' ? 'primary' : undefined}
      aria-current={current === entry.view ? 'page' : undefined}
      onClick={() => choose(entry.view)}
    >
      {entry.label}
      {entry.view === 'inbox' && inboxCount > 0 && (
        <>
          <span className="count" aria-hidden="true">
            {inboxCount}
          </span>
          <span className="visually-hidden">, {inboxCount} waiting</span>
        </>
      )}
    </button>
  );

  return (
    <header className="vault-header">
      <div className="header-top">
        <h1 className="brand">Sealpass</h1>
        <div className="header-actions">
          {openVaultPage && (
            <button type="button" onClick={openVaultPage}>
              Open vault page
            </button>
          )}
          <button type="button" onClick={onLock}>
            Lock
          </button>
        </div>
      </div>
      <nav className="toolbar" aria-label="Vault">
        {primary.map(button)}
        {menu.length > 0 && (
          <div className="more" ref={menuRoot}>
            <button
              ref={moreButton}
              type="button"
              aria-expanded={menuOpen}
              aria-controls={menuId}
              className={menu.some((e) => e.view === current) ? 'more-current' : undefined}
              onClick={() => setMenuOpen(!menuOpen)}
            >
              More <span aria-hidden="true">▾</span>
            </button>
            <div id={menuId} className="more-menu" hidden={!menuOpen}>
              {menu.map(button)}
            </div>
          </div>
        )}
      </nav>
    </header>
  );
}

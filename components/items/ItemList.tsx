/**
 * Search box, folder and favourite filters, and the item listbox. Focus stays in the search box while
 * the arrow keys move the selection (aria-activedescendant); Enter opens the item, or in the popup fills
 * the current tab when the login is saved for it (as the "On this page" Fill); Ctrl/Cmd+Enter copies a
 * login's password.
 */
import { useEffect, useId, useMemo, useState, type KeyboardEvent } from 'react';
import type { ItemSummary } from '../../lib/vault/model/item-schema';
import { errorText } from '../kit/error-text';
import { filterItems, listFolders } from './filter-items';
import { useCopy } from '../kit/use-copy';
import { useVaultCall } from '../kit/use-vault-call';
import { useVaultTools } from '../kit/vault-context';

/** What the list shows; kept by the parent so it survives opening an item and coming back. */
export interface ListState {
  query: string;
  /** `null` = every folder, `''` = items without a folder. */
  folder: string | null;
  favouritesOnly: boolean;
  activeId: string | null;
}

export const INITIAL_LIST_STATE: ListState = { query: '', folder: null, favouritesOnly: false, activeId: null };

/** Options rendered at a time: 10,000 rows of DOM per keystroke would miss the 16 ms budget. */
const RENDER_STEP = 200;
const ALL = 'all';
const NONE = 'none';
const CORRUPTED_LABEL = 'Corrupted item — cannot be decrypted';

export interface ItemListProps {
  items: ItemSummary[] | null;
  error: string | null;
  state: ListState;
  onStateChange: (state: ListState) => void;
  onOpen: (id: string) => void;
  /** The item shown in the side panel (vault page), marked in the list. */
  openId?: string | null;
  /** Opens Import; offered when the vault is empty, where someone coming from another manager starts. */
  onImport?: (() => void) | undefined;
  /** The popup's current tab: ids of the logins saved for it, which Enter fills instead of opening. */
  fillIds?: ReadonlySet<string>;
  /** Fills login `id` into the current tab (popup). */
  onFill?: ((id: string) => void) | undefined;
}

export function ItemList({ items, error, state, onStateChange, onOpen, openId = null, onImport, fillIds, onFill }: ItemListProps) {
  const call = useVaultCall();
  const copy = useCopy();
  const { showToast } = useVaultTools();
  const baseId = useId();
  const listboxId = `${baseId}-items`;
  const [limit, setLimit] = useState(RENDER_STEP);

  const shown = useMemo(
    () => (items === null ? [] : filterItems(items, { query: state.query, folder: state.folder, favouritesOnly: state.favouritesOnly })),
    [items, state.query, state.folder, state.favouritesOnly],
  );
  const folders = useMemo(() => (items === null ? [] : listFolders(items)), [items]);
  const activeIndex = Math.max(0, shown.findIndex((item) => item.id === state.activeId));
  const active = shown[activeIndex];
  const optionId = (index: number) => `${baseId}-option-${index}`;

  useEffect(() => setLimit(RENDER_STEP), [state.query, state.folder, state.favouritesOnly]);
  useEffect(() => {
    document.getElementById(`${baseId}-option-${activeIndex}`)?.scrollIntoView({ block: 'nearest' });
  }, [baseId, activeIndex, shown]);

  const update = (patch: Partial<ListState>) => onStateChange({ ...state, ...patch });

  function moveTo(index: number) {
    const target = shown[Math.min(Math.max(index, 0), shown.length - 1)];
    if (target === undefined) return;
    const targetIndex = shown.indexOf(target);
    if (targetIndex >= limit) setLimit(targetIndex + RENDER_STEP);
    update({ activeId: target.id });
  }

  async function activate(item: ItemSummary, copyPassword: boolean) {
    if (item.state === 'quarantined') {
      showToast({ text: 'This item is corrupted and cannot be opened.' });
      return;
    }
    if (!copyPassword) {
      // The login saved for the page the popup was opened on: Enter does what the user came for.
      if (onFill !== undefined && fillIds?.has(item.id)) onFill(item.id);
      else onOpen(item.id);
      return;
    }
    // Shared items: what may be copied depends on their permission, which their own view shows.
    if (item.type === 'note' || item.shared !== undefined) {
      onOpen(item.id);
      return;
    }
    const result = await call('itemGet', { id: item.id });
    if (!result.ok) {
      showToast({ text: errorText(result.error) });
      return;
    }
    const content = result.item.content;
    if (content.type !== 'login' || content.password === '') {
      showToast({ text: 'This item has no password to copy.' });
      return;
    }
    await copy(item.id, 'password', content.password, { title: item.title });
  }

  function onKeyDown(event: KeyboardEvent<HTMLElement>) {
    const inSearch = event.currentTarget instanceof HTMLInputElement;
    switch (event.key) {
      case 'ArrowDown':
        moveTo(activeIndex + 1);
        break;
      case 'ArrowUp':
        moveTo(activeIndex - 1);
        break;
      case 'PageDown':
        moveTo(activeIndex + 10);
        break;
      case 'PageUp':
        moveTo(activeIndex - 10);
        break;
      case 'Home':
      case 'End':
        // In the search box these keys move the caret, as in any text field.
        if (inSearch) return;
        moveTo(event.key === 'Home' ? 0 : shown.length - 1);
        break;
      case 'Enter':
        if (active === undefined) return;
        void activate(active, event.ctrlKey || event.metaKey);
        break;
      case 'Escape':
        if (!inSearch || state.query === '') return;
        update({ query: '', activeId: null });
        break;
      default:
        return;
    }
    event.preventDefault();
  }

  const filtering = state.query.trim() !== '' || state.folder !== null || state.favouritesOnly;
  const activeDescendant = active !== undefined && activeIndex < limit ? optionId(activeIndex) : undefined;
  let empty: string | null = null;
  if (error !== null) empty = error;
  else if (items === null) empty = 'Loading items…';
  else if (items.length === 0) empty = onImport ? 'Your vault is empty. Use “Add item” to save your first login, or bring your passwords over from another password manager.' : 'Your vault is empty. Use “Add item” to save your first login.';
  else if (shown.length === 0) empty = state.query.trim() !== '' ? `No items match “${state.query.trim()}”.` : 'No items in this view.';

  return (
    <section className="item-list" data-testid="item-list" aria-label="Item list">
      <div className="field search">
        <label htmlFor={`${baseId}-search`}>Search</label>
        <input
          id={`${baseId}-search`}
          type="search"
          autoFocus
          autoComplete="off"
          spellCheck={false}
          placeholder="Title, username, site, folder or tag"
          aria-controls={listboxId}
          aria-activedescendant={activeDescendant}
          value={state.query}
          onChange={(e) => update({ query: e.target.value, activeId: null })}
          onKeyDown={onKeyDown}
        />
      </div>
      <div className="list-filters">
        <div className="field inline">
          <label htmlFor={`${baseId}-folder`}>Filter by folder</label>
          <select
            id={`${baseId}-folder`}
            value={state.folder === null ? ALL : state.folder === '' ? NONE : `f:${state.folder}`}
            onChange={(e) => {
              const v = e.target.value;
              update({ folder: v === ALL ? null : v === NONE ? '' : v.slice(2), activeId: null });
            }}
          >
            <option value={ALL}>All folders</option>
            <option value={NONE}>No folder</option>
            {folders.map((f) => (
              <option key={f} value={`f:${f}`}>
                {f}
              </option>
            ))}
          </select>
        </div>
        <div className="field check">
          <input
            id={`${baseId}-fav`}
            type="checkbox"
            checked={state.favouritesOnly}
            onChange={(e) => update({ favouritesOnly: e.target.checked, activeId: null })}
          />
          <label htmlFor={`${baseId}-fav`}>Favourites only</label>
        </div>
      </div>
      <p className="list-count" role="status">
        {items !== null && error === null ? `${shown.length} ${shown.length === 1 ? 'item' : 'items'}${filtering ? ' found' : ''}` : ''}
      </p>
      {empty !== null && <p className={error !== null ? 'form-error' : 'empty'}>{empty}</p>}
      {items?.length === 0 && error === null && onImport && (
        <p className="empty">
          <button type="button" onClick={onImport}>
            Import from another password manager
          </button>
        </p>
      )}
      <ul
        id={listboxId}
        role="listbox"
        aria-label="Items"
        tabIndex={shown.length > 0 ? 0 : -1}
        aria-activedescendant={activeDescendant}
        onKeyDown={onKeyDown}
        className="listbox"
        hidden={shown.length === 0}
      >
        {shown.slice(0, limit).map((item, index) => (
          <ItemOption
            key={item.id}
            id={optionId(index)}
            item={item}
            active={index === activeIndex}
            open={item.id === openId}
            onClick={() => {
              update({ activeId: item.id });
              if (item.state === 'ok') onOpen(item.id);
            }}
          />
        ))}
      </ul>
      {shown.length > limit && (
        <button type="button" className="link" onClick={() => setLimit(limit + RENDER_STEP)}>
          Show more ({shown.length - limit} not shown)
        </button>
      )}
    </section>
  );
}

interface ItemOptionProps {
  id: string;
  item: ItemSummary;
  active: boolean;
  open: boolean;
  onClick: () => void;
}

function ItemOption({ id, item, active, open, onClick }: ItemOptionProps) {
  const classes = ['option', active ? 'active' : '', open ? 'open' : '', item.state === 'quarantined' ? 'corrupted' : ''].filter(Boolean).join(' ');
  // Keep focus (and the caret) in the search box when an option is clicked.
  const keepFocus = (e: { preventDefault: () => void }) => e.preventDefault();
  if (item.state === 'quarantined') {
    return (
      <li id={id} role="option" aria-selected={active} aria-disabled="true" aria-label={CORRUPTED_LABEL} className={classes} onMouseDown={keepFocus} onClick={onClick}>
        <span className="item-icon" aria-hidden="true">!</span>
        <span className="item-text">
          <span className="item-title">{CORRUPTED_LABEL}</span>
        </span>
      </li>
    );
  }
  const subtitle = item.username !== '' ? item.username : item.type === 'note' ? 'Secure note' : hostOf(item.url);
  // The name comes from the visible text (axe: label-content-name-mismatch), with hidden commas between the
  // parts so a screen reader pauses, and "favourite" for the star, which is only drawn.
  const comma = <span className="visually-hidden">, </span>;
  return (
    <li id={id} role="option" aria-selected={active} className={classes} onMouseDown={keepFocus} onClick={onClick}>
      <span className="item-icon" aria-hidden="true">
        {item.type === 'note' ? '¶' : (item.title.trim().charAt(0) || '?').toUpperCase()}
      </span>
      <span className="item-text">
        <span className="item-title">{item.title}</span>
        {subtitle !== '' && (
          <span className="item-sub">
            {comma}
            {subtitle}
          </span>
        )}
        {item.shared !== undefined && (
          <span className="item-shared">
            {comma}Shared by {item.shared.by}
          </span>
        )}
      </span>
      {item.favourite && (
        <>
          <span className="visually-hidden">, favourite</span>
          <span className="star" aria-hidden="true">
            ★
          </span>
        </>
      )}
    </li>
  );
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return '';
  }
}

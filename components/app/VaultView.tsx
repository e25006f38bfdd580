/**
 * The unlocked vault: header, item list and the open panel (item, editor, generator, settings, audit log).
 * The popup shows the list or one panel at a time; the vault page shows both side by side.
 */
import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { IntegrityReport } from '../../lib/vault/model/integrity-report';
import type { Settings } from '../../lib/vault/model/settings';
import { isReceivedItemId } from '../../lib/sharing/is-received-item-id';
import type { Item, ItemSummary, LoginInput } from '../../lib/vault/model/item-schema';
import { AuditLog } from '../settings/AuditLog';
import { Contacts } from '../sharing/Contacts';
import { DamagedNotice } from '../sharing/DamagedNotice';
import { errorText } from '../kit/error-text';
import { listFolders } from '../items/filter-items';
import { ExportView } from '../export/ExportView';
import { Generator } from '../kit/Generator';
import { HealthCount } from '../health/HealthCount';
import { HealthView } from '../health/HealthView';
import { ImportView } from '../import/ImportView';
import { Inbox } from '../sharing/Inbox';
import { LinksView } from '../links/LinksView';
import { IntegrityBanner } from './IntegrityBanner';
import { IntegrityCheck } from './IntegrityCheck';
import { ItemEditor } from '../items/ItemEditor';
import { INITIAL_LIST_STATE, ItemList, type ListState } from '../items/ItemList';
import { ItemView } from '../items/ItemView';
import { ReceivedItemView } from '../sharing/ReceivedItemView';
import { Settings as SettingsPanel } from '../settings/Settings';
import { TabLogins } from '../items/TabLogins';
import { Toast } from '../kit/Toast';
import { useVaultCall } from '../kit/use-vault-call';
import { VaultToolsContext, type ToastContent, type VaultTools } from '../kit/vault-context';
import { DEFAULT_SETTINGS } from '../../lib/vault/model/settings';

/** The popup (narrow, one pane) or the full-page vault (wide, list and detail side by side). */
export type Layout = 'popup' | 'page';

/** A view the vault page can be opened on (the popup opens Import there: a file dialog would close the popup). */
export type StartView = 'import';

type View =
  | { kind: 'list' }
  | { kind: 'item'; id: string }
  | { kind: 'new'; initial?: LoginInput }
  | { kind: 'edit'; item: Item }
  | { kind: 'generator' }
  | { kind: 'settings' }
  | { kind: 'audit' }
  | { kind: 'health' }
  | { kind: 'export' }
  | { kind: 'import' }
  | { kind: 'contacts' }
  | { kind: 'inbox' }
  | { kind: 'links' };

/** How long a toast stays: long enough to reach Undo, short for plain confirmations. */
const TOAST_MS_WITH_ACTION = 10_000;
const TOAST_MS = 4_000;

export interface VaultViewProps {
  layout: Layout;
  /** The report from this unlock, shown once as a banner; `null` when the vault was already open. */
  integrity: IntegrityReport | null;
  /** Opens the vault page, on `view` when given. */
  openVaultPage?: ((view?: StartView) => void) | undefined;
  /** The panel the vault page opens on (vault.html#import). */
  startView?: StartView | undefined;
  /** A save bar's Edit… opened this page: the token of the values waiting in the background for the editor. */
  draftToken?: string | undefined;
  onLock: () => void;
}

export function VaultView({ layout, integrity, openVaultPage, startView, draftToken, onLock }: VaultViewProps) {
  const call = useVaultCall();
  const [items, setItems] = useState<ItemSummary[] | null>(null);
  const [listError, setListError] = useState<string | null>(null);
  const [listState, setListState] = useState<ListState>(INITIAL_LIST_STATE);
  const [view, setView] = useState<View>(startView === 'import' && layout === 'page' ? { kind: 'import' } : { kind: 'list' });
  const [itemVersion, setItemVersion] = useState(0);
  const [settings, setSettings] = useState<Settings>(DEFAULT_SETTINGS);
  const [toast, setToast] = useState<{ content: ToastContent; key: number } | null>(null);
  const [report, setReport] = useState<IntegrityReport | null>(integrity);
  const [inboxCount, setInboxCount] = useState(0);
  const [receivedDamaged, setReceivedDamaged] = useState(0);

  // Reloads overlap (a delete reloads, then Undo reloads again before the first is done): only the latest
  // one may set the list, or an older answer would put back a list without the restored item.
  const reloadSeq = useRef(0);
  const reloadList = useCallback(async () => {
    const seq = ++reloadSeq.current;
    const result = await call('itemList', {});
    if (result.ok) {
      // Items shared with this vault join the list, marked "shared by"; none before sharing is set up.
      const received = await call('receivedList', {});
      const inbox = await call('inboxList', {});
      if (seq !== reloadSeq.current) return;
      setItems(received.ok ? [...result.items, ...received.items] : result.items);
      setReceivedDamaged(received.ok ? received.damaged : 0);
      setInboxCount(inbox.ok ? inbox.shares.length : 0);
      setListError(null);
    } else if (seq === reloadSeq.current) {
      setListError(errorText(result.error));
    }
  }, [call]);

  useEffect(() => {
    void reloadList();
    void call('settingsGet', {}).then((r) => r.ok && setSettings(r.settings));
  }, [call, reloadList]);

  const showToast = useCallback((content: ToastContent | null) => {
    setToast(content === null ? null : { content, key: Date.now() });
  }, []);

  // The save bar's Edit…: the editor opens with the values the background kept for this token (taken once).
  const draftTaken = useRef<string | null>(null);
  useEffect(() => {
    if (draftToken === undefined || draftTaken.current === draftToken) return;
    draftTaken.current = draftToken;
    void call('saveDraftTake', { token: draftToken }).then((result) => {
      if (!result.ok) showToast({ text: errorText(result.error) });
      else if (result.draft.kind === 'create') setView({ kind: 'new', initial: result.draft.item });
      else setView({ kind: 'edit', item: result.draft.item });
    });
  }, [call, draftToken, showToast]);

  useEffect(() => {
    if (toast === null) return;
    const timer = setTimeout(() => setToast(null), toast.content.action ? TOAST_MS_WITH_ACTION : TOAST_MS);
    return () => clearTimeout(timer);
  }, [toast]);

  const tools = useMemo<VaultTools>(() => ({ settings, setSettings, showToast }), [settings, showToast]);
  const folders = useMemo(() => (items === null ? [] : listFolders(items)), [items]);

  async function lock() {
    const result = await call('vaultLock', {});
    if (result.ok) onLock();
    else showToast({ text: errorText(result.error) });
  }

  function deleted(id: string, title: string) {
    setView({ kind: 'list' });
    void reloadList();
    showToast({
      text: `Deleted “${title}”`,
      action: {
        label: 'Undo',
        run: () => {
          void (async () => {
            const result = await call('itemRestore', { id });
            if (!result.ok) {
              showToast({ text: errorText(result.error) });
              return;
            }
            showToast({ text: `Restored “${title}”.` });
            await reloadList();
            setView({ kind: 'item', id });
          })();
        },
      },
    });
  }

  function saved(id: string) {
    void reloadList();
    // An edit of a shared item goes out to its recipients now rather than at the next one-minute poll.
    void call('sharingSync', {});
    setItemVersion((v) => v + 1);
    setView({ kind: 'item', id });
  }

  const toList = () => setView({ kind: 'list' });
  // Import needs a file dialog, which closes the popup: the popup opens the vault page on Import instead.
  const openImport = layout === 'page' ? () => setView({ kind: 'import' }) : openVaultPage ? () => openVaultPage('import') : undefined;
  // Keyboard-first popup: an opened panel takes the focus on its Back button, and Escape goes back,
  // except in the editor, where Escape must not throw away what was typed.
  const backButton = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (layout !== 'popup' || view.kind === 'list') return;
    backButton.current?.focus();
    if (view.kind === 'edit' || view.kind === 'new') return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape' && !event.defaultPrevented) setView({ kind: 'list' });
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [layout, view.kind]);
  let panel: ReactNode = null;
  switch (view.kind) {
    case 'item':
      panel = isReceivedItemId(view.id) ? (
        <ReceivedItemView
          key={`${view.id}:${itemVersion}`}
          id={view.id}
          onRemoved={() => {
            setView({ kind: 'list' });
            void reloadList();
          }}
        />
      ) : (
        <ItemView
          key={`${view.id}:${itemVersion}`}
          id={view.id}
          onEdit={(item) => setView({ kind: 'edit', item })}
          onDeleted={deleted}
          onChanged={() => void reloadList()}
        />
      );
      break;
    case 'new':
      panel = <ItemEditor key={view.initial ? 'new-from-save' : 'new'} {...(view.initial ? { initial: view.initial } : {})} folders={folders} onSaved={saved} onCancel={toList} />;
      break;
    case 'edit':
      panel = (
        <ItemEditor
          key={`edit:${view.item.id}`}
          item={view.item}
          folders={folders}
          onSaved={saved}
          onCancel={() => setView({ kind: 'item', id: view.item.id })}
        />
      );
      break;
    case 'generator':
      panel = <Generator />;
      break;
    case 'settings':
      panel = (
        <>
          <SettingsPanel onOpenAudit={layout === 'popup' ? () => setView({ kind: 'audit' }) : undefined} />
          {layout === 'page' && (
            <IntegrityCheck
              onProblems={(found) => {
                setReport(found);
                void reloadList();
              }}
            />
          )}
        </>
      );
      break;
    case 'audit':
      panel = <AuditLog />;
      break;
    case 'health':
      panel = <HealthView onOpenItem={(id) => setView({ kind: 'item', id })} />;
      break;
    case 'export':
      panel = <ExportView onRestored={() => void reloadList()} />;
      break;
    case 'import':
      panel = <ImportView existing={items ?? []} onImported={() => void reloadList()} />;
      break;
    case 'contacts':
      panel = <Contacts />;
      break;
    case 'inbox':
      panel = <Inbox onChanged={() => void reloadList()} onOpenContacts={() => setView({ kind: 'contacts' })} />;
      break;
    case 'links':
      panel = <LinksView />;
      break;
    case 'list':
      break;
  }

  // Received copies that do not open are missing from the list: say so above it (S8).
  const list = (
    <>
      <DamagedNotice kind="received" count={receivedDamaged} />
      <ItemList
        items={items}
        error={listError}
        state={listState}
        onStateChange={setListState}
        onOpen={(id) => setView({ kind: 'item', id })}
        openId={view.kind === 'item' ? view.id : null}
        onImport={openImport}
      />
    </>
  );

  const current = (kind: View['kind']) => (view.kind === kind ? ('page' as const) : undefined);

  return (
    <VaultToolsContext.Provider value={tools}>
      <div className={`vault vault-${layout}`}>
        <header className="vault-header">
          <div className="header-top">
            <h1 className="brand">Sealpass</h1>
            <div className="header-actions">
              {layout === 'popup' && openVaultPage && (
                <button type="button" onClick={() => openVaultPage()}>
                  Open vault page
                </button>
              )}
              <button type="button" onClick={() => void lock()}>
                Lock
              </button>
            </div>
          </div>
          <nav className="toolbar" aria-label="Vault">
            <button type="button" className="primary" aria-current={current('new')} onClick={() => setView({ kind: 'new' })}>
              Add item
            </button>
            <button type="button" aria-current={current('generator')} onClick={() => setView({ kind: 'generator' })}>
              Generator
            </button>
            <button type="button" aria-current={current('settings')} onClick={() => setView({ kind: 'settings' })}>
              Settings
            </button>
            <button type="button" aria-current={current('inbox')} onClick={() => setView({ kind: 'inbox' })}>
              Inbox
              {inboxCount > 0 && (
                <>
                  <span className="count" aria-hidden="true">
                    {inboxCount}
                  </span>
                  <span className="visually-hidden">, {inboxCount} waiting</span>
                </>
              )}
            </button>
            {/* One-time links and secret requests (issue 14). */}
            <button type="button" aria-current={current('links')} onClick={() => setView({ kind: 'links' })}>
              Links
            </button>
            {/* Page only: the popup's toolbar has no room; its Inbox links to Contacts. */}
            {layout === 'page' && (
              <button type="button" aria-current={current('contacts')} onClick={() => setView({ kind: 'contacts' })}>
                Contacts
              </button>
            )}
            {layout === 'page' && (
              <button type="button" aria-current={current('audit')} onClick={() => setView({ kind: 'audit' })}>
                Audit log
              </button>
            )}
            {layout === 'page' && (
              <button type="button" aria-current={current('health')} onClick={() => setView({ kind: 'health' })}>
                Health
              </button>
            )}
            {/* Page only: file dialogs close the popup. */}
            {layout === 'page' && (
              <button type="button" aria-current={current('export')} onClick={() => setView({ kind: 'export' })}>
                Export
              </button>
            )}
            {/* In the popup, Import opens the vault page on Import: a popup closes when the file dialog takes the focus. */}
            {openImport && (
              <button type="button" aria-current={current('import')} onClick={openImport}>
                Import
              </button>
            )}
          </nav>
        </header>
        {report !== null && <IntegrityBanner report={report} onDismiss={() => setReport(null)} />}
        {layout === 'page' ? (
          <div className="columns">
            <div className="column-list">{list}</div>
            <main className="column-panel">
              {panel ?? <p className="empty">Select an item to see it here, or add a new one.</p>}
            </main>
          </div>
        ) : view.kind === 'list' ? (
          <main className="popup-main">
            <TabLogins />
            <HealthCount onOpen={openVaultPage ? () => openVaultPage() : undefined} />
            {list}
          </main>
        ) : (
          <main className="popup-main panel">
            <button ref={backButton} type="button" className="link back" onClick={toList}>
              <span aria-hidden="true">←</span> Back
            </button>
            {panel}
          </main>
        )}
        <Toast toast={toast?.content ?? null} onDismiss={() => setToast(null)} />
      </div>
    </VaultToolsContext.Provider>
  );
}

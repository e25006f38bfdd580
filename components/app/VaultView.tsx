/**
 * The unlocked vault: header, item list and the open panel (item, editor, generator, settings, audit log).
 * The popup shows the list or one panel at a time; the vault page shows both side by side.
 */
import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { RestoreExport } from '../export/RestoreExport';
import { TrashView } from '../items/TrashView';
import { useTabLogins } from '../items/use-tab-logins';
import { VaultHeader, type HeaderView, type Layout } from './VaultHeader';
import type { IntegrityReport } from '../../lib/vault/model/integrity-report';
import { subscribeVaultChange } from '../../lib/messaging/vault-change-event';
import type { ResponseOf } from '../../lib/protocol/protocol';
import type { Settings } from '../../lib/vault/model/settings';
import { isReceivedItemId } from '../../lib/sharing/is-received-item-id';
import type { Item, ItemSummary, LoginInput } from '../../lib/vault/model/item-schema';
import { AuditLog } from '../settings/AuditLog';
import { Contacts } from '../sharing/Contacts';
import { DamagedNotice } from '../sharing/DamagedNotice';
import { EndedNotices } from '../sharing/EndedNotices';
import { PendingShares } from '../sharing/PendingShares';
import { errorText } from '../kit/error-text';
import { listFolders } from '../items/filter-items';
import { ExportView } from '../export/ExportView';
import { Generator } from '../kit/Generator';
import { HealthCount } from '../health/HealthCount';
import { HealthView } from '../health/HealthView';
import { ImportView } from '../import/ImportView';
import { Inbox } from '../sharing/Inbox';
import { LinksView } from '../links/LinksView';
import { FoldersView } from '../folders/FoldersView';
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

/** A view the vault page can be opened on (the popup opens Import there: a file dialog would close the popup). */
export type StartView = 'import';

type View =
  | { kind: 'list' }
  | { kind: 'item'; id: string }
  | { kind: 'new'; prefill: { title: string; url: string } | null; initial?: LoginInput }
  | { kind: 'edit'; item: Item }
  | { kind: 'generator' }
  | { kind: 'settings' }
  | { kind: 'audit' }
  | { kind: 'health' }
  | { kind: 'export' }
  | { kind: 'import' }
  | { kind: 'contacts' }
  | { kind: 'inbox' }
  | { kind: 'trash' }
  | { kind: 'links' }
  | { kind: 'folders' };

/** How long a toast stays: long enough to reach Undo, short for plain confirmations. */
const TOAST_MS_WITH_ACTION = 10_000;
const TOAST_MS = 4_000;

export interface VaultViewProps {
  layout: Layout;
  /** The report from this unlock, shown once as a banner; `null` when the vault was already open. */
  integrity: IntegrityReport | null;
  /** Unlock attempts with a wrong password before this unlock, shown once (they are in the audit log). */
  failedUnlocks?: number;
  /** Opens the vault page, on `view` when given. */
  openVaultPage?: ((view?: StartView) => void) | undefined;
  /** The panel the vault page opens on (vault.html#import). */
  startView?: StartView | undefined;
  /** A save bar's Edit… opened this page: the token of the values waiting in the background for the editor. */
  draftToken?: string | undefined;
  onLock: () => void;
}

export function VaultView({ layout, integrity, failedUnlocks = 0, openVaultPage, startView, draftToken, onLock }: VaultViewProps) {
  const call = useVaultCall();
  const [items, setItems] = useState<ItemSummary[] | null>(null);
  const [listError, setListError] = useState<string | null>(null);
  const [listState, setListState] = useState<ListState>(INITIAL_LIST_STATE);
  const [view, setView] = useState<View>(startView === 'import' && layout === 'page' ? { kind: 'import' } : { kind: 'list' });
  const [itemVersion, setItemVersion] = useState(0);
  const [settings, setSettings] = useState<Settings>(DEFAULT_SETTINGS);
  const [toast, setToast] = useState<{ content: ToastContent; key: number } | null>(null);
  const [report, setReport] = useState<IntegrityReport | null>(integrity);
  const [failedNotice, setFailedNotice] = useState(failedUnlocks);
  const [inboxCount, setInboxCount] = useState(0);
  const [pending, setPending] = useState<ResponseOf<'inboxList'>['shares']>([]);
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
      setPending(inbox.ok ? inbox.shares : []);
      setListError(null);
    } else if (seq === reloadSeq.current) {
      setListError(errorText(result.error));
    }
  }, [call]);

  useEffect(() => {
    void reloadList();
    void call('settingsGet', {}).then((r) => r.ok && setSettings(r.settings));
  }, [call, reloadList]);

  // Issue 17: opening the popup or the vault page syncs sharing at once (a new share, an answer or a revoke
  // shows now rather than at the one-minute poll); the list is shown first and reloaded after.
  useEffect(() => {
    void call('sharingStatus', {}).then(async (status) => {
      if (!status.ok || status.identity === null) return;
      const synced = await call('sharingSync', {});
      if (synced.ok) void reloadList();
    });
  }, [call, reloadList]);

  // Another page (or a share that arrived or ended) changed the items: show the list as it is now.
  useEffect(() => subscribeVaultChange((change) => change === 'items-changed' && void reloadList()), [reloadList]);

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
      else if (result.draft.kind === 'create') setView({ kind: 'new', prefill: null, initial: result.draft.item });
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
  // The popup's current tab: its saved logins (Fill, and Enter in the list), and what Add item prefills.
  const tabLogins = useTabLogins(layout === 'popup', items, showToast);
  const fillIds = useMemo(() => new Set(tabLogins.tab?.logins.map((login) => login.id) ?? []), [tabLogins.tab]);

  async function addItem() {
    if (layout !== 'popup') return setView({ kind: 'new', prefill: null });
    const page = await call('autofillTabPage', {});
    setView({ kind: 'new', prefill: page.ok ? page.page : null });
  }

  function select(target: HeaderView) {
    if (target === 'new') void addItem();
    else if (target === 'import') openImport?.();
    else setView({ kind: target });
  }

  // A newly opened panel starts at its top, not at the scroll position the previous one was left at.
  const panelBox = useRef<HTMLElement>(null);
  const panelKey = view.kind === 'item' ? `item:${view.id}` : view.kind;
  useEffect(() => {
    panelBox.current?.scrollTo({ top: 0 });
  }, [panelKey]);
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
      panel = (
        <ItemEditor
          key={view.initial ? 'new-from-save' : 'new'}
          {...(view.initial ? { initial: view.initial } : {})}
          folders={folders}
          prefill={view.prefill}
          onSaved={saved}
          onCancel={toList}
        />
      );
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
      panel = <ExportView />;
      break;
    case 'import':
      // Restoring a Sealpass export brings items in too, so it sits here, under the other managers' files.
      panel = (
        <>
          <ImportView existing={items ?? []} onImported={() => void reloadList()} />
          <RestoreExport onRestored={() => void reloadList()} />
        </>
      );
      break;
    case 'trash':
      panel = <TrashView onRestored={() => void reloadList()} onOpenItem={(id) => setView({ kind: 'item', id })} />;
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
    case 'folders':
      panel = <FoldersView />;
      break;
    case 'list':
      break;
  }

  // Received copies that do not open are missing from the list: say so above it (S8).
  const list = (
    <>
      <DamagedNotice kind="received" count={receivedDamaged} />
      <EndedNotices />
      <PendingShares entries={pending} onAnswered={() => void reloadList()} onOpenInbox={() => setView({ kind: 'inbox' })} />
      <ItemList
        items={items}
        error={listError}
        state={listState}
        onStateChange={setListState}
        onOpen={(id) => setView({ kind: 'item', id })}
        openId={view.kind === 'item' ? view.id : null}
        onImport={openImport}
        fillIds={fillIds}
        onFill={layout === 'popup' ? (id) => void tabLogins.fill(id) : undefined}
      />
    </>
  );

  return (
    <VaultToolsContext.Provider value={tools}>
      <div className={`vault vault-${layout}`}>
        <VaultHeader
          layout={layout}
          current={view.kind === 'list' || view.kind === 'item' || view.kind === 'edit' ? null : view.kind}
          inboxCount={inboxCount}
          onSelect={select}
          canImport={openImport !== undefined}
          openVaultPage={layout === 'popup' && openVaultPage ? () => openVaultPage() : undefined}
          onLock={() => void lock()}
        />
        {report !== null && <IntegrityBanner report={report} onDismiss={() => setReport(null)} />}
        {failedNotice > 0 && (
          <div className="banner banner-warn" role="status" data-testid="failed-unlocks">
            {failedNotice === 1 ? 'Someone tried to unlock this vault once' : `Someone tried to unlock this vault ${failedNotice} times`} with a wrong master password
            since it was last unlocked. Each attempt is in the audit log.{' '}
            <button type="button" className="link" onClick={() => setFailedNotice(0)}>
              Dismiss
            </button>
          </div>
        )}
        {layout === 'page' ? (
          <div className="columns">
            <div className="column-list">{list}</div>
            <main className="column-panel" ref={panelBox}>
              {panel ?? <p className="empty">Select an item to see it here, or add a new one.</p>}
            </main>
          </div>
        ) : view.kind === 'list' ? (
          <main className="popup-main">
            <TabLogins tab={tabLogins.tab} onFill={(id) => void tabLogins.fill(id)} />
            <HealthCount onOpen={openVaultPage ? () => openVaultPage() : undefined} />
            {list}
          </main>
        ) : (
          <main className="popup-main panel" ref={panelBox}>
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

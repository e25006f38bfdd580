/**
 * One shared folder: its alerts (forked, rolled-back or withheld log, ignored edits: shown, never repaired in
 * silence), the rotate list after a removal, members with roles, end dates and autofill-only (managers add,
 * change and remove people), items with their last change and who made it (editors add, edit, delete, and
 * move items in from the vault), the access record with receipts and its JSON-lines export, leave and delete.
 */
import { useCallback, useEffect, useId, useState } from 'react';
import type { ResponseOf } from '../../lib/protocol/protocol';
import { useVaultCall } from '../kit/use-vault-call';
import { useVaultTools } from '../kit/vault-context';
import { AccessRecord } from './AccessRecord';
import { FolderItemForm } from './FolderItemForm';
import { FolderItemPanel } from './FolderItemPanel';
import { FolderMembers } from './FolderMembers';
import { RotateNotice } from './RotateNotice';
import { ALERT_TEXT, folderErrorText, folderTime, ROLE_TEXT, STATUS_TEXT } from './folder-text';

type View = ResponseOf<'folderGet'>;
type Rotate = View['rotate'][number];

export interface FolderDetailProps {
  folderId: string;
  onBack: () => void;
  /** The folder left this vault (left or deleted). */
  onGone: () => void;
}

export function FolderDetail({ folderId, onBack, onGone }: FolderDetailProps) {
  const call = useVaultCall();
  const { showToast } = useVaultTools();
  const headingId = useId();
  const [view, setView] = useState<View | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [openItem, setOpenItem] = useState<string | null>(null);
  const [adding, setAdding] = useState(false);
  const [record, setRecord] = useState<{ itemId: string | null } | null>(null);
  const [removed, setRemoved] = useState<Rotate | null>(null);

  const load = useCallback(async () => {
    const result = await call('folderGet', { folderId });
    if (!result.ok) return setError(folderErrorText(result.error));
    const { ok: _ok, ...folder } = result;
    setView(folder);
  }, [call, folderId]);

  useEffect(() => {
    void load();
  }, [load]);

  /** Runs one change, then reloads; errors stay on screen. */
  const act = useCallback(
    async (run: () => Promise<{ ok: boolean; error?: { code: string; message?: string } }>, done?: string) => {
      setBusy(true);
      setError(null);
      const result = await run();
      setBusy(false);
      if (!result.ok) {
        setError(folderErrorText(result.error));
        return false;
      }
      if (done) showToast({ text: done });
      await load();
      return true;
    },
    [load, showToast],
  );

  if (!view) {
    return (
      <section className="panel">
        <button type="button" onClick={onBack}>
          Back to folders
        </button>
        {error ? <p role="alert" className="form-error">{error}</p> : <p>Loading…</p>}
      </section>
    );
  }

  const member = view.status === 'member';
  const canEdit = member && (view.role === 'editor' || view.role === 'manager');
  const isManager = member && view.role === 'manager';

  return (
    <section className="panel folder" aria-labelledby={headingId}>
      <button type="button" onClick={onBack}>
        Back to folders
      </button>
      <h2 id={headingId}>{view.name}</h2>
      <p className="meta">
        {member ? (view.role ? `You: ${ROLE_TEXT[view.role]}${view.autofillOnly ? ', autofill only' : ''}` : 'Member') : STATUS_TEXT[view.status]} · key epoch {view.epoch} · last
        synced {folderTime(view.syncedAt)}
      </p>
      {error && <p role="alert" className="form-error">{error}</p>}
      {view.rotationNeeded && (
        <p className="warning">Someone who held this folder’s key left or their access ended. A manager’s Sealpass rotates the key at its next sync.</p>
      )}
      {view.alerts.length > 0 && (
        <div role="alert" className="folder-alerts">
          <h3>Alerts</h3>
          <ul>
            {view.alerts.map((alert, i) => (
              <li key={`${alert.kind}-${alert.at}-${i}`}>
                <strong>{ALERT_TEXT[alert.kind]}:</strong> {alert.detail}
              </li>
            ))}
          </ul>
        </div>
      )}
      {[...(removed && !view.rotate.some((r) => r.fingerprint === removed.fingerprint) && removed.items.length > 0 ? [removed] : []), ...view.rotate].map((notice) => (
        <RotateNotice
          key={notice.fingerprint}
          notice={notice}
          onDismiss={() => {
            setRemoved(null);
            void act(() => call('folderRotateDismiss', { folderId, fingerprint: notice.fingerprint }));
          }}
        />
      ))}

      <FolderMembers
        view={view}
        busy={busy}
        onAdd={(request) => act(() => call('folderMemberAdd', { folderId, ...request }), 'Person added. Their Sealpass gets the folder key at its next sync.')}
        onChange={(fingerprint, change) => act(() => call('folderMemberRole', { folderId, fingerprint, ...change }), 'Access changed.')}
        onRemove={async (fingerprint) => {
          setBusy(true);
          setError(null);
          const result = await call('folderMemberRemove', { folderId, fingerprint });
          setBusy(false);
          if (!result.ok) return setError(folderErrorText(result.error));
          setRemoved(result.rotate);
          showToast({ text: `${result.rotate.handle} was removed; the folder key was rotated.` });
          await load();
        }}
      />

      <h3>Items</h3>
      {view.items.length === 0 ? (
        <p>No items yet.</p>
      ) : (
        <ul className="folder-items" aria-label="Folder items">
          {view.items.map((item) => (
            <li key={item.itemId}>
              <button type="button" className="link" onClick={() => setOpenItem(openItem === item.itemId ? null : item.itemId)}>
                {item.title}
              </button>{' '}
              <span className="meta">
                {item.username && `${item.username} · `}last changed {folderTime(item.changedAt)} by {item.changedBy}
                {item.conflict && ' · edited at the same time as another change (both versions kept)'}
              </span>{' '}
              <button type="button" className="link" onClick={() => setRecord({ itemId: item.itemId })}>
                Access record
              </button>
              {openItem === item.itemId && (
                <FolderItemPanel
                  folderId={folderId}
                  itemId={item.itemId}
                  canEdit={canEdit}
                  busy={busy}
                  onSave={(input, baseRev) => act(() => call('folderItemEdit', { folderId, itemId: item.itemId, item: input, baseRev }), 'Item saved in the folder.')}
                  onDelete={() => act(() => call('folderItemDelete', { folderId, itemId: item.itemId }), 'Item deleted from the folder.').then(() => setOpenItem(null))}
                />
              )}
            </li>
          ))}
        </ul>
      )}
      {canEdit &&
        (adding ? (
          <FolderItemForm
            busy={busy}
            onCancel={() => setAdding(false)}
            onAdd={(item) => act(() => call('folderItemAdd', { folderId, item }), 'Item added to the folder.').then((ok) => ok && setAdding(false))}
            onMove={(vaultItemId) => act(() => call('folderItemMove', { folderId, vaultItemId }), 'Item moved into the folder (the vault copy is in the trash).').then((ok) => ok && setAdding(false))}
          />
        ) : (
          <button type="button" onClick={() => setAdding(true)}>
            Add item to folder
          </button>
        ))}

      <h3>Access record</h3>
      <button type="button" onClick={() => setRecord({ itemId: null })}>
        Show the folder’s access record
      </button>
      {record && <AccessRecord folderId={folderId} itemId={record.itemId} folderName={view.name} onClose={() => setRecord(null)} />}

      <div className="row danger-zone">
        <button type="button" disabled={busy} onClick={() => void act(async () => (await call('sharingSync', {}), call('folderSync', {})), 'Synced.')}>
          Sync now
        </button>
        {member && (
          <button
            type="button"
            disabled={busy}
            onClick={() => {
              if (!window.confirm(`Leave “${view.name}”? Its items leave this vault; a manager must add you again to get them back.`)) return;
              void act(() => call('folderLeave', { folderId }), 'You left the folder.').then((ok) => ok && onGone());
            }}
          >
            Leave folder
          </button>
        )}
        {isManager && (
          <button
            type="button"
            className="danger"
            disabled={busy}
            onClick={() => {
              if (!window.confirm(`Delete “${view.name}” for everyone? Its items are removed from every member’s Sealpass.`)) return;
              void act(() => call('folderDelete', { folderId }), 'Folder deleted.').then((ok) => ok && onGone());
            }}
          >
            Delete folder
          </button>
        )}
      </div>
    </section>
  );
}

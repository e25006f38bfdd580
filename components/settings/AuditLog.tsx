/**
 * The local audit log, newest first by the time each event happened (an event recorded late, like a receipt that
 * arrived after a revoke, is listed at its own time and marked), with a warning when its hash chain does not
 * verify, and a JSON export.
 */
import { useCallback, useEffect, useId, useState } from 'react';
import type { AuditEventType } from '../../lib/vault/model/audit-event';
import { orderAuditEvents, type OrderedAuditEvent } from './audit-order';
import { downloadFile } from '../kit/download-file';
import { errorText } from '../kit/error-text';
import { useVaultCall } from '../kit/use-vault-call';

const EVENT_TEXT: Record<AuditEventType, string> = {
  'vault-created': 'Vault created',
  'vault-unlocked': 'Vault unlocked',
  'vault-locked': 'Vault locked',
  'master-password-changed': 'Master password changed',
  'item-created': 'Item created',
  'item-edited': 'Item edited',
  'item-deleted': 'Item deleted',
  'item-restored': 'Item restored',
  'item-purged': 'Deleted item removed for good',
  'password-revealed': 'Password revealed',
  'password-copied': 'Password copied',
  'username-copied': 'Username copied',
  'totp-copied': 'TOTP code copied',
  'audit-exported': 'Audit log exported',
  'vault-exported-encrypted': 'Vault exported (encrypted)',
  'vault-exported-plain': 'Vault exported as plain CSV',
  'item-favourited': 'Marked as favourite',
  'item-unfavourited': 'Favourite removed',
  'unlock-failed': 'Unlock failed (wrong master password)',
  'sharing-registered': 'Registered for sharing',
  'sharing-relay-changed': 'Sharing relay changed',
  'sharing-handle-changed': 'Sharing handle changed',
  'contact-added': 'Contact added',
  'contact-verified': 'Contact verified',
  'contact-removed': 'Contact removed',
  'contact-key-changed': 'Contact’s key changed',
  'items-imported': 'Items imported',
  'item-replaced': 'Item replaced by import',
  'item-filled': 'Login filled',
  'share-created': 'Shared',
  'share-delivered': 'Share delivered',
  'share-accepted': 'Share accepted',
  'share-declined': 'Share declined',
  'share-opened': 'Shared item opened',
  'share-updated': 'Share updated',
  'share-revoked': 'Share revoked',
  'share-expired': 'Share expired',
  'link-created': 'One-time link created',
  'link-opened': 'One-time link opened',
  'link-revoked': 'One-time link revoked',
  'request-created': 'Secret requested',
  'request-answered': 'Answer to a request received',
  'request-answer-accepted': 'Answer to a request saved',
  'request-answer-declined': 'Answer to a request discarded',
  'request-revoked': 'Secret request withdrawn',
  'folder-created': 'Shared folder created',
  'folder-joined': 'Added to a shared folder',
  'folder-member-added': 'Person added to a shared folder',
  'folder-member-removed': 'Person removed from a shared folder',
  'folder-role-changed': 'Role changed in a shared folder',
  'folder-key-rotated': 'Shared folder key rotated',
  'folder-left': 'Left a shared folder',
  'folder-deleted': 'Shared folder deleted',
  'folder-item-moved': 'Item moved into a shared folder',
};

const timeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'medium' });

export function AuditLog() {
  const call = useVaultCall();
  const headingId = useId();
  const [events, setEvents] = useState<OrderedAuditEvent[] | null>(null);
  const [chainValid, setChainValid] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState('');

  const load = useCallback(async () => {
    const result = await call('auditList', {});
    if (!result.ok) {
      setError(errorText(result.error));
      return;
    }
    setError(null);
    setChainValid(result.chainValid);
    setEvents(orderAuditEvents(result.events));
  }, [call]);

  useEffect(() => {
    void load();
  }, [load]);

  async function exportJson() {
    setStatus('');
    const result = await call('auditExport', {});
    if (!result.ok) {
      setError(errorText(result.error));
      return;
    }
    const day = new Date().toISOString().slice(0, 10);
    downloadFile(result.json, `sealpass-audit-${day}.json`, 'application/json');
    setStatus('Exported.');
    await load();
  }

  return (
    <section className="audit-log" data-testid="audit-log" aria-labelledby={headingId}>
      <div className="section-head">
        <h2 id={headingId}>Audit log</h2>
        <button type="button" onClick={() => void exportJson()} disabled={events === null}>
          Export JSON
        </button>
      </div>
      <p className="status" role="status">
        {status}
      </p>
      {!chainValid && (
        <div className="banner banner-danger" role="alert">
          <strong>This log has been altered.</strong> Its hash chain does not verify: some events were changed,
          removed or reordered outside Sealpass.
        </div>
      )}
      {error !== null && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      {events === null && error === null && <p className="status">Loading…</p>}
      {events !== null && events.length === 0 && <p className="empty">No events yet.</p>}
      {events !== null && events.length > 0 && (
        <table className="events">
          <thead>
            <tr>
              <th scope="col">Time</th>
              <th scope="col">Event</th>
              <th scope="col">Item</th>
            </tr>
          </thead>
          <tbody>
            {events.map(({ event, late }) => (
              <tr key={event.seq} className={late ? 'late' : undefined}>
                <td>
                  <time dateTime={new Date(event.at).toISOString()}>{timeFormat.format(event.at)}</time>
                </td>
                <td>
                  {EVENT_TEXT[event.type]}
                  {event.party !== undefined && <span className="muted"> · {event.party}</span>}
                  {late && <span className="muted"> · arrived late, listed at the time it reports</span>}
                </td>
                <td>{event.itemTitle ?? (event.count === undefined ? '' : `${event.count.toLocaleString()} items`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

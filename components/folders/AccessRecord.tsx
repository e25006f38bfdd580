/**
 * The access record of a folder or one of its items: who had access when (from the signed membership log)
 * and the receipts members' clients reported, marked as self-reported; exported as JSON lines that anyone
 * holding the members' pinned keys can verify.
 */
import { useEffect, useState } from 'react';
import type { ResponseOf } from '../../lib/protocol/protocol';
import { downloadFile } from '../kit/download-file';
import { useVaultCall } from '../kit/use-vault-call';
import { folderErrorText, folderTime, ROLE_TEXT } from './folder-text';

type Record = ResponseOf<'folderAccessRecord'>;

const KIND_TEXT: { [K in Record['rows'][number]['kind']]: string } = {
  created: 'created the folder',
  added: 'added',
  role: 'access changed',
  removed: 'removed',
  left: 'left',
  rotated: 'key rotated',
  deleted: 'deleted the folder',
  ended: 'access ends',
  delivered: 'received',
  opened: 'opened',
  filled: 'filled',
};

export function AccessRecord({ folderId, itemId, folderName, onClose }: { folderId: string; itemId: string | null; folderName: string; onClose: () => void }) {
  const call = useVaultCall();
  const [record, setRecord] = useState<Record | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    void call('folderAccessRecord', itemId === null ? { folderId } : { folderId, itemId }).then((result) => {
      if (!result.ok) setError(folderErrorText(result.error));
      else setRecord(result);
    });
  }, [call, folderId, itemId]);

  return (
    <div className="access-record" role="region" aria-label="Access record">
      <p className="hint">
        Membership rows come from the folder’s signed log. Rows marked <em>self-reported</em> are receipts a member’s Sealpass signed and sent: they
        say what that client claims it did; a modified client can stay silent.
      </p>
      {error && <p role="alert" className="form-error">{error}</p>}
      {record && (
        <>
          <table>
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">Who</th>
                <th scope="col">What</th>
                <th scope="col">By</th>
                <th scope="col">Source</th>
              </tr>
            </thead>
            <tbody>
              {record.rows.map((row, i) => (
                <tr key={i}>
                  <td>{folderTime(row.at)}</td>
                  <td>{row.who}</td>
                  <td>
                    {KIND_TEXT[row.kind]}
                    {row.role && ` (${ROLE_TEXT[row.role].split(' (')[0]})`}
                    {row.itemTitle && `: ${row.itemTitle}`}
                  </td>
                  <td>{row.by}</td>
                  <td>{row.selfReported ? 'self-reported' : 'signed log'}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <button type="button" onClick={() => downloadFile(record.jsonl, `sealpass-folder-${folderName.replace(/[^A-Za-z0-9_-]+/g, '-')}-access.jsonl`, 'application/jsonl')}>
            Export (JSON lines)
          </button>
        </>
      )}
      <button type="button" onClick={onClose}>
        Close
      </button>
    </div>
  );
}

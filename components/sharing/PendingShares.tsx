/**
 * Shares waiting for an answer, above the item list (issue 17: a new share sat in the Inbox behind a click
 * nobody knew to make). One from a verified sender is accepted right here; any other goes through the Inbox,
 * where the sender's state is explained and an unverified one needs a confirmation (T01, T02).
 */
import { useState } from 'react';
import type { ResponseOf } from '../../lib/protocol/protocol';
import { PERMISSION_TEXT, sharingErrorText } from './sharing-text';
import { useVaultCall } from '../kit/use-vault-call';
import { useVaultTools } from '../kit/vault-context';

type Entry = ResponseOf<'inboxList'>['shares'][number];

export interface PendingSharesProps {
  entries: Entry[];
  /** An answer changed the list (the accepted item joins it). */
  onAnswered: () => void;
  onOpenInbox: () => void;
}

export function PendingShares({ entries, onAnswered, onOpenInbox }: PendingSharesProps) {
  const call = useVaultCall();
  const { showToast } = useVaultTools();
  const [busy, setBusy] = useState(false);
  if (entries.length === 0) return null;

  async function accept(entry: Entry) {
    setBusy(true);
    const result = await call('inboxAnswer', { id: entry.id, answer: 'accept', confirmedUnverified: false });
    setBusy(false);
    showToast({ text: result.ok ? `“${entry.title}” from ${entry.from} is now in your vault.` : sharingErrorText(result.error) });
    onAnswered();
  }

  return (
    <ul className="plain pending-shares" data-testid="pending-shares" aria-label="Shared with you, waiting for your answer">
      {entries.map((entry) => (
        <li key={entry.id} className="banner banner-info">
          <span>
            <strong>{entry.from}</strong> shared “{entry.title}” with you ({PERMISSION_TEXT[entry.permission].toLowerCase()}).
          </span>{' '}
          {entry.fromState === 'verified' ? (
            <button type="button" className="small primary" disabled={busy} onClick={() => void accept(entry)}>
              Accept “{entry.title}”
            </button>
          ) : (
            <button type="button" className="small" onClick={onOpenInbox}>
              Review in Inbox
            </button>
          )}
        </li>
      ))}
    </ul>
  );
}

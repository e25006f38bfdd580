/**
 * The recipient's notices of shares that ended (issue 17: an item just read "no longer available" after a
 * reload): who revoked which item, or that it expired, until dismissed. Dismissing remembers the newest
 * notice's audit sequence number in the settings, so a later end shows again.
 */
import { useCallback, useEffect, useState } from 'react';
import type { ResponseOf } from '../../lib/protocol/protocol';
import { subscribeVaultChange } from '../../lib/messaging/vault-change-event';
import { endedText } from './sharing-text';
import { useVaultCall } from '../kit/use-vault-call';

type Ended = ResponseOf<'receivedEndedList'>['ended'][number];

export function EndedNotices() {
  const call = useVaultCall();
  const [notices, setNotices] = useState<Ended[]>([]);

  const load = useCallback(async () => {
    const [ended, settings] = await Promise.all([call('receivedEndedList', {}), call('settingsGet', {})]);
    if (!ended.ok || !settings.ok) return;
    const seen = settings.settings.endedNoticesSeen ?? 0;
    setNotices(ended.ended.filter((e) => e.seq > seen));
  }, [call]);

  useEffect(() => {
    void load();
    return subscribeVaultChange((change) => change === 'items-changed' && void load());
  }, [load]);

  async function dismiss() {
    const newest = Math.max(...notices.map((n) => n.seq));
    setNotices([]);
    const current = await call('settingsGet', {});
    if (current.ok) await call('settingsSet', { settings: { ...current.settings, endedNoticesSeen: Math.max(newest, current.settings.endedNoticesSeen ?? 0) } });
  }

  if (notices.length === 0) return null;
  return (
    <div className="banner banner-warn" role="status" data-testid="ended-notices">
      <ul className="plain">
        {notices.map((n) => (
          <li key={n.seq}>{endedText(n)}</li>
        ))}
      </ul>
      <button type="button" className="link" onClick={() => void dismiss()}>
        Dismiss
      </button>
    </div>
  );
}

/**
 * The popup's "On this page" section: the logins matching the active tab's page, each with a Fill button.
 * Filling is started by the background with a one-time grant for that tab (S3); the popup then closes so the
 * page is in view. Shows nothing when the tab is not a web page or nothing matches.
 */
import { useEffect, useId, useState } from 'react';
import type { LoginChoice } from '../../lib/autofill/autofill-messages';
import { errorText } from '../kit/error-text';
import { useVaultCall } from '../kit/use-vault-call';
import { useVaultTools } from '../kit/vault-context';

/** Why nothing was filled, in the user's words. */
const OUTCOME_TEXT: Record<string, string> = {
  'no-form': 'No login form is visible on this page.',
  refused: 'This page’s form sends to another site, so Sealpass did not fill it.',
  failed: 'Sealpass could not fill this page.',
};

export function TabLogins() {
  const call = useVaultCall();
  const { showToast } = useVaultTools();
  const headingId = useId();
  const [tab, setTab] = useState<{ origin: string; logins: LoginChoice[] } | null>(null);

  useEffect(() => {
    let live = true;
    void call('autofillTabLogins', {}).then((r) => {
      if (live && r.ok && r.origin !== null && r.logins.length > 0) setTab({ origin: r.origin, logins: r.logins });
    });
    return () => {
      live = false;
    };
  }, [call]);

  if (tab === null) return null;

  async function fill(id: string) {
    const result = await call('autofillFillTab', { id });
    if (!result.ok) return showToast({ text: errorText(result.error) });
    // Filled, or the page shows its own menu to pick from: either way the page needs the user now.
    if (result.outcome === 'filled' || result.outcome === 'menu') return window.close();
    showToast({ text: OUTCOME_TEXT[result.outcome] ?? OUTCOME_TEXT.failed! });
  }

  return (
    <section className="tab-logins" data-testid="tab-logins" aria-labelledby={headingId}>
      <h2 id={headingId} className="tab-logins-title">
        On this page <span className="hint">{new URL(tab.origin).host}</span>
      </h2>
      <ul>
        {tab.logins.map((login) => (
          <li key={login.id}>
            <span className="item-text">
              <span className="item-title">{login.title}</span>
              {login.username !== '' && <span className="item-sub">{login.username}</span>}
            </span>
            <button type="button" className="primary" aria-label={`Fill ${login.title}`} onClick={() => void fill(login.id)}>
              Fill
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}

/**
 * The popup's current page: the logins saved for the active tab, and Fill. Asked when the popup opens
 * (the tab cannot change under an open popup) and again when the list changes (a share accepted there). Filling is started by the background with a one-time grant
 * for that tab (S3); the popup then closes so the page is in view.
 */
import { useCallback, useEffect, useState } from 'react';
import type { LoginChoice } from '../../lib/autofill/autofill-messages';
import { errorText } from '../kit/error-text';
import { useVaultCall } from '../kit/use-vault-call';
import type { ToastContent } from '../kit/vault-context';

/** Why nothing was filled, in the user's words. */
const OUTCOME_TEXT: Record<string, string> = {
  'no-form': 'No login form is visible on this page.',
  refused: 'This page’s form sends to another site, so Sealpass did not fill it.',
  failed: 'Sealpass could not fill this page.',
};

/** The active tab's origin and its saved logins; null until known, or when the tab is not a web page or nothing matches. */
export interface TabLoginsState {
  origin: string;
  logins: LoginChoice[];
}

/**
 * @param enabled - false on the vault page, whose own tab is the active one
 * @param refreshKey - asked again whenever this changes (the item list)
 * @param showToast - the vault view's own toast: this hook runs in the view that provides the tools context,
 *   so `useVaultTools()` here would get the context's default, which shows nothing
 * @returns the tab's logins and `fill(id)`, which fills one of them into the tab
 */
export function useTabLogins(enabled: boolean, refreshKey: unknown, showToast: (toast: ToastContent) => void): { tab: TabLoginsState | null; fill: (id: string) => Promise<void> } {
  const call = useVaultCall();
  const [tab, setTab] = useState<TabLoginsState | null>(null);

  useEffect(() => {
    if (!enabled) return;
    let live = true;
    void call('autofillTabLogins', {}).then((r) => {
      // Cleared when nothing matches any more: a refresh must not leave the previous tab's logins on show.
      if (live && r.ok) setTab(r.origin !== null && r.logins.length > 0 ? { origin: r.origin, logins: r.logins } : null);
    });
    return () => {
      live = false;
    };
  }, [call, enabled, refreshKey]);

  const fill = useCallback(
    async (id: string) => {
      const result = await call('autofillFillTab', { id });
      if (!result.ok) return showToast({ text: errorText(result.error) });
      // Filled, or the page shows its own menu to pick from: either way the page needs the user now.
      if (result.outcome === 'filled' || result.outcome === 'menu') return window.close();
      showToast({ text: OUTCOME_TEXT[result.outcome] ?? OUTCOME_TEXT.failed! });
    },
    [call, showToast],
  );

  return { tab, fill };
}

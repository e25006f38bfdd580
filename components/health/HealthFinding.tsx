/**
 * One Health finding: the item (opens it), what is wrong, and the ways to fix it — a fresh password that
 * fits the site's rules, saved into the item in one click (the old one goes to its history), and the
 * site's change-password page next to it.
 */
import { useState, type ReactNode } from 'react';
import type { HealthItem } from '../../lib/health/health-report-schema';
import { errorText } from '../kit/error-text';
import { generateForRules } from '../kit/generate-for-rules';
import { useCopy } from '../kit/use-copy';
import { useVaultCall } from '../kit/use-vault-call';
import { useVaultTools } from '../kit/vault-context';

export interface HealthFindingProps {
  item: HealthItem;
  /** What is wrong, in words. */
  detail: ReactNode;
  onOpenItem: (id: string) => void;
  /** Extra actions (snooze). */
  children?: ReactNode;
  /** A new password was saved into the item: the report should be made again. */
  onChanged?: () => void;
}

/** The host of a saved address, for a compact line; the address itself when it does not parse. */
function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

export function HealthFinding({ item, detail, onOpenItem, children, onChanged }: HealthFindingProps) {
  const copy = useCopy();
  const call = useVaultCall();
  const { showToast } = useVaultTools();
  const [generated, setGenerated] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);

  async function saveToItem(password: string) {
    setBusy(true);
    const result = await call('healthSetPassword', { id: item.id, password });
    setBusy(false);
    if (!result.ok) {
      showToast({ text: errorText(result.error) });
      return;
    }
    setSaved(true);
    showToast({ text: `Saved the new password in “${item.title}”; the old one is in its history.` });
    onChanged?.();
  }
  const sub = [item.username, item.url === '' ? '' : hostOf(item.url)].filter((s) => s !== '').join(' · ');
  return (
    <li className="finding" data-testid="health-finding" data-item-id={item.id}>
      <div className="finding-text">
        <button type="button" className="link finding-title" onClick={() => onOpenItem(item.id)}>
          {item.title}
        </button>
        {sub !== '' && <span className="item-sub">{sub}</span>}
        <span className="finding-detail">{detail}</span>
      </div>
      <div className="finding-actions">
        <button
          type="button"
          className="small"
          aria-expanded={generated !== null}
          onClick={() => {
            setSaved(false);
            setGenerated(generateForRules(item.passwordRules));
          }}
          title={item.passwordRules ? `Fits this site's rules: ${item.passwordRules}` : undefined}
        >
          {generated === null ? 'New password' : 'Another'}
        </button>
        {/* Once a new password is shown, "Change on site" sits next to it instead. */}
        {item.changePasswordUrl !== null && generated === null && (
          <a className="button small" href={item.changePasswordUrl} target="_blank" rel="noopener noreferrer">
            Change on site
          </a>
        )}
        {children}
      </div>
      {generated !== null && (
        <div className="finding-generated">
          <output className="generated" aria-label={`New password for ${item.title}`}>{generated}</output>
          <button type="button" className="small" onClick={() => void copy(null, 'password', generated, { label: 'New password' })}>
            Copy
          </button>
          <button type="button" className="small primary" disabled={busy || saved} onClick={() => void saveToItem(generated)}>
            {saved ? 'Saved to item' : 'Save to item'}
          </button>
          {item.changePasswordUrl !== null && (
            <a className="button small" href={item.changePasswordUrl} target="_blank" rel="noopener noreferrer">
              Change on site
            </a>
          )}
          <p className="hint">
            {item.passwordRules ? 'Fits the rules Apple’s password-manager resources list for this site. ' : ''}
            Save it to the item, then set it on the site with “Change on site” (copy it from here or from the item).
            The old password stays in the item’s history until the site has the new one.
          </p>
        </div>
      )}
    </li>
  );
}

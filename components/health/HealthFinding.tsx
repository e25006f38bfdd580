/** One Health finding: the item (opens it), what is wrong, and the ways to fix it — a fresh password that fits the site's rules, the site's change-password page. */
import { useState, type ReactNode } from 'react';
import type { HealthItem } from '../../lib/health/health-report-schema';
import { generateForRules } from '../kit/generate-for-rules';
import { useCopy } from '../kit/use-copy';

export interface HealthFindingProps {
  item: HealthItem;
  /** What is wrong, in words. */
  detail: ReactNode;
  onOpenItem: (id: string) => void;
  /** Extra actions (snooze). */
  children?: ReactNode;
}

/** The host of a saved address, for a compact line; the address itself when it does not parse. */
function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

export function HealthFinding({ item, detail, onOpenItem, children }: HealthFindingProps) {
  const copy = useCopy();
  const [generated, setGenerated] = useState<string | null>(null);
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
          onClick={() => setGenerated(generateForRules(item.passwordRules))}
          title={item.passwordRules ? `Fits this site's rules: ${item.passwordRules}` : undefined}
        >
          {generated === null ? 'New password' : 'Another'}
        </button>
        {item.changePasswordUrl !== null && (
          <a className="button small" href={item.changePasswordUrl} target="_blank" rel="noopener noreferrer">
            Change on site
          </a>
        )}
        {children}
      </div>
      {generated !== null && (
        <div className="finding-generated">
          <output className="generated" aria-label={`New password for ${item.title}`}>{generated}</output>
          <button type="button" className="small" onClick={() => void copy(null, 'password', generated)}>
            Copy
          </button>
          <p className="hint">
            {item.passwordRules ? 'Fits the rules Apple’s password-manager resources list for this site. ' : ''}
            Change it on the site first, then paste it into the item and save.
          </p>
        </div>
      )}
    </li>
  );
}

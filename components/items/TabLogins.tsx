/** The popup's "On this page" section: the logins matching the active tab's page (useTabLogins), each with a Fill button. Shows nothing when none match. */
import { useId } from 'react';
import type { TabLoginsState } from './use-tab-logins';

export interface TabLoginsProps {
  tab: TabLoginsState | null;
  onFill: (id: string) => void;
}

export function TabLogins({ tab, onFill }: TabLoginsProps) {
  const headingId = useId();
  if (tab === null) return null;
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
            <button type="button" className="primary" aria-label={`Fill ${login.title}`} onClick={() => onFill(login.id)}>
              Fill
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}

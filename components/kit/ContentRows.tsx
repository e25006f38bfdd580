/** The detail rows an owned item and a received one both show: login fields, websites, notes and custom fields. */
import type { ReactNode } from 'react';
import type { ItemContent } from '../../lib/vault/model/item-schema';
import { SecretValue } from './SecretValue';
import { useCopy } from './use-copy';

/** Only web addresses are opened: a saved `javascript:` or `file:` URL must never run from our page. */
export function isWebUrl(url: string): boolean {
  try {
    const { protocol } = new URL(url);
    return protocol === 'https:' || protocol === 'http:';
  } catch {
    return false;
  }
}

export interface ContentRowsProps {
  id: string;
  content: ItemContent;
  /** Records a reveal before a secret is shown; resolves `false` to keep it hidden. */
  onReveal: () => Promise<boolean>;
  /**
   * An autofill-only share: the note shown where the password would be. Hidden custom fields then get
   * no Reveal either, since the background never sent their values.
   */
  withheldNote?: ReactNode;
  /** Shown under the list of websites (how widely the login fills). */
  websitesHint?: ReactNode;
  /** Further login rows, after the websites (the one-time code). */
  loginExtra?: ReactNode;
}

/** Renders the rows inside the caller's `<dl className="details">`, which adds its own rows after them. */
export function ContentRows({ id, content, onReveal, withheldNote, websitesHint, loginExtra }: ContentRowsProps) {
  const copy = useCopy();
  const withheld = withheldNote !== undefined;
  return (
    <>
      {content.type === 'login' && (
        <>
          <div className="row">
            <dt>Username</dt>
            <dd>
              {content.username !== '' ? (
                <>
                  <span className="value">{content.username}</span>
                  <button type="button" className="small" onClick={() => void copy(id, 'username', content.username)}>
                    Copy username
                  </button>
                </>
              ) : (
                <span className="muted">None</span>
              )}
            </dd>
          </div>
          <div className="row">
            <dt>Password</dt>
            <dd>
              {withheld ? (
                withheldNote
              ) : content.password !== '' ? (
                <>
                  <SecretValue value={content.password} onReveal={onReveal} />
                  <button type="button" className="small" onClick={() => void copy(id, 'password', content.password)}>
                    Copy password
                  </button>
                </>
              ) : (
                <span className="muted">None</span>
              )}
            </dd>
          </div>
          {content.urls.length > 0 && (
            <div className="row">
              <dt>{content.urls.length === 1 ? 'Website' : 'Websites'}</dt>
              <dd>
                <ul className="plain">
                  {content.urls.map((url) => (
                    <li key={url}>
                      <span className="value url">{url}</span>
                      {isWebUrl(url) && (
                        <button type="button" className="small" aria-label={`Open ${url}`} onClick={() => window.open(url, '_blank', 'noopener')}>
                          Open
                        </button>
                      )}
                    </li>
                  ))}
                </ul>
                {websitesHint}
              </dd>
            </div>
          )}
          {loginExtra}
        </>
      )}
      {content.notes !== '' && (
        <div className="row">
          <dt>Notes</dt>
          <dd className="notes">{content.notes}</dd>
        </div>
      )}
      {content.fields.map((field, i) => (
        <div className="row" key={`${i}-${field.name}`}>
          <dt>{field.name}</dt>
          <dd>
            {field.hidden ? withheld ? <span className="muted">Hidden (autofill only)</span> : <SecretValue value={field.value} name={field.name} onReveal={onReveal} /> : <span className="value">{field.value}</span>}
          </dd>
        </div>
      ))}
    </>
  );
}

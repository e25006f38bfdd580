/** A just-created link or request: its URL to copy, once, with what to do with it. */
import { useId, useState } from 'react';

export interface CreatedLinkProps {
  url: string;
  /** What to tell the user about sending it. */
  hint: string;
}

export function CreatedLink({ url, hint }: CreatedLinkProps) {
  const id = useId();
  const [copied, setCopied] = useState(false);
  async function copy() {
    try {
      await navigator.clipboard.writeText(url);
      setCopied(true);
    } catch {
      setCopied(false);
    }
  }
  return (
    <div className="created-link" data-testid="created-link">
      <label htmlFor={id}>Link</label>
      <input id={id} readOnly value={url} onFocus={(e) => e.target.select()} data-testid="created-link-url" />
      <div className="actions">
        <button type="button" onClick={() => void copy()}>
          {copied ? 'Copied' : 'Copy link'}
        </button>
      </div>
      <p className="hint">{hint}</p>
    </div>
  );
}

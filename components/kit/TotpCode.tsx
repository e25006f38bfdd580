/** The current one-time code of a login, asked from the background on demand, with Copy. */
import { useState } from 'react';
import { errorText } from './error-text';
import { useCopy } from './use-copy';
import { useVaultCall } from './use-vault-call';

export interface TotpCodeProps {
  id: string;
  /** A login shared with this vault: its code comes from the received copy (issue 17). */
  received?: boolean;
}

/** Shows "Show code" until asked, then the code and how many seconds it stays valid. */
export function TotpCode({ id, received = false }: TotpCodeProps) {
  const call = useVaultCall();
  const copy = useCopy();
  const [code, setCode] = useState<{ code: string; secondsLeft: number } | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function fetchCode() {
    const result = received ? await call('receivedTotp', { id }) : await call('itemTotp', { id });
    if (!result.ok) {
      setError(errorText(result.error));
      return null;
    }
    setError(null);
    setCode({ code: result.code, secondsLeft: result.secondsLeft });
    return result.code;
  }

  async function copyCode() {
    const current = await fetchCode();
    if (current !== null) await copy(id, 'totp', current);
  }

  return (
    <span className="totp">
      {code !== null && (
        <span className="value mono" aria-label="One-time code">
          {code.code} <span className="muted">({code.secondsLeft} s)</span>
        </span>
      )}
      <button type="button" className="small" onClick={() => void fetchCode()}>
        {code === null ? 'Show code' : 'Refresh code'}
      </button>
      <button type="button" className="small" onClick={() => void copyCode()}>
        Copy code
      </button>
      {error !== null && <span role="alert" className="error">{error}</span>}
    </span>
  );
}

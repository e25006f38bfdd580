/**
 * Checks an access-record export (a .jsonl file someone sent) with the keys this vault has pinned: yours and
 * your contacts'. Says what verified, or why not.
 */
import { useId, useState } from 'react';
import { useVaultCall } from '../kit/use-vault-call';
import { folderErrorText } from './folder-text';

export function VerifyExport() {
  const call = useVaultCall();
  const inputId = useId();
  const [result, setResult] = useState<string | null>(null);

  async function check(file: File | undefined) {
    if (!file) return;
    const reply = await call('folderAccessVerify', { jsonl: await file.text() });
    if (!reply.ok) return setResult(folderErrorText(reply.error));
    setResult(
      reply.verified
        ? `Verified with your pinned keys: ${reply.people} people, ${reply.periods} access periods, ${reply.receipts} self-reported receipts.`
        : reply.problem,
    );
  }

  return (
    <div className="verify-export">
      <label htmlFor={inputId}>Verify an exported access record (JSON lines)</label>
      <input id={inputId} type="file" accept=".jsonl,application/jsonl,text/plain" onChange={(e) => void check(e.target.files?.[0])} />
      {result && <p role="status">{result}</p>}
    </div>
  );
}

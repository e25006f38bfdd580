/** After an import: what happened, and why the plain file must now be deleted. */
import { useId } from 'react';
import { summaryText, type ImportOutcome } from './import-text';

export interface ImportDoneProps {
  fileName: string;
  outcome: ImportOutcome;
  onAnother: () => void;
}

export function ImportDone({ fileName, outcome, onAnother }: ImportDoneProps) {
  const headingId = useId();
  return (
    <section className="import-done" data-testid="import-done" aria-labelledby={headingId}>
      <h3 id={headingId}>Import finished</h3>
      <p role="status">{summaryText(outcome)}</p>
      <div className="warning" role="note" data-testid="import-delete-reminder">
        <p>
          <strong>Now delete “{fileName}”.</strong> It holds your passwords in plain text: anyone who gets the file can read every
          one of them, with no master password. A copy may also sit in your Downloads folder, in the trash, and in backups or
          synced folders (Dropbox, iCloud Drive, OneDrive, Google Drive) that picked it up.
        </p>
        <p>Delete it, empty the trash, and remove it from any synced folder. The passwords are now safe in your encrypted vault.</p>
      </div>
      <div className="actions">
        <button type="button" onClick={onAnother}>
          Import another file
        </button>
      </div>
    </section>
  );
}

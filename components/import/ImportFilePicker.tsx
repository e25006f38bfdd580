/**
 * Where the import starts: a file input, and a zone a file can be dropped on. Reads nothing itself. The
 * browser's own input would say "No file chosen" again after each read (it is cleared so the same file can
 * be chosen twice), so it is hidden behind its label, styled as a button, and the loaded file is named here.
 */
import { useId, useState, type DragEvent } from 'react';

export interface ImportFilePickerProps {
  onFile: (file: File) => void;
  /** The file being read or reviewed; `null` before any. */
  fileName: string | null;
  disabled?: boolean;
}

export function ImportFilePicker({ onFile, fileName, disabled = false }: ImportFilePickerProps) {
  const inputId = useId();
  const [over, setOver] = useState(false);

  function drop(event: DragEvent<HTMLDivElement>) {
    event.preventDefault();
    setOver(false);
    const file = event.dataTransfer.files[0];
    if (file && !disabled) onFile(file);
  }

  return (
    <div
      className={`drop-zone${over ? ' drop-zone-over' : ''}`}
      data-testid="import-drop-zone"
      onDragOver={(event) => {
        event.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={drop}
    >
      <div className="file-choice">
        <input
          id={inputId}
          className="visually-hidden"
          type="file"
          accept=".csv,.tsv,.txt,.json,text/csv,application/json"
          disabled={disabled}
          onChange={(event) => {
            const file = event.target.files?.[0];
            // Cleared so choosing the same file again (after fixing it) is noticed.
            event.target.value = '';
            if (file) onFile(file);
          }}
        />
        <label htmlFor={inputId} className="button">
          Choose a file to import
        </label>
        <span className="muted" data-testid="import-file-name" aria-live="polite">
          {fileName === null ? 'No file chosen yet' : `Loaded: “${fileName}”`}
        </span>
      </div>
      <p className="hint">or drop it here. CSV from Bitwarden, 1Password (7 or 8), LastPass, Chrome or Edge, Firefox, KeePassXC, any spreadsheet saved as CSV, or Bitwarden’s unencrypted JSON.</p>
    </div>
  );
}

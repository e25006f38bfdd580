/** Where the import starts: a file input, and a zone a file can be dropped on. Reads nothing itself. */
import { useId, useState, type DragEvent } from 'react';

export interface ImportFilePickerProps {
  onFile: (file: File) => void;
  disabled?: boolean;
}

export function ImportFilePicker({ onFile, disabled = false }: ImportFilePickerProps) {
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
      <label htmlFor={inputId}>Choose a file to import</label>
      <input
        id={inputId}
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
      <p className="hint">or drop it here. CSV from Bitwarden, 1Password, LastPass, Chrome or Edge, Firefox, KeePassXC, any spreadsheet saved as CSV, or Bitwarden’s unencrypted JSON.</p>
    </div>
  );
}

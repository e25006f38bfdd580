/** The vault page's Export panel: the encrypted export, the plain CSV export behind its warning, and restoring an encrypted export. */
import { useId } from 'react';
import { EncryptedExport } from './EncryptedExport';
import { PlainExport } from './PlainExport';
import { RestoreExport } from './RestoreExport';

export interface ExportViewProps {
  onRestored: () => void;
}

export function ExportView({ onRestored }: ExportViewProps) {
  const headingId = useId();
  return (
    <section className="export-view" data-testid="export-view" aria-labelledby={headingId}>
      <h2 id={headingId}>Export and restore</h2>
      <EncryptedExport />
      <PlainExport />
      <RestoreExport onRestored={onRestored} />
    </section>
  );
}

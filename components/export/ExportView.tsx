/** The vault page's Export panel: the encrypted export and the plain CSV export behind its warning (restoring is under Import). */
import { useId } from 'react';
import { EncryptedExport } from './EncryptedExport';
import { PlainExport } from './PlainExport';

export function ExportView() {
  const headingId = useId();
  return (
    <section className="export-view" data-testid="export-view" aria-labelledby={headingId}>
      <h2 id={headingId}>Export</h2>
      <p className="hint">To bring a Sealpass export back, use Import.</p>
      <EncryptedExport />
      <PlainExport />
    </section>
  );
}

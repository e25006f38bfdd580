/** The warning shown after unlock when stored items or sharing records do not match the vault's authenticated manifest (S2, S8, T09). */
import type { IntegrityReport } from '../../lib/vault/model/integrity-report';

/** One sentence per non-empty list of the report; empty when the vault is intact. */
export function integrityProblems(report: IntegrityReport): string[] {
  const count = (n: number, one: string, many: string) => (n === 1 ? one : many.replace('#', String(n)));
  const problems: string[] = [];
  if (report.missing.length > 0) problems.push(count(report.missing.length, '1 item is missing.', '# items are missing.'));
  if (report.unexpected.length > 0) problems.push(count(report.unexpected.length, '1 unexpected item was found.', '# unexpected items were found.'));
  if (report.rolledBack.length > 0) problems.push(count(report.rolledBack.length, '1 item was rolled back to an older version.', '# items were rolled back to older versions.'));
  if (report.quarantined.length > 0) problems.push(count(report.quarantined.length, '1 item could not be decrypted.', '# items could not be decrypted.'));
  if (report.damagedOverviews.length > 0) {
    problems.push(count(report.damagedOverviews.length, 'Part of the item list was damaged; its items were read one by one.', '# parts of the item list were damaged; their items were read one by one.'));
  }
  const records = report.records;
  if (records) {
    // Sharing's contacts, shares and relay operations (T09): refused wherever they would be used.
    if (records.missing.length > 0) problems.push(count(records.missing.length, '1 sharing record is missing.', '# sharing records are missing.'));
    if (records.unexpected.length > 0) problems.push(count(records.unexpected.length, '1 unexpected sharing record was found; it is not used.', '# unexpected sharing records were found; they are not used.'));
    if (records.rolledBack.length > 0) problems.push(count(records.rolledBack.length, '1 sharing record was rolled back to an older version; it is not used.', '# sharing records were rolled back to older versions; they are not used.'));
    if (records.quarantined.length > 0) problems.push(count(records.quarantined.length, '1 sharing record could not be opened.', '# sharing records could not be opened.'));
  }
  return problems;
}

export interface IntegrityBannerProps {
  report: IntegrityReport;
  onDismiss: () => void;
}

export function IntegrityBanner({ report, onDismiss }: IntegrityBannerProps) {
  const problems = integrityProblems(report);
  if (problems.length === 0) return null;
  return (
    <div className="banner banner-danger" role="alert" data-testid="integrity-warning">
      <strong>Some of your vault's stored data is not as Sealpass left it.</strong>
      <ul>
        {problems.map((p) => (
          <li key={p}>{p}</li>
        ))}
      </ul>
      <p>Everything else works normally. If you did not restore a backup, the browser's storage may be damaged or have been tampered with.</p>
      <button type="button" onClick={onDismiss}>
        Dismiss warning
      </button>
    </div>
  );
}

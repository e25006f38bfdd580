/**
 * A safety number laid out to be compared aloud or side by side (issue 17: 60 digits in one line were hard
 * to compare): numbered groups of five digits in rows of three, read as "1: 30952, 2: 81274, …".
 */
export interface SafetyNumberProps {
  /** Groups of five digits separated by single spaces (lib/sharing/identity/safety-number). */
  digits: string;
  testId?: string;
}

export function SafetyNumber({ digits, testId = 'safety-number' }: SafetyNumberProps) {
  const groups = digits.split(' ');
  return (
    <div className="safety-number">
      {/* The whole number as one string, for copying and for the tests; the grid below is for reading. */}
      <code className="visually-hidden" data-testid={testId}>
        {digits}
      </code>
      <ol className="safety-grid" aria-label="Safety number, in groups of five digits">
        {groups.map((group, i) => (
          <li key={i}>
            <span className="group-index" aria-hidden="true">
              {i + 1}
            </span>
            <code className="digits">{group}</code>
          </li>
        ))}
      </ol>
    </div>
  );
}

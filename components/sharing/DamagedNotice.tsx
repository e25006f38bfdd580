/** The notice a sharing list shows when some of its stored records could not be opened and were left out (S8). */
import { damagedText, type DamagedKind } from './sharing-text';

export interface DamagedNoticeProps {
  kind: DamagedKind;
  /** Records left out; nothing is shown for 0. */
  count: number;
}

export function DamagedNotice({ kind, count }: DamagedNoticeProps) {
  const text = damagedText(kind, count);
  if (text === null) return null;
  return (
    <p className="banner banner-warn" role="status" data-testid="damaged-notice">
      {text}
    </p>
  );
}

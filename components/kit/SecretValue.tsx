/** A secret shown as dots until the user asks; the reveal can be refused by `onReveal` (the audit log must record it first). */
import { useState } from 'react';

export interface SecretValueProps {
  value: string;
  /** Appended to the button's name ("Reveal API key"); without it the buttons are plain "Reveal" / "Hide". */
  name?: string;
  /** Called before showing; resolve `false` to keep the value hidden. */
  onReveal?: () => Promise<boolean>;
}

export function SecretValue({ value, name, onReveal }: SecretValueProps) {
  const [shown, setShown] = useState(false);
  const [busy, setBusy] = useState(false);

  async function toggle() {
    if (shown) {
      setShown(false);
      return;
    }
    if (onReveal !== undefined) {
      setBusy(true);
      const allowed = await onReveal();
      setBusy(false);
      if (!allowed) return;
    }
    setShown(true);
  }

  const verb = shown ? 'Hide' : 'Reveal';
  return (
    <span className="secret">
      {shown ? (
        <code className="secret-value">{value}</code>
      ) : (
        // A fixed number of dots: the mask must not give away the length.
        <span className="masked">
          <span aria-hidden="true">••••••••</span>
          <span className="visually-hidden">hidden</span>
        </span>
      )}
      <button type="button" className="small" disabled={busy} aria-label={name === undefined ? undefined : `${verb} ${name}`} onClick={() => void toggle()}>
        {verb}
      </button>
    </span>
  );
}

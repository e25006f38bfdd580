/** A labelled form control with its hint and error beneath it, wired with aria-describedby so both are read out. */
import { useId, type ReactNode } from 'react';

/** Props handed to the control: spread them onto the input. */
export interface ControlProps {
  id: string;
  'aria-describedby'?: string;
  'aria-invalid'?: true;
}

export interface FieldProps {
  label: ReactNode;
  error?: string | undefined;
  hint?: ReactNode;
  className?: string;
  children: (control: ControlProps) => ReactNode;
}

export function Field({ label, error, hint, className, children }: FieldProps) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hint !== undefined ? hintId : '', error ? errorId : ''].filter((s) => s !== '').join(' ');
  const control: ControlProps = { id };
  if (describedBy !== '') control['aria-describedby'] = describedBy;
  if (error) control['aria-invalid'] = true;
  return (
    <div className={className ? `field ${className}` : 'field'}>
      <label htmlFor={id}>{label}</label>
      {children(control)}
      {hint !== undefined && <div id={hintId} className="hint">{hint}</div>}
      {error && <p id={errorId} className="field-error">{error}</p>}
    </div>
  );
}

/** Moves focus to the first control marked invalid inside `root`, so a failed submit shows where to look. */
export function focusFirstInvalid(root: HTMLElement | null): void {
  root?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
}

/**
 * What form detection reports: the contract between the detector (`detect-forms.ts`) and everything that
 * fills, offers the inline menu, or offers to save. Pure data about DOM nodes; no secrets.
 */

/** The role of one credential field. Username covers email and phone identifiers. */
export type FieldRole = 'username' | 'current-password' | 'new-password' | 'confirm-password' | 'otp';

/** What a form (or a formless group of inputs) is for. */
export type FormKind =
  | 'login'
  | 'username-step'
  | 'password-step'
  | 'signup'
  | 'change-password'
  | 'password-reset'
  | 'otp'
  | 'none';

/** One classified input. Split one-time-code inputs (6 × maxlength=1) are one field with several elements. */
export interface DetectedField {
  role: FieldRole;
  elements: HTMLInputElement[];
}

/** One form or formless group, with its classified credential fields in DOM order. */
export interface DetectedForm {
  kind: FormKind;
  /** The `<form>`, or the nearest container grouping a formless form's inputs. */
  container: Element;
  fields: DetectedField[];
  /** The submit-like button, when one was found. */
  submit: HTMLElement | null;
}

/**
 * Form detection: finds the login, sign-up, change-password, password-reset and one-time-code forms of a
 * document or open shadow root, with the role of each credential field. Pure DOM reading; fills nothing.
 * The content script runs in every frame, so each frame detects its own document.
 */
import { classifyField } from './classify-field';
import { classifyForm } from './classify-form';
import { collectDetectionControls } from './collect-detection-controls';
import type { DetectedForm } from './form-types';
import { groupFields } from './group-fields';
import { isFieldVisible } from './is-field-visible';
import { splitRepeatedLogins } from './split-repeated-logins';

/** Options for `detectForms`. */
export interface DetectFormsOptions {
  /** Visibility rule for candidate inputs; default `isFieldVisible` (computed style and layout box). */
  isVisible?: (el: HTMLElement) => boolean;
}

/**
 * Detects the forms under `root`, including inputs inside open shadow roots, formless single-page-app forms
 * (grouped by their nearest common container) and dialogs. Hidden fields are never reported. Groups with no
 * credential field (search, newsletter, contact, checkout forms) come back with kind `none` and no fields; a
 * password-reset request form comes back as `password-reset` with no fields, so that nothing fills it.
 * Style and layout are read only for candidate inputs: a 5,000-element page takes about a millisecond.
 *
 * @param root - the document (or an open shadow root) to scan
 * @param options - see `DetectFormsOptions`
 * @returns the forms in document order, each with its fields in document order
 * @example
 *   const login = detectForms(document).find((form) => form.kind === 'login');
 *   login?.fields.find((field) => field.role === 'current-password')?.elements[0];
 */
export function detectForms(root: Document | ShadowRoot, options: DetectFormsOptions = {}): DetectedForm[] {
  const groups = groupFields(collectDetectionControls(root), options.isVisible ?? isFieldVisible);
  return groups.flatMap((group) =>
    splitRepeatedLogins(group, group.inputs.map(classifyField)).map(([part, traits]) => classifyForm(part, traits)),
  );
}

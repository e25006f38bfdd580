/**
 * Filling in one frame (S7): offers the inline menu when a credential field gets the focus, fills after a
 * trusted pick in it, and answers the background's fill requests (shortcut, context menu, popup, each with a
 * one-time grant). Nothing fills on page load. Each frame runs its own copy; the background decides each
 * frame's origin. Only visible fields of the chosen form are filled, never into a form that posts to another
 * origin, and a fill is undone if the form's action changes afterwards (T15, T18).
 */
import { askBackground } from './ask-background';
import { detectForms } from '../detect/detect-forms';
import { fillForm } from './fill-form';
import type { FillOutcome, FillRequest } from '../../fill-request';
import type { DetectedForm } from '../detect/form-types';
import { guardFilledForm } from './guard-filled-form';
import { openInlineMenu, type InlineMenu } from './inline-menu';
import { listenForFillRequests } from './listen-fill-requests';
import { planFill } from './plan-fill';
import { postsToOtherOrigin } from './posts-to-other-origin';
import type { LoginChoice } from '../../autofill-messages';

/** A field the user is in (or would be), the form it belongs to and the field's role there. */
interface Target {
  field: HTMLInputElement;
  form: DetectedForm;
  role?: string;
}

/** Roles whose focus offers the menu. New passwords are the generator's. */
const MENU_ROLES: readonly (string | undefined)[] = ['username', 'current-password', 'otp'];
/** Roles whose focus offers the generator (its menu is drawn on demand, see start-save-flow). */
const GENERATOR_ROLES: readonly (string | undefined)[] = ['new-password', 'confirm-password'];

/** What filling tells the rest of the content script. */
export interface AutofillOptions {
  /** A new-password or confirm-password field got the focus (detection already ran for it). */
  onNewPassword?: () => void;
}

/**
 * Starts filling in `doc`'s frame, for the frame's lifetime (a content script has no teardown).
 * @example startAutofill(document, { onNewPassword: () => askForGenerator() });
 */
export function startAutofill(doc: Document, options: AutofillOptions = {}): void {
  const view = doc.defaultView;
  if (!view) return;
  const origin = view.location.origin;
  let menu: InlineMenu | null = null;
  let last: Target | null = null;
  /** True while we move the focus ourselves, so our own focus events do not reopen the menu. */
  let filling = false;
  let unguard = () => {};

  const targetOf = (input: HTMLInputElement): Target | null => {
    for (const form of detectForms(doc)) {
      const role = form.fields.find((f) => f.elements.includes(input))?.role;
      if (role) return { field: input, form, role };
    }
    return null;
  };
  const canFill = (target: Target | null) => target !== null && planFill(target.form).fields.length > 0;

  const showMenu = (target: Target, logins: readonly LoginChoice[], confirmOrigin: string | null, message?: string) => {
    menu?.close();
    const opened = openInlineMenu({
      field: target.field,
      logins,
      confirmOrigin,
      message,
      onPick: (id, confirmedOrigin) => void fillWith(target, id, undefined, confirmedOrigin),
      onNeverHere: () => void askBackground('autofillNeverHere', {}),
      onClose: () => {
        if (menu === opened) menu = null;
      },
    });
    menu = opened;
  };
  /** The menu with only a message: why nothing was filled (never naming what would have been). */
  const explain = (target: Target, message: string) => showMenu(target, [], null, message);

  const fillWith = async (target: Target, id: string, grant?: string, confirmedOrigin?: string): Promise<FillOutcome> => {
    if (postsToOtherOrigin(target.form.container, origin)) {
      explain(target, 'This form sends what you type to another site, so Sealpass did not fill it.');
      return 'refused';
    }
    const plan = planFill(target.form);
    if (plan.fields.length === 0) return 'no-form';
    // An absent grant or origin is left out by the browser's message serialisation (or kept as undefined, which
    // the background's optional fields accept).
    const reply = await askBackground('autofillFill', { id, fields: plan.fields, grant, confirmedOrigin });
    if (!reply.ok) {
      explain(target, reply.message);
      return 'failed';
    }
    filling = true;
    let filled: HTMLInputElement[];
    try {
      filled = fillForm(plan, reply);
      if (target.field.isConnected) target.field.focus({ preventScroll: true });
    } finally {
      filling = false;
    }
    unguard();
    unguard = guardFilledForm(target.form.container, filled, origin);
    // No code field here: the background puts the login's code (if it has one) on the clipboard through the
    // prompts script, and clears it after a while.
    if (plan.otp.length === 0 && (filled as (HTMLInputElement | null)[]).includes(plan.password)) void askBackground('autofillCopyTotp', { id });
    return filled.length > 0 ? 'filled' : 'failed';
  };

  const offerMenu = async (target: Target) => {
    if (!canFill(target)) return;
    const reply = await askBackground('autofillQuery', {});
    // The user may have moved on while the background answered.
    if (reply.ok && reply.state === 'unlocked' && reply.inlineMenu && reply.logins.length > 0 && deepActiveElement(doc) === target.field && !filling) {
      showMenu(target, reply.logins, reply.crossOrigin ? reply.frameOrigin : null);
    }
  };

  const focusOn = (input: EventTarget | null | undefined) => {
    if (filling || !(input instanceof view.HTMLInputElement)) return;
    const target = targetOf(input);
    if (GENERATOR_ROLES.includes(target?.role)) options.onNewPassword?.();
    if (target && MENU_ROLES.includes(target.role)) void offerMenu((last = target));
  };

  /** Where a fill request goes: the focused credential field, else the last one, else the first fillable form. */
  const requestTarget = (): Target | null => {
    const active = deepActiveElement(doc);
    for (const input of [active instanceof view.HTMLInputElement ? active : null, last?.field.isConnected ? last.field : null]) {
      const target = input && targetOf(input);
      if (target && canFill(target)) return target;
    }
    for (const form of detectForms(doc)) {
      const plan = planFill(form);
      const field = plan.username ?? plan.password ?? plan.otp[0];
      if (field) return { field, form };
    }
    return null;
  };

  const answer = async (request: FillRequest, target: Target): Promise<FillOutcome> => {
    const reply = await askBackground('autofillQuery', {});
    if (!reply.ok || reply.state !== 'unlocked') return 'failed';
    const { logins } = reply;
    if (request.id !== null && !logins.some((l) => l.id === request.id)) return 'failed';
    const id = request.id ?? reply.rememberedId ?? (logins.length === 1 ? logins[0]!.id : null);
    if (logins.length === 0) {
      explain(target, 'Sealpass has no login saved for this site.');
      return 'failed';
    }
    // Several logins: the user picks in the menu. Another site's frame: the user confirms in it, naming it.
    if (id === null || reply.crossOrigin) {
      showMenu(target, id === null ? logins : logins.filter((l) => l.id === id), reply.crossOrigin ? reply.frameOrigin : null);
      return 'menu';
    }
    return fillWith(target, id, request.grant);
  };

  doc.addEventListener('focusin', (event) => focusOn(event.composedPath()[0]), true);
  listenForFillRequests((request) => {
    // A shortcut goes to every frame: only the one holding the keyboard focus itself acts (an ancestor of the
    // focused frame also "has focus", but its active element is then the frame).
    if (request.requireFocus && (!doc.hasFocus() || /^(IFRAME|FRAME)$/.test(doc.activeElement?.tagName ?? ''))) return null;
    const target = requestTarget();
    if (target) return answer(request, target);
    return request.requireFocus ? null : 'no-form';
  });
  // A field focused before this script ran (autofocus) gets its menu too; still nothing is filled.
  focusOn(deepActiveElement(doc));
}

/** The focused element, looking inside open shadow roots. */
function deepActiveElement(doc: Document): Element | null {
  let active = doc.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

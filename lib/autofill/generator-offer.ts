/**
 * The generator in new-password fields: while a new-password (or confirm-password) field of a sign-up or
 * change-password form has the focus, a small "Generate" button sits at its right edge (top layer, closed shadow root,
 * save-ui-host). A safe click (T14) asks the background for a password honouring the field's
 * `passwordrules` attribute or the site's quirks (the quirks file never reaches the content script) and
 * fills it into the form's new-password and confirm-password fields, so that React and Vue notice.
 */
import type { DetectedForm } from './form-types';
import { parseSaveReply } from './parse-save-reply';
import type { SendSaveMessage } from './save-flow-types';
import { openSaveUiHost, type SaveUiHost } from './save-ui-host';
import { isSafeClick } from './save-ui-safe-click';

/** The button's size in CSS pixels. */
const BUTTON_PX = 24;

const CSS = `
button{all:initial;box-sizing:border-box;display:block;width:${BUTTON_PX}px;height:${BUTTON_PX}px;border-radius:6px;cursor:pointer;
background:#1d4ed8;color:#fff;font:700 15px/${BUTTON_PX}px system-ui,sans-serif;text-align:center}
button:focus-visible{outline:2px solid #111}`;

/** What the generator button needs from the content script. */
export interface GeneratorOfferOptions {
  /** The document's forms right now (`detectForms`). */
  detect: () => DetectedForm[];
  send: SendSaveMessage;
}

/**
 * Starts offering the generator in `doc`'s new-password fields.
 * @returns a function that stops offering and closes an open button
 */
export function offerGenerator(doc: Document, options: GeneratorOfferOptions): () => void {
  const view = doc.defaultView;
  let open: { ui: SaveUiHost; field: HTMLInputElement } | null = null;

  const close = (): void => open?.ui.close();
  const place = (): void => {
    if (!open) return;
    const box = open.field.getBoundingClientRect();
    const inset = Math.max(2, (box.height - BUTTON_PX) / 2);
    open.ui.place(`left:${Math.round(box.right - BUTTON_PX - inset)}px;top:${Math.round(box.top + inset)}px`);
  };

  const show = (field: HTMLInputElement, form: DetectedForm): void => {
    if (open?.field === field) return;
    close();
    let ui: SaveUiHost | null = null;
    ui = openSaveUiHost(doc, CSS, 'left:0;top:0', () => {
      if (open?.ui === ui) open = null;
    });
    if (!ui) return;
    const button = doc.createElement('button');
    button.dataset.act = 'generate';
    button.textContent = '*';
    button.title = 'Fill a strong generated password';
    button.setAttribute('aria-label', 'Fill a strong generated password');
    ui.root.append(button);
    // Keep the focus in the page's field, so clicking the button does not close it first.
    ui.root.addEventListener('mousedown', (event) => event.preventDefault());
    ui.root.addEventListener('click', (event) => {
      if (!isSafeClick(event, ui.host)) return;
      void fillGenerated(form, field, options.send).then((filled) => {
        if (filled) ui.close();
      });
    });
    open = { ui, field };
    place();
  };

  const onFocusIn = (event: FocusEvent): void => {
    const field = event.composedPath()[0];
    if (!(field instanceof HTMLInputElement)) return;
    const form = options.detect().find((candidate) =>
      candidate.fields.some((f) => (f.role === 'new-password' || f.role === 'confirm-password') && f.elements.includes(field)),
    );
    if (form) show(field, form);
  };
  const onFocusOut = (event: FocusEvent): void => {
    if (open && event.composedPath()[0] === open.field) close();
  };

  doc.addEventListener('focusin', onFocusIn, true);
  doc.addEventListener('focusout', onFocusOut, true);
  view?.addEventListener('scroll', place, true);
  view?.addEventListener('resize', place);
  return () => {
    close();
    doc.removeEventListener('focusin', onFocusIn, true);
    doc.removeEventListener('focusout', onFocusOut, true);
    view?.removeEventListener('scroll', place, true);
    view?.removeEventListener('resize', place);
  };
}

/** Asks for a password and fills every new-password and confirm field of the form. @returns whether it filled */
async function fillGenerated(form: DetectedForm, field: HTMLInputElement, send: SendSaveMessage): Promise<boolean> {
  // Sites put `passwordrules` on the new-password field; the confirm field shares its rules.
  const rulesField = form.fields.find((f) => f.role === 'new-password')?.elements[0] ?? field;
  const reply = parseSaveReply(await send('generatorSuggest', { rules: rulesField.getAttribute('passwordrules') }).catch(() => null));
  if (!reply.ok || reply.password === null) return false;
  const targets = form.fields.filter((f) => f.role === 'new-password' || f.role === 'confirm-password').flatMap((f) => f.elements);
  for (const input of targets) setValue(input, reply.password);
  return true;
}

/**
 * Sets a value the way typing does as far as frameworks can tell: the native setter (React tracks the
 * value through it), then `input` and `change`.
 */
function setValue(input: HTMLInputElement, value: string): void {
  Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set?.call(input, value);
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  input.dispatchEvent(new Event('change', { bubbles: true }));
}

/**
 * The generator in new-password fields: while a new-password (or confirm-password) field of a sign-up or
 * change-password form has the focus, a small button sits at its right edge (a guarded top-layer overlay,
 * save-overlay). A click the guard allows (T14) asks the background for a password honouring the field's
 * `passwordrules` attribute or the site's quirks (the quirks file never reaches the content script) and
 * fills it into the form's new-password and confirm-password fields so that React and Vue notice.
 */
import type { DetectedForm } from '../detect/form-types';
import { parseSaveReply } from './parse-save-reply';
import type { SendSaveMessage } from './save-flow-types';
import { openSaveOverlay, type SaveOverlay } from './save-overlay';
import { setInputValue } from '../fill/set-input-value';

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
  let open: { ui: SaveOverlay; field: HTMLInputElement } | null = null;
  /** True while we fill: our own focus and blur events must not open or close the button. */
  let filling = false;

  const close = (): void => open?.ui.close();
  const boxOf = (field: HTMLInputElement) => {
    const box = field.getBoundingClientRect();
    const inset = Math.max(2, (box.height - BUTTON_PX) / 2);
    return { left: box.right - BUTTON_PX - inset, top: box.top + inset, width: BUTTON_PX, height: BUTTON_PX };
  };
  const place = (): void => {
    if (open) open.ui.place(boxOf(open.field));
  };

  const generate = async (form: DetectedForm, field: HTMLInputElement): Promise<void> => {
    // Sites put `passwordrules` on the new-password field; the confirm field shares its rules.
    const rulesField = form.fields.find((f) => f.role === 'new-password')?.elements[0] ?? field;
    const reply = parseSaveReply(await options.send('generatorSuggest', { rules: rulesField.getAttribute('passwordrules') }).catch(() => null));
    if (!reply.ok || reply.password === null) return;
    close();
    filling = true;
    try {
      const targets = form.fields.filter((f) => f.role === 'new-password' || f.role === 'confirm-password').flatMap((f) => f.elements);
      for (const input of targets) setInputValue(input, reply.password);
      if (field.isConnected) field.focus({ preventScroll: true });
    } finally {
      filling = false;
    }
  };

  const show = (field: HTMLInputElement, form: DetectedForm): void => {
    if (open?.field === field) return;
    close();
    let ui: SaveOverlay | null = null;
    ui = openSaveOverlay(doc, CSS, boxOf(field), () => {
      if (open?.ui === ui) open = null;
    });
    if (!ui) return;
    const button = doc.createElement('button');
    button.dataset.act = 'generate';
    button.textContent = '*';
    button.title = 'Fill a strong generated password';
    button.setAttribute('aria-label', 'Fill a strong generated password');
    ui.root.append(button);
    // Keep the focus in the page's field, so pressing the button does not blur (and close) it first.
    ui.root.addEventListener('mousedown', (event) => event.preventDefault());
    ui.root.addEventListener('click', (event) => {
      if (event instanceof MouseEvent && ui.allows(event)) void generate(form, field);
    });
    open = { ui, field };
  };

  const onFocusIn = (event: FocusEvent): void => {
    const field = event.composedPath()[0];
    if (filling || !(field instanceof HTMLInputElement)) return;
    const form = options.detect().find((candidate) =>
      candidate.fields.some((f) => (f.role === 'new-password' || f.role === 'confirm-password') && f.elements.includes(field)),
    );
    if (form) show(field, form);
  };
  const onFocusOut = (event: FocusEvent): void => {
    if (!filling && open && event.composedPath()[0] === open.field) close();
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

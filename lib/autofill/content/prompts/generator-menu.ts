/**
 * The generator menu under a focused new-password (or confirm-password) field of a sign-up or change-password
 * form: the suggested password itself, the rules it follows in words (the field's `passwordrules`, the site's
 * known rules, or Sealpass's default, decided by the background, which alone reads the quirks file), a
 * Regenerate button, and the passwords generated and filled on this origin before (a sign-up that failed
 * loses none). Nothing is filled until a click the guard allows (T14): then the password goes into the form's
 * new-password and confirm-password fields so that React and Vue notice, and into the short history. A
 * history entry's password comes from the background only on its click (S3). Lives in a guarded top-layer
 * overlay (prompt-overlay); the page's field keeps the focus, and the menu closes when it loses it. A field
 * still holding the password filled here is not offered the menu again until the user changes it.
 */
import type { GeneratedEntry } from '../../autofill-save-messages';
import type { DetectedForm } from '../detect/form-types';
import { setInputValue } from '../fill/set-input-value';
import { parseSaveReply } from './parse-save-reply';
import { parseSuggestion, type Suggestion } from './parse-suggestion';
import { openPromptOverlay, type PromptOverlay } from './prompt-overlay';
import type { SendSaveMessage } from '../save/send-save-message';

const MIN_WIDTH_PX = 300;
/** Gap between the field and the menu, in CSS pixels. */
const GAP_PX = 4;

const CSS = `
.menu{box-sizing:border-box;width:100%;font:13px/1.4 system-ui,sans-serif;color:#1b1f24;background:#fff;
border:1px solid #b8c2cc;border-radius:8px;box-shadow:0 2px 8px rgba(0,0,0,.2);padding:8px 10px;user-select:none}
.head{font-weight:600;color:#44505c;margin-bottom:6px}
.pw{all:unset;box-sizing:border-box;display:block;width:100%;padding:6px 8px;border:1px solid #b8c2cc;border-radius:6px;
background:#f4f7fb;font:14px/1.4 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;overflow-wrap:anywhere;cursor:pointer}
.pw:hover,.pw.active{background:#e8f0fb}
button.active{outline:2px solid #1f5fbf;outline-offset:1px}
.rules{color:#5a6672;font-size:12px;margin:6px 0 8px}
.btns{display:flex;gap:8px}
button{font:inherit;padding:4px 10px;border-radius:5px;border:1px solid #b8c2cc;background:#f4f4f4;color:#111;cursor:pointer}
button.primary{background:#1f5fbf;border-color:#1f5fbf;color:#fff}
.past{border-top:1px solid #e4e8ec;margin-top:8px;padding-top:6px}
.past-head{color:#44505c;font-size:12px;margin-bottom:4px}
.past button{display:block;width:100%;text-align:left;margin-top:4px}`;

let current: { ui: PromptOverlay; field: HTMLInputElement } | null = null;
/**
 * What this menu last filled into each field: filling moves the focus through the form's fields, and the focus
 * asks for the menu again; a field still holding what we filled gets none until the user changes it.
 */
const filledValues = new WeakMap<HTMLInputElement, string>();
/** True while this module fills: the focus moving through the form must not open menus half-way. */
let filling = false;

/**
 * Opens the menu on `field` (replacing a menu open on another field of this document) and asks for a suggestion.
 * @param form - the detected form `field` belongs to (its new-password and confirm-password fields are filled)
 * @param send - the content script's message sender
 * @returns a function that closes the menu
 */
export function showGeneratorMenu(field: HTMLInputElement, form: DetectedForm, send: SendSaveMessage): () => void {
  if (current?.field === field) return () => current?.ui.close();
  if (filling || (field.value !== '' && filledValues.get(field) === field.value)) return () => {};
  current?.ui.close();
  const doc = field.ownerDocument;
  const view = doc.defaultView;
  if (!view) return () => {};
  const boxOf = (height: number) => {
    const rect = field.getBoundingClientRect();
    const width = Math.min(Math.max(rect.width, MIN_WIDTH_PX), view.innerWidth - 8);
    const below = rect.bottom + GAP_PX + height <= view.innerHeight || rect.top - GAP_PX - height < 0;
    return { left: Math.max(4, Math.min(rect.left, view.innerWidth - width - 4)), top: below ? rect.bottom + GAP_PX : rect.top - GAP_PX - height, width, height };
  };
  let ui: PromptOverlay | null = null;
  let busy = false;
  let suggestion: Suggestion | null = null;

  const menu = element(doc, 'div', 'menu');
  menu.setAttribute('role', 'dialog');
  menu.setAttribute('aria-label', 'Sealpass password generator');
  const fit = (): void => ui?.place(boxOf(Math.ceil(menu.getBoundingClientRect().height)));
  const onFocusOut = (event: FocusEvent): void => {
    if (!filling && event.composedPath()[0] === field) ui?.close();
  };
  /** The button chosen from the keyboard (the field keeps the focus): ArrowDown / ArrowUp move, Enter acts. */
  let active = -1;
  const onKey = (event: KeyboardEvent): void => {
    if (event.key === 'Escape') return ui?.close();
    const buttons = [...menu.querySelectorAll<HTMLButtonElement>('button')];
    // A page's synthetic keys choose nothing.
    if (!event.isTrusted) return;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      active = active < 0 ? (step > 0 ? 0 : buttons.length - 1) : (active + step + buttons.length) % buttons.length;
      buttons.forEach((button, i) => button.classList.toggle('active', i === active));
    } else if (event.key === 'Enter' && buttons[active]) {
      // Enter with a button chosen is ours (it must not submit the form too); with nothing chosen it is the page's.
      event.preventDefault();
      event.stopImmediatePropagation();
      if (busy || !ui?.allows(event)) return;
      busy = true;
      void act(buttons[active]!).finally(() => {
        busy = false;
      });
    }
  };
  ui = openPromptOverlay(doc, CSS, boxOf(160), () => {
    if (current?.ui === ui) current = null;
    doc.removeEventListener('focusout', onFocusOut, true);
    field.removeEventListener('keydown', onKey, true);
    view.removeEventListener('scroll', fit, true);
    view.removeEventListener('resize', fit);
  });
  if (!ui) return () => {};
  const overlay = ui;
  current = { ui: overlay, field };
  overlay.root.append(menu);

  const render = (): void => {
    active = -1;
    const parts: Node[] = [element(doc, 'div', 'head', 'Sealpass · Suggested password')];
    if (suggestion) {
      const pw = element(doc, 'button', 'pw', suggestion.password);
      pw.dataset.act = 'fill';
      pw.setAttribute('aria-label', 'Fill the suggested password');
      parts.push(pw, element(doc, 'div', 'rules', suggestion.description));
    } else {
      parts.push(element(doc, 'div', 'rules', 'Sealpass could not suggest a password. Try again.'));
    }
    const buttons = element(doc, 'div', 'btns');
    if (suggestion) buttons.append(button(doc, 'fill', 'Fill', 'primary'));
    buttons.append(button(doc, 'regenerate', 'Regenerate', ''));
    parts.push(buttons);
    if (suggestion && suggestion.history.length > 0) parts.push(past(doc, suggestion.history));
    menu.replaceChildren(...parts);
    fit();
  };

  const fill = (password: string): void => {
    filling = true;
    try {
      const targets = form.fields.filter((f) => f.role === 'new-password' || f.role === 'confirm-password').flatMap((f) => f.elements);
      for (const input of targets) {
        setInputValue(input, password);
        filledValues.set(input, password);
      }
      if (field.isConnected) field.focus({ preventScroll: true });
    } finally {
      filling = false;
    }
    overlay.close();
  };

  const suggest = async (): Promise<void> => {
    // Sites put `passwordrules` on the new-password field; the confirm field shares its rules.
    const rulesField = form.fields.find((f) => f.role === 'new-password')?.elements[0] ?? field;
    suggestion = parseSuggestion(await send('generatorSuggest', { rules: rulesField.getAttribute('passwordrules') }).catch(() => null));
    render();
  };

  const act = async (target: HTMLElement): Promise<void> => {
    const action = target.dataset.act;
    if (action === 'regenerate') return suggest();
    if (action === 'fill' && suggestion) {
      const { password } = suggestion;
      // Kept in the short history first: if the page navigates at once, the password is not lost.
      await send('generatorUsed', { password }).catch(() => undefined);
      return fill(password);
    }
    if (action === 'history' && target.dataset.id !== undefined) {
      const reply = parseSaveReply(await send('generatorHistoryFill', { id: target.dataset.id }).catch(() => null));
      if (reply.ok && reply.password !== null) fill(reply.password);
    }
  };

  // Keep the focus in the page's field: pressing our buttons must not blur (and close) it first.
  overlay.root.addEventListener('mousedown', (event) => event.preventDefault());
  overlay.root.addEventListener('click', (event) => {
    const target = (event.target as Element | null)?.closest?.('button');
    if (!(event instanceof MouseEvent) || !(target instanceof HTMLElement) || busy || !overlay.allows(event)) return;
    busy = true;
    void act(target).finally(() => {
      busy = false;
    });
  });
  doc.addEventListener('focusout', onFocusOut, true);
  field.addEventListener('keydown', onKey, true);
  view.addEventListener('scroll', fit, { capture: true, passive: true });
  view.addEventListener('resize', fit, { passive: true });
  menu.append(element(doc, 'div', 'head', 'Sealpass · Suggested password'), element(doc, 'div', 'rules', 'Generating…'));
  void suggest();
  return () => overlay.close();
}

/** The passwords filled on this origin before, newest first, by when. */
function past(doc: Document, history: readonly GeneratedEntry[]): HTMLElement {
  const section = element(doc, 'div', 'past');
  section.append(element(doc, 'div', 'past-head', 'Generated here before'));
  for (const entry of history) {
    const item = button(doc, 'history', `Fill the password generated ${ago(entry.at)}`, '');
    item.dataset.id = entry.id;
    section.append(item);
  }
  return section;
}

/** "just now", "5 minutes ago", "2 hours ago". */
function ago(at: number): string {
  const minutes = Math.max(0, Math.round((Date.now() - at) / 60_000));
  if (minutes < 1) return 'just now';
  if (minutes < 60) return `${minutes} minute${minutes === 1 ? '' : 's'} ago`;
  const hours = Math.round(minutes / 60);
  return `${hours} hour${hours === 1 ? '' : 's'} ago`;
}

function button(doc: Document, act: string, label: string, className: string): HTMLButtonElement {
  const el = element(doc, 'button', className, label);
  el.type = 'button';
  el.dataset.act = act;
  return el;
}

function element<K extends keyof HTMLElementTagNameMap>(doc: Document, tag: K, className: string, text?: string): HTMLElementTagNameMap[K] {
  const el = doc.createElement(tag);
  if (className !== '') el.className = className;
  if (text !== undefined) el.textContent = text;
  return el;
}

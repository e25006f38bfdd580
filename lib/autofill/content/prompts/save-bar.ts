/**
 * The "Save login" / "Update password" bar, shown after a submit on the page it happened on or the page it
 * led to (the background injects this script and says which offer). Lives in a guarded top-layer overlay
 * (prompt-overlay: closed shadow root, T14 guard) and acts only on what the guard allows. It holds no
 * password: the offer names the host and the username the user typed; Save sends the offer id with the name
 * and folder chosen here (a new login: the name suggested from the page's title, the vault's folders asked
 * for on demand), Edit opens the vault page's editor with everything filled in, and the background does the
 * rest. A login shared with an edit grant offers to propose the change to its owner instead (S3). Every text is
 * set with `textContent`. Keys typed into the name field reach the page's key listeners like any typing.
 */
import type { SaveOffer } from '../../autofill-save-messages';
import { parseSaveReply, type SaveReply } from './parse-save-reply';
import type { SendSaveMessage } from '../save/send-save-message';
import { openPromptOverlay, type PromptOverlay } from './prompt-overlay';

/** How long the bar stays after a successful save, in ms, before it closes by itself. */
const DONE_CLOSE_MS = 4_000;

/** The bar's width and its distance from the viewport's top right corner, in CSS pixels. */
const WIDTH_PX = 360;
const MARGIN_PX = 16;

/** Longest name typed here, in characters (the vault takes 4,096; a name is shown in lists). */
const MAX_NAME = 200;

const CSS = `
.bar{box-sizing:border-box;width:100%;font:14px/1.4 system-ui,sans-serif;color:#111;background:#fff;
border:1px solid #bbb;border-radius:10px;box-shadow:0 6px 24px rgba(0,0,0,.25);padding:12px 14px}
.brand{font-weight:600;color:#1d4ed8;margin-bottom:4px}
.msg{margin:0 0 10px;overflow-wrap:anywhere}.user{display:block;color:#444}
.naming{display:grid;grid-template-columns:auto 1fr;gap:6px 8px;align-items:center;margin:0 0 10px}
.naming[hidden]{display:none}
.caption{color:#333}
input,select{box-sizing:border-box;width:100%;font:inherit;padding:4px 6px;border:1px solid #999;border-radius:6px;background:#fff;color:#111}
.actions{display:flex;gap:8px;flex-wrap:wrap}
button{font:inherit;padding:5px 10px;border-radius:6px;border:1px solid #999;background:#f4f4f4;color:#111;cursor:pointer}
button.primary{background:#1d4ed8;border-color:#1d4ed8;color:#fff}
button:focus-visible,input:focus-visible,select:focus-visible{outline:2px solid #1d4ed8;outline-offset:2px}`;

/** What the bar says after Save, by outcome. */
const OUTCOME_TEXT: Record<'created' | 'updated' | 'proposed' | 'unchanged', string> = {
  created: 'Login saved in Sealpass.',
  updated: 'Password updated in Sealpass.',
  proposed: 'Sent to {owner}. The shared login changes once they accept it.',
  unchanged: 'This login is already saved.',
};

let current: PromptOverlay | null = null;

/**
 * Shows the bar for `offer`, replacing any bar already shown in this document.
 * @param send - the content script's message sender
 * @returns a function that closes the bar
 */
export function showSaveBar(doc: Document, offer: SaveOffer, send: SendSaveMessage): () => void {
  current?.close();
  const view = doc.defaultView;
  if (!view) return () => {};
  const width = Math.min(WIDTH_PX, view.innerWidth - 2 * MARGIN_PX);
  const boxOf = (height: number) => ({ left: view.innerWidth - width - MARGIN_PX, top: MARGIN_PX, width, height });
  let ui: PromptOverlay | null = null;
  ui = openPromptOverlay(doc, CSS, boxOf(120), () => {
    if (current === ui) current = null;
    view.removeEventListener('resize', fit);
  });
  if (!ui) return () => {};
  current = ui;
  const bar = element(doc, 'div', 'bar');
  bar.setAttribute('role', 'dialog');
  bar.setAttribute('aria-label', 'Sealpass');
  const message = element(doc, 'p', 'msg');
  const naming = element(doc, 'div', 'naming');
  naming.hidden = true;
  const name = field(doc, naming, 'input', 'Name');
  name.type = 'text';
  name.maxLength = MAX_NAME;
  name.autocomplete = 'off';
  name.value = (offer.title ?? offer.host).slice(0, MAX_NAME);
  const folder = field(doc, naming, 'select', 'Folder');
  folder.append(option(doc, '', 'No folder'));
  const actions = element(doc, 'div', 'actions');
  bar.append(element(doc, 'div', 'brand', 'Sealpass'), message, naming, actions);
  ui.root.append(bar);

  let busy = false;
  const say = (text: string, username = ''): void => {
    message.textContent = text;
    if (username !== '') message.append(element(doc, 'span', 'user', username));
  };
  const buttons = (...list: [act: string, label: string][]): void => {
    actions.replaceChildren(...list.map(([act, label], i) => {
      const button = element(doc, 'button', i === 0 && act !== 'close' ? 'primary' : '', label);
      button.type = 'button';
      button.dataset.act = act;
      return button;
    }));
  };
  const showOffer = (action: SaveOffer['action']): void => {
    naming.hidden = action !== 'save';
    if (action === 'locked') {
      say(`Sealpass is locked. Unlock it with the Sealpass toolbar button, then choose Save to keep this login for ${offer.host}.`, offer.username);
      buttons(['accept', 'Save'], ['close', 'Not now']);
    } else if (action === 'propose') {
      // A shared login: the change goes to its owner, never into this vault (S3).
      say(`${offer.owner ?? 'The owner'} shared this login with you. Send the new password to ${offer.owner ?? 'them'} to update it?`, offer.username);
      buttons(['accept', 'Propose update'], ['close', 'Not now']);
    } else {
      say(action === 'save' ? `Save this login for ${offer.host}?` : `Update the saved password for ${offer.host}?`, offer.username);
      buttons(['accept', action === 'save' ? 'Save' : 'Update'], ['edit', 'Edit…'], ['never', 'Never for this site'], ['close', 'Not now']);
    }
    fit();
  };
  /** The host takes the bar's own size, so the guard watches exactly what the user sees. */
  function fit(): void {
    ui?.place(boxOf(Math.ceil(bar.getBoundingClientRect().height)));
  }
  const finish = (text: string): void => {
    say(text);
    naming.hidden = true;
    buttons(['close', 'Close']);
    fit();
    view.setTimeout(() => ui.close(), DONE_CLOSE_MS);
  };
  const failed = (reply: Extract<SaveReply, { ok: false }>): void => {
    if (reply.code === 'locked') showOffer('locked');
    else if (reply.code === 'not-found') finish('This offer to save has expired. Submit the form again to save it.');
    else say(reply.message);
    fit();
  };
  /** The vault's folders, once unlocked: asked for only now, and only for a new login. */
  const listFolders = async (): Promise<void> => {
    const reply = await send('saveFolders', { id: offer.id }).catch(() => null);
    const folders = (reply as { ok?: unknown; folders?: unknown } | null)?.folders;
    if (!Array.isArray(folders)) return;
    for (const name of folders.slice(0, 500)) if (typeof name === 'string' && name !== '' && name.length <= 256) folder.append(option(doc, name, name));
  };
  /** The name and folder as chosen; an empty name leaves the suggestion to the background. */
  const chosenNaming = () => {
    const title = name.value.trim();
    return { ...(title === '' ? {} : { title }), ...(folder.value === '' ? {} : { folder: folder.value }) };
  };

  const act = async (action: string): Promise<void> => {
    if (action === 'close') {
      ui.close();
      void send('saveDismiss', { id: offer.id, never: false }).catch(() => undefined);
      return;
    }
    const chosen = offer.action === 'save' ? chosenNaming() : {};
    const request = action === 'never'
      ? send('saveDismiss', { id: offer.id, never: true })
      : action === 'edit' ? send('saveEdit', { id: offer.id, ...chosen }) : send('saveAccept', { id: offer.id, ...chosen });
    const reply = parseSaveReply(await request.catch(() => ({ ok: false, error: { code: 'internal', message: 'Sealpass is not answering. Try again.' } })));
    if (!reply.ok) return failed(reply);
    if (action === 'never') return finish(`Sealpass will not offer to save logins on ${offer.host} again.`);
    if (action === 'edit') return finish('Opened in the Sealpass editor: check the details and save there.');
    finish(OUTCOME_TEXT[reply.outcome ?? 'unchanged'].replace('{owner}', offer.owner ?? 'the owner'));
  };

  const run = (event: MouseEvent | KeyboardEvent): void => {
    const button = (event.target as Element | null)?.closest?.('button');
    if (!button || busy || !ui.allows(event)) return;
    busy = true;
    void act(button.dataset.act ?? '').finally(() => {
      busy = false;
    });
  };
  ui.root.addEventListener('click', (event) => {
    // detail 0: the click a key press makes on a focused button; the key itself was handled below.
    if (event instanceof MouseEvent && event.detail > 0) run(event);
  });
  ui.root.addEventListener('keydown', (event) => {
    if (!(event instanceof KeyboardEvent) || (event.key !== 'Enter' && event.key !== ' ')) return;
    // Keys typed into the name or the folder list are theirs; only a focused button acts on a key.
    if (!(event.target instanceof Element) || event.target.closest('button') === null) return;
    event.preventDefault();
    run(event);
  });
  showOffer(offer.action);
  if (offer.action === 'save') void listFolders();
  view.addEventListener('resize', fit);
  return () => ui.close();
}

function element<K extends keyof HTMLElementTagNameMap>(doc: Document, tag: K, className: string, text?: string): HTMLElementTagNameMap[K] {
  const el = doc.createElement(tag);
  if (className !== '') el.className = className;
  if (text !== undefined) el.textContent = text;
  return el;
}

/** A labelled control appended to `grid`. */
function field<K extends 'input' | 'select'>(doc: Document, grid: HTMLElement, tag: K, label: string): HTMLElementTagNameMap[K] {
  const control = doc.createElement(tag);
  control.dataset.field = label.toLowerCase();
  // The caption sits in the grid's first column; the control is named by aria-label (no ids needed).
  control.setAttribute('aria-label', label);
  grid.append(element(doc, 'span', 'caption', label), control);
  return control;
}

function option(doc: Document, value: string, text: string): HTMLOptionElement {
  const el = doc.createElement('option');
  el.value = value;
  el.textContent = text;
  return el;
}

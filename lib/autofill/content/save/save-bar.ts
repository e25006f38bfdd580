/**
 * The "Save login" / "Update password" bar, shown after a submit on the page it happened on or the page it
 * led to. Lives in a guarded top-layer overlay (save-overlay: closed shadow root, T14 guard) and acts only on
 * what the guard allows. It holds no password: the offer names the host and the username the user typed;
 * Save sends the offer id and the background does the rest. Every text is set with `textContent`.
 */
import type { SaveOffer } from '../../autofill-save-messages';
import { parseSaveReply, type SaveReply } from './parse-save-reply';
import type { SendSaveMessage } from './save-flow-types';
import { openSaveOverlay, type SaveOverlay } from './save-overlay';

/** How long the bar stays after a successful save, in ms, before it closes by itself. */
const DONE_CLOSE_MS = 4_000;

/** The bar's width and its distance from the viewport's top right corner, in CSS pixels. */
const WIDTH_PX = 340;
const MARGIN_PX = 16;

const CSS = `
.bar{box-sizing:border-box;width:100%;font:14px/1.4 system-ui,sans-serif;color:#111;background:#fff;
border:1px solid #bbb;border-radius:10px;box-shadow:0 6px 24px rgba(0,0,0,.25);padding:12px 14px}
.brand{font-weight:600;color:#1d4ed8;margin-bottom:4px}
.msg{margin:0 0 10px;overflow-wrap:anywhere}.user{display:block;color:#444}
.actions{display:flex;gap:8px;flex-wrap:wrap}
button{font:inherit;padding:5px 10px;border-radius:6px;border:1px solid #999;background:#f4f4f4;color:#111;cursor:pointer}
button.primary{background:#1d4ed8;border-color:#1d4ed8;color:#fff}
button:focus-visible{outline:2px solid #1d4ed8;outline-offset:2px}`;

/** What the bar says after Save, by outcome. */
const OUTCOME_TEXT: Record<'created' | 'updated' | 'proposed' | 'unchanged', string> = {
  created: 'Login saved in Sealpass.',
  updated: 'Password updated in Sealpass.',
  proposed: 'Sent to {owner}. The shared login changes once they accept it.',
  unchanged: 'This login is already saved.',
};

let current: SaveOverlay | null = null;

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
  let ui: SaveOverlay | null = null;
  ui = openSaveOverlay(doc, CSS, boxOf(120), () => {
    if (current === ui) current = null;
    view.removeEventListener('resize', fit);
  });
  if (!ui) return () => {};
  current = ui;
  const bar = element(doc, 'div', 'bar');
  bar.setAttribute('role', 'dialog');
  bar.setAttribute('aria-label', 'Sealpass');
  const message = element(doc, 'p', 'msg');
  const actions = element(doc, 'div', 'actions');
  bar.append(element(doc, 'div', 'brand', 'Sealpass'), message, actions);
  ui.root.append(bar);

  let busy = false;
  const say = (text: string, username = ''): void => {
    message.textContent = text;
    if (username !== '') message.append(element(doc, 'span', 'user', username));
  };
  const buttons = (...list: [act: string, label: string][]): void => {
    actions.replaceChildren(...list.map(([act, label], i) => {
      const button = element(doc, 'button', i === 0 && act !== 'close' ? 'primary' : '', label);
      button.dataset.act = act;
      return button;
    }));
  };
  const showOffer = (action: SaveOffer['action']): void => {
    if (action === 'locked') {
      say(`Sealpass is locked. Unlock it with the Sealpass toolbar button, then choose Save to keep this login for ${offer.host}.`, offer.username);
      buttons(['accept', 'Save'], ['close', 'Not now']);
    } else if (action === 'propose') {
      // A shared login: the change goes to its owner, never into this vault (S3).
      say(`${offer.owner ?? 'The owner'} shared this login with you. Send the new password to ${offer.owner ?? 'them'} to update it?`, offer.username);
      buttons(['accept', 'Propose update'], ['close', 'Not now']);
    } else {
      say(action === 'save' ? `Save this login for ${offer.host}?` : `Update the saved password for ${offer.host}?`, offer.username);
      buttons(['accept', action === 'save' ? 'Save' : 'Update'], ['never', 'Never for this site'], ['close', 'Not now']);
    }
    fit();
  };
  /** The host takes the bar's own size, so the guard watches exactly what the user sees. */
  function fit(): void {
    ui?.place(boxOf(Math.ceil(bar.getBoundingClientRect().height)));
  }
  const finish = (text: string): void => {
    say(text);
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

  const act = async (action: string): Promise<void> => {
    if (action === 'close') {
      ui.close();
      void send('saveDismiss', { id: offer.id, never: false }).catch(() => undefined);
      return;
    }
    const reply = parseSaveReply(await send(action === 'never' ? 'saveDismiss' : 'saveAccept', action === 'never' ? { id: offer.id, never: true } : { id: offer.id })
      .catch(() => ({ ok: false, error: { code: 'internal', message: 'Sealpass is not answering. Try again.' } })));
    if (!reply.ok) return failed(reply);
    if (action === 'never') return finish(`Sealpass will not offer to save logins on ${offer.host} again.`);
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
    event.preventDefault();
    run(event);
  });
  showOffer(offer.action);
  view.addEventListener('resize', fit);
  return () => ui.close();
}

function element<K extends keyof HTMLElementTagNameMap>(doc: Document, tag: K, className: string, text?: string): HTMLElementTagNameMap[K] {
  const el = doc.createElement(tag);
  if (className !== '') el.className = className;
  if (text !== undefined) el.textContent = text;
  return el;
}

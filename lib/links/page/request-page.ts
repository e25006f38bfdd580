/**
 * The page the relay serves at `/r/` (issue 14): reads the request secret from the fragment, opens the
 * owner's signed descriptor (a swapped one is refused here, T26), shows who asks and their safety code,
 * and seals what the visitor types to the request's own public key before anything leaves the browser.
 * It imports lib/crypto, lib/relay-protocol, lib/links/format and the safety code only.
 */
import './zod-jitless';
import { createLinkPublicClient } from '../../relay-protocol/link-public-client';
import { RelayError } from '../../relay-protocol/relay-error';
import { ownerSafetyCode } from './owner-safety-code';
import { deriveRequestKeys } from '../format/derive-request-keys';
import { decodeLinkSecret } from '../format/link-secret';
import { openRequestDescriptor } from '../format/open-request-descriptor';
import type { RequestDescriptor } from '../format/request-descriptor';
import { sealRequestAnswer } from '../format/seal-request-answer';
import { el, footer, show, statusLine, when } from './dom';

const relay = createLinkPublicClient({ baseUrl: location.origin });

function stop(heading: string, text: string): void {
  show(el('h1', {}, heading), statusLine(text, 'alert'), footer());
}

function failed(error: unknown): void {
  if (error instanceof RelayError && error.details.code === 'not-found') return stop('This request is no longer available', 'No such request: it has expired, or the address is incomplete.');
  if (error instanceof RelayError && error.details.code === 'gone') return stop('This request is no longer available', 'It already has the answers it asked for, has expired, or was withdrawn.');
  const text = error instanceof RelayError && error.kind === 'rate-limited' ? 'Too many attempts from your network. Wait a minute and try again.' : 'The relay could not be reached. Check your connection and try again.';
  show(el('h1', {}, 'Something went wrong'), statusLine(text, 'alert'), footer());
}

function field(id: string, label: string, type: string, autocomplete: string): [HTMLLabelElement, HTMLInputElement | HTMLTextAreaElement] {
  const input = type === 'textarea' ? el('textarea', { id, rows: '4' }) : el('input', { id, type, autocomplete, spellcheck: 'false' });
  return [el('label', { for: id }, label), input];
}

function ask(secret: Uint8Array, descriptor: RequestDescriptor): void {
  const owner = descriptor.owner;
  const safetyCode = ownerSafetyCode(owner);
  const [userLabel, username] = field('username', 'Username', 'text', 'off');
  const [passLabel, password] = field('password', 'Password or secret', 'password', 'new-password');
  const [urlLabel, url] = field('url', 'Website (optional)', 'url', 'off');
  const [noteLabel, note] = field('note', 'Note (optional)', 'textarea', 'off');
  const button = el('button', { type: 'submit' }, `Send to ${owner.handle}`);
  const status = statusLine('');
  const form = el('form', {}, userLabel, username, passLabel, password, urlLabel, url, noteLabel, note, button, status);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const answer = { v: 1 as const, username: username.value, password: password.value, url: url.value.trim(), note: note.value };
    if (!answer.username && !answer.password && !answer.url && !answer.note) return void (status.textContent = 'Type at least one value to send.');
    button.disabled = true;
    status.textContent = 'Sealing and sending…';
    let sealed: string;
    try {
      sealed = sealRequestAnswer(descriptor, answer);
    } catch {
      button.disabled = false;
      return void (status.textContent = 'That is too long to send. Shorten the note.');
    }
    relay.answer(descriptor.requestId, deriveRequestKeys(secret).token, sealed).then(
      () => stop(`Sent to ${owner.handle}`, `Done. Only ${owner.handle}’s Sealpass can read what you sent; the relay cannot. You can close this page.`),
      failed,
    );
  });
  show(
    el('h1', {}, `${owner.handle} asks you for a secret`),
    el('p', {}, 'They asked for: ', el('strong', {}, `“${descriptor.label}”`)),
    el(
      'section',
      { 'aria-labelledby': 'safety-heading' },
      el('h2', { id: 'safety-heading' }, 'Check who is asking'),
      el('p', {}, `${owner.handle}’s safety code:`),
      el('p', { class: 'code', 'data-testid': 'safety-code' }, safetyCode),
      el('p', {}, `Before you send anything, ask ${owner.handle} to read you their safety code (Sealpass → Settings → Sharing) over a channel you trust, such as a call. If it differs, do not send.`),
    ),
    el('p', {}, `What you type is encrypted in this browser for ${owner.handle} alone. The request expires ${when(descriptor.expiresAt)}.`),
    form,
    footer(),
  );
}

async function main(): Promise<void> {
  const secret = decodeLinkSecret(location.hash.slice(1));
  if (!secret) return stop('This address is incomplete', 'Copy the whole link, including the part after “#”.');
  const meta = await relay.requestMeta(deriveRequestKeys(secret).id);
  if (meta.state !== 'active' || meta.descriptor === null) return stop('This request is no longer available', 'It already has the answers it asked for, has expired, or was withdrawn.');
  let descriptor: RequestDescriptor;
  try {
    descriptor = openRequestDescriptor(secret, meta.descriptor);
  } catch {
    return stop('Do not send anything', 'This request was changed after its owner made it (its signature or key does not match the link). Tell the person who sent you the link.');
  }
  if (Date.now() >= descriptor.expiresAt) return stop('This request is no longer available', 'It has expired. Ask for a new link.');
  ask(secret, descriptor);
}

main().catch(failed);

/**
 * The page the relay serves at `/l/` (issue 14): reads the secret from the fragment, asks the relay for
 * the link's state (a GET, which spends nothing), and only on an explicit Reveal spends a view, opens the
 * content with the terms bound into its associated data, shows it, and posts the "opened" proof (T25).
 * It imports lib/crypto, lib/relay-protocol and lib/links/format only, never the extension's bundle.
 */
import './zod-jitless';
import { DecryptError } from '../../crypto/sealed';
import { createLinkPublicClient } from '../../relay-protocol/link-public-client';
import type { LinkMeta } from '../../relay-protocol/link-schemas';
import { RelayError } from '../../relay-protocol/relay-error';
import { deriveLinkKeys, linkIdOf } from '../format/derive-link-keys';
import type { LinkContent, LinkTerms } from '../format/link-content';
import { decodeLinkSecret } from '../format/link-secret';
import { openLinkContent } from '../format/open-link-content';
import { signOpenedProof } from '../format/sign-opened-proof';
import { valueRow } from './value-row';
import { el, footer, show, statusLine, when } from './dom';

const relay = createLinkPublicClient({ baseUrl: location.origin });

const GONE_TEXT: Record<Exclude<LinkMeta['state'], 'active'>, string> = {
  spent: 'This link was opened as many times as its sender allowed. It no longer exists.',
  expired: 'This link has expired. Ask its sender for a new one.',
  revoked: 'Its sender revoked this link. Ask them for a new one.',
};

function gone(text: string): void {
  show(el('h1', {}, 'This link is no longer available'), statusLine(text, 'alert'), footer());
}

function failed(error: unknown): void {
  if (error instanceof RelayError && error.details.code === 'not-found') return gone('No such link: it has expired, or the address is incomplete.');
  if (error instanceof RelayError && error.details.code === 'gone') return gone('This link was opened as many times as its sender allowed, has expired, or was revoked.');
  const text = error instanceof RelayError && error.kind === 'rate-limited' ? 'Too many attempts from your network. Wait a minute and try again.' : 'The relay could not be reached. Check your connection and reload.';
  show(el('h1', {}, 'Something went wrong'), statusLine(text, 'alert'), footer());
}

function revealed(content: LinkContent, viewsLeft: number): void {
  show(
    el('h1', {}, content.title || 'A secret for you'),
    statusLine(viewsLeft === 0 ? 'This was the last view: the link no longer exists. Save what you need now.' : `Opened. ${viewsLeft} more ${viewsLeft === 1 ? 'view' : 'views'} left on this link.`),
    el('section', { 'aria-label': 'The secret' }, ...content.fields.map((field) => valueRow(field.label, field.value, field.concealed))),
    footer(),
  );
}

async function reveal(secret: Uint8Array, meta: LinkMeta, passphrase: string | null, report: (text: string) => void): Promise<void> {
  const terms: LinkTerms = { expiresAt: meta.expiresAt, maxViews: meta.maxViews, passphrase: meta.passphrase };
  const keys = await deriveLinkKeys(secret, passphrase);
  let answer;
  try {
    answer = await relay.reveal(meta.id, keys.token);
  } catch (error) {
    if (error instanceof RelayError && error.details.code === 'forbidden') return report('Wrong passphrase. No view was spent: try again.');
    return failed(error);
  }
  let content: LinkContent;
  try {
    content = openLinkContent(keys.contentKey, meta.id, answer.content, terms);
  } catch (error) {
    if (!(error instanceof DecryptError)) throw error;
    return gone('This link’s content does not open with the terms its sender set: the relay changed something. Nothing is shown.');
  }
  // The terms are authentic now: a relay that served the content after its expiry gains nothing.
  if (Date.now() >= terms.expiresAt) return gone(GONE_TEXT.expired);
  revealed(content, answer.viewsLeft);
  relay.opened(meta.id, signOpenedProof(content.receiptSeed, meta.id, Date.now())).catch(() => undefined);
}

function offer(secret: Uint8Array, meta: LinkMeta): void {
  const passphrase = meta.passphrase ? el('input', { id: 'passphrase', type: 'password', autocomplete: 'off', required: true }) : null;
  const button = el('button', { type: 'submit' }, 'Reveal');
  const status = statusLine('');
  const form = el(
    'form',
    { 'aria-describedby': 'views' },
    passphrase && el('label', { for: 'passphrase' }, 'Passphrase (the sender gave it to you separately)'),
    passphrase,
    button,
    status,
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (passphrase && passphrase.value === '') return void (status.textContent = 'Enter the passphrase first.');
    button.disabled = true;
    status.textContent = passphrase ? 'Checking the passphrase…' : 'Opening…';
    reveal(secret, meta, passphrase ? passphrase.value : null, (text) => {
      status.textContent = text;
      button.disabled = false;
      passphrase?.focus();
    }).catch(failed);
  });
  show(
    el('h1', {}, 'Someone sent you a secret'),
    el(
      'p',
      { id: 'views' },
      `It can be opened ${meta.viewsLeft} more ${meta.viewsLeft === 1 ? 'time' : 'times'} and expires ${when(meta.expiresAt)}. Revealing it uses one view; just loading this page does not.`,
    ),
    form,
    footer(),
  );
}

async function main(): Promise<void> {
  const secret = decodeLinkSecret(location.hash.slice(1));
  if (!secret) return gone('This address is incomplete: copy the whole link, including the part after “#”.');
  const meta = await relay.linkMeta(linkIdOf(secret));
  if (meta.state !== 'active') return gone(GONE_TEXT[meta.state]);
  offer(secret, meta);
}

main().catch(failed);

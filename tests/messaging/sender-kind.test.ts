/** senderKind: who sent a runtime message, decided from what the browser reports (S3, S7). */
import { describe, expect, it } from 'vitest';
import { senderKind, type SenderInfo } from '../../lib/messaging/sender-kind';

const ID = 'abcdefghijklmnopabcdefghijklmnop';
const ORIGIN = `chrome-extension://${ID}`;
const kind = (sender: SenderInfo) => senderKind(sender, ID, ORIGIN);

describe('senderKind', () => {
  it.each([
    ['the popup', { id: ID, url: `${ORIGIN}/popup.html` }],
    ['the vault page opened in a tab', { id: ID, url: `${ORIGIN}/vault.html#/items`, tab: { id: 4 }, frameId: 0 }],
  ])('our extension page (%s) → extension-page', (_name, sender) => {
    expect(kind(sender)).toBe('extension-page');
  });

  it('a Firefox moz-extension page with its own origin → extension-page', () => {
    const origin = 'moz-extension://0f8fad5b-d9cb-469f-a165-70867728950e';
    expect(senderKind({ id: 'sealpass@example', url: `${origin}/popup.html` }, 'sealpass@example', origin)).toBe('extension-page');
  });

  it.each([
    ['https', 'https://example.com/login'],
    ['http', 'http://127.0.0.1:8080/'],
  ])('an %s page with a tab → content-script', (_name, url) => {
    expect(kind({ id: ID, url, tab: { id: 1 }, frameId: 0 })).toBe('content-script');
  });

  it.each([
    ['another extension’s id', { id: 'otherextensionidotherextensionid', url: `${ORIGIN}/popup.html` }],
    ['another extension’s id from a web page', { id: 'otherextensionidotherextensionid', url: 'https://example.com/', tab: { id: 1 } }],
    ['our id but another extension’s origin', { id: ID, url: 'chrome-extension://otherextensionidotherextensionid/x.html' }],
    ['our id with a longer look-alike origin', { id: ID, url: `${ORIGIN}xyz/popup.html` }],
    ['a garbage url', { id: ID, url: 'not a url', tab: { id: 1 } }],
    ['no url', { id: ID, tab: { id: 1 } }],
    ['no id', { url: `${ORIGIN}/popup.html` }],
    ['an https page without a tab', { id: ID, url: 'https://example.com/' }],
    ['a file: page with a tab', { id: ID, url: 'file:///home/user/a.html', tab: { id: 1 } }],
    ['a data: page with a tab', { id: ID, url: 'data:text/html,<p>hi</p>', tab: { id: 1 } }],
    ['a javascript: url with a tab', { id: ID, url: 'javascript:alert(1)', tab: { id: 1 } }],
  ])('%s → null', (_name, sender) => {
    expect(kind(sender as SenderInfo)).toBeNull();
  });
});

/**
 * One-time link format (issue 14, T25): the content opens with the secret and the terms the owner set;
 * a changed expiry, view count or passphrase flag fails to open; a passphrase changes the token and key, so
 * a wrong one is refused by the relay (different token) and cannot open the content either.
 */
import { describe, expect, it } from 'vitest';
import { DecryptError } from '../../../lib/crypto/sealed';
import { deriveLinkKeys, linkIdOf } from '../../../lib/links/format/derive-link-keys';
import { decodeLinkSecret, encodeLinkSecret, newLinkSecret } from '../../../lib/links/format/link-secret';
import { linkUrl, parseLinkUrl } from '../../../lib/links/format/link-url';
import { openLinkContent } from '../../../lib/links/format/open-link-content';
import { sealLinkContent } from '../../../lib/links/format/seal-link-content';
import { sampleContent, TERMS } from './fixtures';

describe('link secret and URL', () => {
  it('round-trips a secret through the URL fragment, and refuses anything else', () => {
    const secret = newLinkSecret();
    const url = linkUrl('https://relay.example/some/path', 'link', secret);
    expect(url).toMatch(/^https:\/\/relay\.example\/l\/#[A-Za-z0-9_-]{43}$/);
    expect(parseLinkUrl(` ${url} `)).toEqual({ kind: 'link', relayOrigin: 'https://relay.example', secret });
    expect(parseLinkUrl(linkUrl('http://127.0.0.1:8787', 'request', secret))?.kind).toBe('request');
    expect(decodeLinkSecret(encodeLinkSecret(secret))).toEqual(secret);
    for (const bad of ['https://relay.example/l/', 'https://relay.example/x/#' + encodeLinkSecret(secret), 'ftp://relay.example/l/#' + encodeLinkSecret(secret), `${url}A`, 'https://relay.example/l/?a=1#' + encodeLinkSecret(secret), 'not a url']) {
      expect(parseLinkUrl(bad)).toBeNull();
    }
  });

  it('derives the id from the secret alone, and token and key from secret and passphrase', async () => {
    const secret = newLinkSecret();
    const plain = await deriveLinkKeys(secret, null);
    const withPass = await deriveLinkKeys(secret, 'correct horse');
    const otherPass = await deriveLinkKeys(secret, 'correct horsf');
    expect(plain.id).toBe(linkIdOf(secret));
    expect(withPass.id).toBe(plain.id);
    expect(new Set([plain.token, withPass.token, otherPass.token]).size).toBe(3);
    expect(new Set([plain.tokenHash, withPass.tokenHash, otherPass.tokenHash]).size).toBe(3);
    expect(plain.tokenHash).not.toBe(plain.token);
    expect(Buffer.from(withPass.contentKey).equals(Buffer.from(otherPass.contentKey))).toBe(false);
  });
});

describe('link content', () => {
  it('opens with the secret and the terms it was sealed with', async () => {
    const secret = newLinkSecret();
    const content = sampleContent();
    const wire = await sealLinkContent(secret, content, TERMS, null);
    expect(wire).toMatchObject({ expiresAt: TERMS.expiresAt, maxViews: 3, passphrase: false });
    for (const secretText of ['ops@acme.example', 'Vellum-Quartz-4417', 'Hosting for Acme', content.receiptSeed]) expect(JSON.stringify(wire)).not.toContain(secretText);
    const keys = await deriveLinkKeys(secret, null);
    expect(openLinkContent(keys.contentKey, wire.id, wire.content, TERMS)).toEqual(content);
  });

  it('T25: fails to open when the relay reports another expiry, view count or passphrase flag', async () => {
    const secret = newLinkSecret();
    const wire = await sealLinkContent(secret, sampleContent(), TERMS, null);
    const keys = await deriveLinkKeys(secret, null);
    for (const terms of [{ ...TERMS, expiresAt: TERMS.expiresAt + 86_400_000 }, { ...TERMS, maxViews: 100 }, { ...TERMS, passphrase: true }]) {
      expect(() => openLinkContent(keys.contentKey, wire.id, wire.content, terms)).toThrow(DecryptError);
    }
    expect(() => openLinkContent(keys.contentKey, 'A'.repeat(22), wire.content, TERMS)).toThrow(DecryptError);
  });

  it('T25: a wrong passphrase gives another token and cannot open the content', async () => {
    const secret = newLinkSecret();
    const terms = { ...TERMS, passphrase: true };
    const wire = await sealLinkContent(secret, sampleContent(), terms, 'river otter lamp');
    const wrong = await deriveLinkKeys(secret, 'river otter lamb');
    expect(wrong.tokenHash).not.toBe(wire.tokenHash);
    expect(() => openLinkContent(wrong.contentKey, wire.id, wire.content, terms)).toThrow(DecryptError);
    const right = await deriveLinkKeys(secret, 'river otter lamp');
    expect(right.tokenHash).toBe(wire.tokenHash);
    expect(openLinkContent(right.contentKey, wire.id, wire.content, terms).title).toBe('Hosting for Acme');
  });

  it('refuses a passphrase that the terms do not announce, and malformed content', async () => {
    await expect(sealLinkContent(newLinkSecret(), sampleContent(), TERMS, 'x')).rejects.toThrow(RangeError);
    await expect(sealLinkContent(newLinkSecret(), { ...sampleContent(), fields: [] }, TERMS, null)).rejects.toThrow();
    const keys = await deriveLinkKeys(newLinkSecret(), null);
    for (const bad of ['', '{}', 'null', '{"v":1,"alg":"xchacha20poly1305","nonce":"AAAA","ct":"AAAA"}']) {
      expect(() => openLinkContent(keys.contentKey, keys.id, bad, TERMS)).toThrow(DecryptError);
    }
  });
});
